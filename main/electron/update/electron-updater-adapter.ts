import { autoUpdater, type ProgressInfo, type UpdateInfo } from 'electron-updater';
import type { Updater, UpdaterEvent } from './updater';

/**
 * electron-updater behind the Updater interface. The flow decides when to
 * download (autoDownload off); an update left downloaded is still installed
 * when the user quits normally (autoInstallOnAppQuit, electron-updater's
 * default). The feed is the generic provider: the URL from electron-builder.yml
 * (baked into app-update.yml), unless the desktop settings name another.
 */
export function electronUpdater(options: { feedUrl: string | null; log: (message: string) => void }): Updater {
  autoUpdater.autoDownload = false;
  autoUpdater.autoInstallOnAppQuit = true;
  autoUpdater.logger = { info: options.log, warn: options.log, error: options.log, debug: () => undefined };
  if (options.feedUrl) autoUpdater.setFeedURL({ provider: 'generic', url: options.feedUrl });

  return {
    checkForUpdates: async () => {
      await autoUpdater.checkForUpdates();
    },
    downloadUpdate: async () => {
      await autoUpdater.downloadUpdate();
    },
    quitAndInstall: () => autoUpdater.quitAndInstall(),
    onEvent(listener) {
      const handlers: Array<[string, (...args: never[]) => void]> = [
        ['checking-for-update', () => listener({ type: 'checking' })],
        ['update-available', (info: UpdateInfo) => listener({ type: 'available', version: info.version })],
        ['update-not-available', () => listener({ type: 'not-available' })],
        ['download-progress', (progress: ProgressInfo) => listener({ type: 'progress', percent: progress.percent, bytesPerSecond: progress.bytesPerSecond })],
        ['update-downloaded', (info: UpdateInfo) => listener({ type: 'downloaded', version: info.version })],
        ['error', (error: Error) => listener({ type: 'error', message: error.message } satisfies UpdaterEvent)],
      ];
      for (const [name, handler] of handlers) autoUpdater.on(name as 'error', handler as () => void);
      return () => {
        for (const [name, handler] of handlers) autoUpdater.off(name as 'error', handler as () => void);
      };
    },
  };
}
