import { BrowserWindow, shell, type WebContents } from 'electron';
import { allowPermission } from './permission-policy';
import { externalLinkTarget, isAppUrl } from './url-policy';
import { APP_ORIGIN, mainWindowOptions, type WindowPlacement } from './window-security';

/** The one window. Its options are data (window-security.ts); this file only applies them. */
export function createMainWindow(preloadFile: string, placement: WindowPlacement, title: string): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(preloadFile, placement, title));
  lockDown(window.webContents);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}

/**
 * Navigation away from our page, webviews, new windows and browser
 * permissions are all refused; a link the user clicks opens in the system
 * browser only when url-policy.ts says it is a plain https or mailto link.
 */
export function lockDown(contents: WebContents): void {
  const stayHome = (event: { preventDefault(): void }, url: string) => {
    if (!isAppUrl(url)) event.preventDefault();
  };
  contents.on('will-navigate', stayHome);
  contents.on('will-frame-navigate', (event) => stayHome(event, event.url));
  contents.on('will-redirect', stayHome);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const target = externalLinkTarget(url);
    if (target) void shell.openExternal(target);
    return { action: 'deny' };
  });
  contents.session.setPermissionRequestHandler((_contents, permission, callback, details) => callback(allowPermission(permission, details.requestingUrl)));
  contents.session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => allowPermission(permission, requestingOrigin));
}
