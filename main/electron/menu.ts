import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { menuStringsFor } from './menuStrings';

/** The app menu in the app's language; navigation items send the renderer to a route via its hash. */
export function buildMenu(opts: { openLiveCallWindow: () => void; getWindow: () => BrowserWindow | null; locale: string }) {
  const s = menuStringsFor(opts.locale);
  const go = (hash: string) => () => void opts.getWindow()?.webContents.executeJavaScript(`location.hash = ${JSON.stringify(hash)}`);
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    { label: s.file, submenu: [{ label: s.settings, accelerator: 'CmdOrCtrl+,', click: go('#/settings') }, { type: 'separator' }, { role: 'quit', label: s.quit }] },
    { role: 'editMenu', label: s.edit },
    {
      label: s.go,
      submenu: [
        { label: s.home, accelerator: 'CmdOrCtrl+1', click: go('#/') },
        { label: s.scripts, click: go('#/scripts') },
        { label: s.library, click: go('#/library') },
        { label: s.calls, click: go('#/calls') },
        { label: s.training, click: go('#/training') },
        { label: s.insights, click: go('#/insights') },
        { label: s.people, click: go('#/people') },
        { type: 'separator' },
        { label: s.liveCall, accelerator: 'CmdOrCtrl+Shift+L', click: opts.openLiveCallWindow },
      ],
    },
    {
      label: s.view,
      submenu: [
        { role: 'reload', label: s.reload },
        { role: 'toggleDevTools', label: s.devTools },
        { type: 'separator' },
        { role: 'resetZoom', label: s.resetZoom },
        { role: 'zoomIn', label: s.zoomIn },
        { role: 'zoomOut', label: s.zoomOut },
        { role: 'togglefullscreen', label: s.fullScreen },
      ],
    },
    { role: 'windowMenu', label: s.window },
  ];
  return Menu.buildFromTemplate(template);
}
