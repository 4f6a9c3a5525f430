import { Menu, type BrowserWindow } from 'electron';
import { menuStringsFor } from './menuStrings';
import { menuTemplate } from './menuTemplate';

/** The app menu in the app's language; navigation items send the renderer to a route via its hash. */
export function buildMenu(opts: {
  openLiveCallWindow: () => void;
  getWindow: () => BrowserWindow | null;
  devTools: boolean;
  locale: string;
}) {
  const go = (hash: string) => () => void opts.getWindow()?.webContents.executeJavaScript(`location.hash = ${JSON.stringify(hash)}`);
  return Menu.buildFromTemplate(
    menuTemplate({
      go,
      openLiveCallWindow: opts.openLiveCallWindow,
      devTools: opts.devTools,
      mac: process.platform === 'darwin',
      strings: menuStringsFor(opts.locale),
    }),
  );
}
