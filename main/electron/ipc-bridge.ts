import { BrowserWindow, ipcMain, type IpcMainEvent } from 'electron';
import type { EventPayload } from '../../shared/contract';
import type { EngineEndpoint, EventFrame } from '../../shared/rpc';
import { FRAME_CHANNEL } from '../../preload/channel';
import { isTrustedSender } from './url-policy';

/**
 * The only way the shell listens to the page: the sender frame is checked
 * before the listener sees anything, so a message from an iframe or from a
 * page the window was navigated to never reaches the engine.
 */
export function onFromOurPage(channel: string, listener: (event: IpcMainEvent, payload: unknown) => void): () => void {
  const guarded = (event: IpcMainEvent, payload: unknown) => {
    if (isTrustedSender(event.senderFrame)) listener(event, payload);
  };
  ipcMain.on(channel, guarded);
  return () => ipcMain.removeListener(channel, guarded);
}

export interface IpcBridge {
  stop(): void;
  /** Resolves once every call received so far has been answered: lets shutdown wait for a page's last saves. */
  settled(): Promise<void>;
}

/** Forwards contract frames between windows and the engine thread; the engine's handle() validates them. */
export function bridgeIpc(engine: EngineEndpoint): IpcBridge {
  const inFlight = new Set<Promise<unknown>>();
  const stopListening = onFromOurPage(FRAME_CHANNEL, (event, frame) => {
    const call = engine.dispatch(frame).then((result) => {
      if (!event.sender.isDestroyed()) event.sender.send(FRAME_CHANNEL, result);
    });
    inFlight.add(call);
    void call.finally(() => inFlight.delete(call));
  });
  const unsubscribe = engine.subscribe(pushToPages);
  return {
    stop() {
      stopListening();
      unsubscribe();
    },
    settled: async () => {
      await Promise.allSettled([...inFlight]);
    },
  };
}

/** Sends an event frame to every window's page, the way engine events reach it. */
function pushToPages(frame: EventFrame): void {
  for (const window of BrowserWindow.getAllWindows()) if (!window.isDestroyed()) window.webContents.send(FRAME_CHANNEL, frame);
}

/** The shell's own event for the page: show this conversation (a notification was clicked). */
export function askPagesToOpen(payload: EventPayload<'app.openConversation'>): void {
  pushToPages({ t: 'event', name: 'app.openConversation', payload });
}
