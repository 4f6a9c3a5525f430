/**
 * Audio capture for live guidance, and nothing else: the app's own pages may use the
 * microphone (the rep) and, on Windows and macOS, the system audio loopback (the
 * customer, through getDisplayMedia); every other permission stays refused. macOS asks
 * the user for microphone and screen-recording permission itself the first time.
 */
import { desktopCapturer, dialog, BrowserWindow, type Session } from 'electron';
import { allowsMedia, isAppUrl } from './security';

export function setUpMediaCapture(ses: Session) {
  ses.setPermissionRequestHandler((_wc, permission, cb, details) => {
    const d = details as { requestingUrl?: string; mediaTypes?: string[] };
    cb(allowsMedia(permission, d.requestingUrl, d.mediaTypes));
  });
  ses.setPermissionCheckHandler((_wc, permission, origin) => permission === 'media' && isAppUrl(origin));
  ses.setDisplayMediaRequestHandler((request, callback) => {
    const fromUs = isAppUrl(request.frame?.url ?? request.securityOrigin);
    // system audio exists as a loopback on Windows and macOS only; elsewhere the page falls back to one mixed channel
    if (!fromUs || !request.audioRequested || (process.platform !== 'win32' && process.platform !== 'darwin')) return callback({});
    desktopCapturer
      .getSources({ types: ['screen'] })
      .then((sources) => (sources[0] ? callback({ video: sources[0], audio: 'loopback' }) : callback({})))
      .catch(() => callback({}));
  });
}

/** The folder chooser for speech model folders. */
export async function showFolderDialog(): Promise<string | null> {
  const win = BrowserWindow.getFocusedWindow();
  const o = { properties: ['openDirectory' as const] };
  const r = win ? await dialog.showOpenDialog(win, o) : await dialog.showOpenDialog(o);
  return r.canceled || !r.filePaths[0] ? null : r.filePaths[0];
}
