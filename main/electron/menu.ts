import { Menu, type BrowserWindow } from 'electron';
import { menuTemplate } from './menuTemplate';

/** The app menu; navigation items send the renderer to a route via its hash. */
export function buildMenu(opts: { openLiveCallWindow: () => void; getWindow: () => BrowserWindow | null; devTools: boolean }) {
  const go = (hash: string) => () => void opts.getWindow()?.webContents.executeJavaScript(`location.hash = ${JSON.stringify(hash)}`);
  return Menu.buildFromTemplate(menuTemplate({ go, openLiveCallWindow: opts.openLiveCallWindow, devTools: opts.devTools, mac: process.platform === 'darwin' }));
}
