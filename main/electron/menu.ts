import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';

/** The app menu; navigation items send the renderer to a route via its hash. */
export function buildMenu(opts: { openLiveCallWindow: () => void; getWindow: () => BrowserWindow | null }) {
  const go = (hash: string) => () => void opts.getWindow()?.webContents.executeJavaScript(`location.hash = ${JSON.stringify(hash)}`);
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    { label: 'File', submenu: [{ label: 'Settings', accelerator: 'CmdOrCtrl+,', click: go('#/settings') }, { type: 'separator' }, { role: 'quit' }] },
    { role: 'editMenu' },
    {
      label: 'Go',
      submenu: [
        { label: 'Home', accelerator: 'CmdOrCtrl+1', click: go('#/') },
        { label: 'People', click: go('#/people') },
        { label: 'Live call window (always on top)', accelerator: 'CmdOrCtrl+Shift+L', click: opts.openLiveCallWindow },
      ],
    },
    { label: 'View', submenu: [{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { role: 'togglefullscreen' }] },
    { role: 'windowMenu' },
  ];
  return Menu.buildFromTemplate(template);
}
