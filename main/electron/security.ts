/** URL decisions made by parsing, never by substring (see architecture.md pitfalls). */
export const APP_PROTOCOL = 'app:';

/** True for the app's own pages (the bundled renderer served from app://workbench/). */
export function isAppUrl(raw: string | undefined | null): boolean {
  if (!raw) return false;
  try {
    const u = new URL(raw);
    return u.protocol === APP_PROTOCOL && u.hostname === 'workbench' && !u.username && !u.password;
  } catch {
    return false;
  }
}

/** Only plain https links without credentials may be handed to the system browser. */
export function isSafeExternalUrl(raw: string): boolean {
  try {
    const u = new URL(raw);
    return u.protocol === 'https:' && !u.username && !u.password && !!u.hostname;
  } catch {
    return false;
  }
}

/**
 * What single sign-on may open in the system browser: a team server's desktop sign-in start,
 * over https (plain http only for a server on this computer), without credentials.
 */
export function isSsoStartUrl(raw: string): boolean {
  try {
    const u = new URL(raw);
    const local = u.hostname === '127.0.0.1' || u.hostname === 'localhost' || u.hostname === '[::1]';
    return (
      (u.protocol === 'https:' || (u.protocol === 'http:' && local)) &&
      !u.username &&
      !u.password &&
      !!u.hostname &&
      u.pathname === '/auth/sso/desktop/start'
    );
  } catch {
    return false;
  }
}

/**
 * IPC calls are answered only for a frame of our own page. A missing or blank
 * sender frame (a destroyed frame, a navigation in flight, an injected caller)
 * is refused: there is no way to know who is asking.
 */
export function isTrustedSender(frameUrl: string | undefined | null): boolean {
  return isAppUrl(frameUrl);
}

/** Permission requests: the microphone only (no camera, nothing else), and only for the app's own pages. */
export function allowsMedia(permission: string, origin: string | undefined, mediaTypes: readonly string[] | undefined): boolean {
  if (permission !== 'media' || !isAppUrl(origin)) return false;
  return !!mediaTypes?.length && mediaTypes.every((t) => t === 'audio');
}
