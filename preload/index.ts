import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { FRAME_CHANNEL } from './channel';

/**
 * The renderer's only door to the engine: one object that moves contract
 * frames. ipcRenderer itself is never exposed, and no other channel is
 * reachable from the page; listeners get the frame, never the IPC event
 * (whose `sender` is ipcRenderer). tests/unit/desktop/preload.test.ts checks
 * all three. Bundled as CommonJS (sandboxed preloads cannot load ESM).
 */
contextBridge.exposeInMainWorld('switchboard', {
  postMessage(frame: unknown): void {
    ipcRenderer.send(FRAME_CHANNEL, frame);
  },
  onMessage(listener: (frame: unknown) => void): () => void {
    const forward = (_event: IpcRendererEvent, frame: unknown) => listener(frame);
    ipcRenderer.on(FRAME_CHANNEL, forward);
    return () => ipcRenderer.removeListener(FRAME_CHANNEL, forward);
  },
});
