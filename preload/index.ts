import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';

/**
 * The renderer's only door to the engine: one object that moves contract
 * frames. ipcRenderer itself is never exposed, and no other channel is
 * reachable from the page. Bundled as CommonJS (sandboxed preloads cannot
 * load ESM).
 */
const CHANNEL = 'switchboard:frame';

contextBridge.exposeInMainWorld('switchboard', {
  postMessage(frame: unknown): void {
    ipcRenderer.send(CHANNEL, frame);
  },
  onMessage(listener: (frame: unknown) => void): () => void {
    const forward = (_event: IpcRendererEvent, frame: unknown) => listener(frame);
    ipcRenderer.on(CHANNEL, forward);
    return () => ipcRenderer.removeListener(CHANNEL, forward);
  },
});
