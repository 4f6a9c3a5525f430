import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  go: (hash: string) => () => void;
  openLiveCallWindow: () => void;
  /** Development only: a packaged app has no DevTools entry (and no shortcut to it). */
  devTools: boolean;
  mac: boolean;
}

/** The app menu as plain data (no Electron at runtime, so it is unit tested). */
export function menuTemplate(a: MenuActions): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { role: 'reload' },
    ...(a.devTools ? [{ role: 'toggleDevTools' as const }] : []),
    { type: 'separator' },
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { role: 'togglefullscreen' },
  ];
  return [
    ...(a.mac ? [{ role: 'appMenu' as const }] : []),
    { label: 'File', submenu: [{ label: 'Settings', accelerator: 'CmdOrCtrl+,', click: a.go('#/settings') }, { type: 'separator' }, { role: 'quit' }] },
    { role: 'editMenu' },
    {
      label: 'Go',
      submenu: [
        { label: 'Home', accelerator: 'CmdOrCtrl+1', click: a.go('#/') },
        { label: 'People', click: a.go('#/people') },
        { label: 'Live call window (always on top)', accelerator: 'CmdOrCtrl+Shift+L', click: a.openLiveCallWindow },
      ],
    },
    { label: 'View', submenu: view },
    { role: 'windowMenu' },
  ];
}
