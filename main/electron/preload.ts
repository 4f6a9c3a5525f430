/**
 * Sandboxed preload (bundled to one CommonJS file): exposes exactly one object,
 * `window.workbench`, whose `invoke(method, input)` goes to the main process'
 * handler table. Nothing else of Electron or Node reaches the page.
 */
import { contextBridge, ipcRenderer } from 'electron';

contextBridge.exposeInMainWorld('workbench', {
  host: 'electron',
  invoke: (method: string, input: unknown) => ipcRenderer.invoke('workbench:invoke', String(method), input),
});
