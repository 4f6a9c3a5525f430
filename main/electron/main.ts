/**
 * Electron main process: one window (contextIsolation, sandbox, no
 * nodeIntegration, strict CSP), the app:// protocol serving the built renderer
 * and stored files, IPC to the shared handler table, single-instance lock,
 * remembered window size, menu and dialogs. Only this folder imports electron.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell } from 'electron';
import { createApp } from '../app';
import { teamClientAbilities } from '../services/teamClient';
import { dispatch } from '../api/dispatch';
import type { ApiContext } from '../api/context';
import { blobPath, SHA256 } from '../files/store';
import { CSP } from '../server/server';
import { blobHeaders, decodePath, parseRange, servedType, staticType } from '../server/http';
import { detectedType } from '../services/storedFiles';
import { isAppUrl, isSafeExternalUrl, isSsoStartUrl, isTrustedSender } from './security';
import { buildMenu } from './menu';
import { setUpLogging } from './log';
import { createUpdater } from './updater';
import { CrashPolicy, startFailureMessage } from './crashPolicy';
import { setUpMediaCapture, showFolderDialog } from './media';
import { captureSessions } from '../services/guidance/speech/capture';
import { keychainSecretBox } from './secretBox';

const logging = setUpLogging();
const crashes = new CrashPolicy();

protocol.registerSchemesAsPrivileged([
  { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
]);

const root = path.join(__dirname, '..', '..');
const rendererDir = path.join(__dirname, '..', 'renderer');
let ctx: ApiContext;
let mainWindow: BrowserWindow | null = null;
let liveWindow: BrowserWindow | null = null;

/** Development runs use a better-sqlite3 build for Electron's ABI kept apart from the Node one (see README). */
function nativeBinding(): string | undefined {
  if (app.isPackaged) return undefined;
  const p = path.join(root, '.electron-native', 'better_sqlite3.node');
  return fs.existsSync(p) ? p : undefined;
}

const boundsFile = () => path.join(app.getPath('userData'), 'window.json');
function loadBounds(): Electron.Rectangle | undefined {
  try {
    return JSON.parse(fs.readFileSync(boundsFile(), 'utf8')) as Electron.Rectangle;
  } catch {
    return undefined;
  }
}

function secureWebPreferences(): Electron.WebPreferences {
  return {
    preload: path.join(__dirname, 'preload.cjs'),
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    webSecurity: true,
    devTools: !app.isPackaged,
    spellcheck: true,
  };
}

function guard(win: BrowserWindow) {
  win.webContents.on('will-navigate', (e, url) => {
    if (!isAppUrl(url)) e.preventDefault();
  });
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

function createMainWindow() {
  const bounds = loadBounds();
  mainWindow = new BrowserWindow({
    width: bounds?.width ?? 1360,
    height: bounds?.height ?? 860,
    x: bounds?.x,
    y: bounds?.y,
    minWidth: 960,
    minHeight: 600,
    title: 'Sales Workbench',
    show: false,
    webPreferences: secureWebPreferences(),
  });
  guard(mainWindow);
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('close', () => {
    if (mainWindow) fs.writeFileSync(boundsFile(), JSON.stringify(mainWindow.getBounds()));
  });
  mainWindow.on('closed', () => (mainWindow = null));
  watchCrashes(mainWindow);
  void mainWindow.loadURL('app://workbench/index.html');
}

/** A dead renderer reloads with a message; the third crash within a minute asks the user instead of looping. */
function watchCrashes(win: BrowserWindow) {
  win.webContents.on('render-process-gone', (_e, details) => {
    console.error(`[crash] renderer gone: ${details.reason} (exit ${details.exitCode})`);
    const what = crashes.decide(details.reason);
    if (what === 'ignore' || win.isDestroyed()) return;
    if (what === 'reload') {
      win.webContents.reload();
      void dialog.showMessageBox(win, {
        type: 'warning',
        message: 'The window stopped unexpectedly and was reloaded.',
        detail: 'Unsaved typing in the last few seconds may be lost; drafts are kept. Details are in the log.',
      });
      return;
    }
    const choice = dialog.showMessageBoxSync(win, {
      type: 'error',
      message: 'The window keeps stopping unexpectedly.',
      detail: `Details are in the log: ${logging.logFile}`,
      buttons: ['Reload', 'Open log folder', 'Quit'],
      defaultId: 0,
    });
    if (choice === 0) win.webContents.reload();
    else if (choice === 1) void shell.openPath(logging.logDir);
    else app.quit();
  });
}

/** The compact always-on-top live-call window a rep keeps beside the softphone. */
function openLiveCallWindow() {
  if (liveWindow) {
    liveWindow.focus();
    return;
  }
  liveWindow = new BrowserWindow({
    width: 460,
    height: 720,
    alwaysOnTop: true,
    title: 'Live call',
    webPreferences: secureWebPreferences(),
  });
  guard(liveWindow);
  liveWindow.on('closed', () => (liveWindow = null));
  void liveWindow.loadURL('app://workbench/index.html#/live?compact=1');
}

async function showOpenDialog(opts: { multiple: boolean; filters: { name: string; extensions: string[] }[]; title?: string }) {
  const win = BrowserWindow.getFocusedWindow() ?? mainWindow;
  const props: ('openFile' | 'multiSelections')[] = opts.multiple ? ['openFile', 'multiSelections'] : ['openFile'];
  const r = win
    ? await dialog.showOpenDialog(win, { properties: props, filters: opts.filters, title: opts.title })
    : await dialog.showOpenDialog({ properties: props, filters: opts.filters });
  return r.canceled ? [] : r.filePaths;
}

/** Serves a stored blob (with Range, so audio can seek) read straight from disk: no file:// fetches. */
function blobResponse(req: Request, file: string, type: string): Response {
  if (!fs.existsSync(file)) return new Response('Not found', { status: 404 });
  const size = fs.statSync(file).size;
  const range = parseRange(req.headers.get('range'), size);
  const { status, headers } = blobHeaders(size, type, range);
  if (range.kind === 'unsatisfiable' || req.method === 'HEAD') return new Response(null, { status, headers });
  const stream = Readable.toWeb(
    fs.createReadStream(file, range.kind === 'partial' ? { start: range.start, end: range.end } : {}),
  ) as unknown as ReadableStream;
  return new Response(stream, { status, headers });
}

async function showSaveDialog(opts: { defaultName: string; filters: { name: string; extensions: string[] }[]; title?: string }) {
  const win = BrowserWindow.getFocusedWindow() ?? mainWindow;
  const o = { defaultPath: opts.defaultName, filters: opts.filters, title: opts.title };
  const r = win ? await dialog.showSaveDialog(win, o) : await dialog.showSaveDialog(o);
  return r.canceled || !r.filePath ? null : r.filePath;
}

function registerProtocol() {
  protocol.handle('app', (req) => {
    const url = new URL(req.url);
    if (url.hostname !== 'workbench') return new Response('Not found', { status: 404 });
    if (url.pathname.startsWith('/files/')) {
      const sha = url.pathname.slice(7);
      if (!SHA256.test(sha)) return new Response('Not found', { status: 404 });
      // a team workspace in use: its file, from the offline copy (downloaded into it when online)
      if (ctx.host.remote?.active()) {
        return ctx.host.remote.serveFile(sha, req.method === 'HEAD' ? 'HEAD' : 'GET', req.headers.get('range') ?? undefined).then(
          (f) =>
            !f
              ? new Response('Not found', { status: 404 })
              : f.kind === 'path'
                ? blobResponse(req, f.path, servedType(f.mime))
                : // streamed from the team server as it answered (206 for a Range)
                  new Response(
                    req.method === 'HEAD' || f.status === 204 || f.status === 304
                      ? null
                      : (Readable.toWeb(f.body) as unknown as ReadableStream),
                    { status: f.status, headers: f.headers },
                  ),
          (e: unknown) => new Response((e as Error).message, { status: 404 }),
        );
      }
      // Only the type detected at upload, never one the URL asks for.
      return blobResponse(req, blobPath(ctx.ws.filesDir, sha), servedType(detectedType(ctx.db, sha)));
    }
    const rel = decodePath(url.pathname === '/' ? '/index.html' : url.pathname);
    if (rel === null) return new Response('Bad request', { status: 400 });
    const file = path.resolve(rendererDir, '.' + rel);
    if (!file.startsWith(rendererDir + path.sep) || !fs.existsSync(file)) return new Response('Not found', { status: 404 });
    return new Response(fs.readFileSync(file), {
      headers: { 'Content-Type': staticType(path.extname(file)), 'Content-Security-Policy': CSP, 'X-Content-Type-Options': 'nosniff' },
    });
  });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });

  app
    .whenReady()
    .then(() => {
      // every permission refused except the microphone/system audio for live guidance
      setUpMediaCapture(session.defaultSession);
      // No remote content: every request must be for our own app:// origin.
      session.defaultSession.webRequest.onBeforeRequest((details, cb) => {
        const u = details.url;
        cb({ cancel: !(u.startsWith('app://') || u.startsWith('devtools://') || u.startsWith('blob:') || u.startsWith('data:')) });
      });
      const dataDir = process.env.SALES_WORKBENCH_DATA ?? app.getPath('userData');
      const clientAbilities = teamClientAbilities(dataDir, {
        secretBox: keychainSecretBox,
        openExternal: (url) => (isSsoStartUrl(url) ? shell.openExternal(url) : Promise.reject(new Error('Refused to open this address.'))),
      });
      ctx = createApp({
        dataDir,
        demo: !process.argv.includes('--no-demo'),
        host: {
          kind: 'electron',
          showOpenDialog,
          showSaveDialog,
          showFolderDialog,
          openLiveCallWindow,
          openPath: (p: string) => shell.openPath(p),
          version: app.getVersion(),
          logDir: logging.logDir,
          openLogFolder: () => shell.openPath(logging.logDir),
          updates: createUpdater(dataDir),
          ...clientAbilities,
        },
        nativeBinding: nativeBinding(),
      });
      ipcMain.handle('workbench:invoke', async (event, method: unknown, input: unknown) => {
        if (!isTrustedSender(event.senderFrame?.url)) {
          return { ok: false, error: { code: 'forbidden', message: 'Calls are accepted only from the app itself.' } };
        }
        return dispatch(method, input, ctx);
      });
      registerProtocol();
      Menu.setApplicationMenu(
        buildMenu({ openLiveCallWindow, getWindow: () => mainWindow, devTools: !app.isPackaged, locale: app.getLocale() }),
      );
      createMainWindow();
      app.on('activate', () => {
        if (BrowserWindow.getAllWindows().length === 0) createMainWindow();
      });
      app.on('child-process-gone', (_e, details) => {
        // GPU, utility and helper processes: Electron restarts them; record why for support
        if (details.reason !== 'clean-exit')
          console.error(`[crash] ${details.type} process gone: ${details.reason} (exit ${details.exitCode})`);
      });
    })
    .catch((e: unknown) => {
      // A failed start must not leave a windowless process holding the single-instance lock.
      console.error('[start] failed:', e);
      dialog.showErrorBox('Sales Workbench', startFailureMessage(e, logging.logFile));
      app.exit(1);
    });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('before-quit', () => {
    captureSessions.stopAll();
    ctx?.staging.clear();
    ctx?.ws.close();
  });
  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-attach-webview', (e) => e.preventDefault());
  });
}
