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
