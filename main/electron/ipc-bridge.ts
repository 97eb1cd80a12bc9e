import { BrowserWindow, ipcMain, type IpcMainEvent } from 'electron';
import type { EngineEndpoint } from '../../shared/rpc';
import { APP_ORIGIN } from './app-protocol';

const CHANNEL = 'switchboard:frame';

/**
 * Forwards contract frames between windows and the engine thread. Frames from
 * anything but our own page (a navigated-away frame, an iframe) are dropped
 * before the engine sees them; the engine's handle() validates the rest.
 */
export function bridgeIpc(engine: EngineEndpoint): () => void {
  const onFrame = (event: IpcMainEvent, frame: unknown) => {
    if (!fromOurPage(event)) return;
    void engine.dispatch(frame).then((result) => {
      if (!event.sender.isDestroyed()) event.sender.send(CHANNEL, result);
    });
  };
  ipcMain.on(CHANNEL, onFrame);
  const unsubscribe = engine.subscribe((frame) => {
    for (const window of BrowserWindow.getAllWindows()) if (!window.isDestroyed()) window.webContents.send(CHANNEL, frame);
  });
  return () => {
    ipcMain.removeListener(CHANNEL, onFrame);
    unsubscribe();
  };
}

function fromOurPage(event: IpcMainEvent): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && frame.url.startsWith(`${APP_ORIGIN}/`);
}
