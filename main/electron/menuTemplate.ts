import type { MenuItemConstructorOptions } from 'electron';
import { MENU_STRINGS, type MenuStrings } from './menuStrings';

export interface MenuActions {
  go: (hash: string) => () => void;
  openLiveCallWindow: () => void;
  /** Development only: a packaged app has no DevTools entry (and no shortcut to it). */
  devTools: boolean;
  mac: boolean;
  /** The menu's words in the app's language (English when not given). */
  strings?: MenuStrings;
}

/** The app menu as plain data (no Electron at runtime, so it is unit tested). */
export function menuTemplate(a: MenuActions): MenuItemConstructorOptions[] {
  const s = a.strings ?? MENU_STRINGS.en;
  const view: MenuItemConstructorOptions[] = [
    { role: 'reload', label: s.reload },
    ...(a.devTools ? [{ role: 'toggleDevTools' as const, label: s.devTools }] : []),
    { type: 'separator' },
    { role: 'resetZoom', label: s.resetZoom },
    { role: 'zoomIn', label: s.zoomIn },
    { role: 'zoomOut', label: s.zoomOut },
    { role: 'togglefullscreen', label: s.fullScreen },
  ];
  return [
    ...(a.mac ? [{ role: 'appMenu' as const }] : []),
    {
      label: s.file,
      submenu: [
        { label: s.settings, accelerator: 'CmdOrCtrl+,', click: a.go('#/settings') },
        { type: 'separator' },
        { role: 'quit', label: s.quit },
      ],
    },
    { role: 'editMenu', label: s.edit },
    {
      label: s.go,
      submenu: [
        { label: s.home, accelerator: 'CmdOrCtrl+1', click: a.go('#/') },
        { label: s.scripts, click: a.go('#/scripts') },
        { label: s.library, click: a.go('#/library') },
        { label: s.calls, click: a.go('#/calls') },
        { label: s.training, click: a.go('#/training') },
        { label: s.insights, click: a.go('#/insights') },
        { label: s.people, click: a.go('#/people') },
        { type: 'separator' },
        { label: s.liveCall, accelerator: 'CmdOrCtrl+Shift+L', click: a.openLiveCallWindow },
      ],
    },
    { label: s.view, submenu: view },
    { role: 'windowMenu', label: s.window },
  ];
}
