/**
 * What the update flow needs from an updater. electron-updater sits behind it
 * in electron-updater-adapter.ts; the unit tests drive the flow with a fake.
 * Results arrive as events, as they do from electron-updater: a check that
 * finds nothing and a check that fails both end with an event, never only
 * with the returned promise.
 */
export type UpdaterEvent =
  | { type: 'checking' }
  | { type: 'available'; version: string }
  | { type: 'not-available' }
  | { type: 'progress'; percent: number; bytesPerSecond: number }
  | { type: 'downloaded'; version: string }
  | { type: 'error'; message: string };

export interface Updater {
  checkForUpdates(): Promise<void>;
  downloadUpdate(): Promise<void>;
  /** Quits the app and runs the installer; the flow calls it only once the workspace is closed. */
  quitAndInstall(): void;
  onEvent(listener: (event: UpdaterEvent) => void): () => void;
}
