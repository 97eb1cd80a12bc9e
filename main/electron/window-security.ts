import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

/**
 * Every security decision about the window, as data, in one pure module: the
 * unit tests read exactly what main.ts passes to Electron (README, "Desktop
 * security"). Nothing here imports Electron at run time.
 */

/**
 * The renderer is served from app://switchboard/ rather than file://, so it
 * has a real origin, a CSP header, and can never read other local files.
 */
export const APP_ORIGIN = 'app://switchboard';

/** Scripts, styles and fonts only from the app itself; nothing remote, no eval, no plugins, no frames. */
export const CSP_DIRECTIVES: Readonly<Record<string, string>> = {
  'default-src': "'none'",
  'script-src': "'self'",
  'style-src': "'self'",
  'img-src': "'self' data:",
  'font-src': "'self'",
  'connect-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'none'",
  'frame-ancestors': "'none'",
};

export const CONTENT_SECURITY_POLICY = Object.entries(CSP_DIRECTIVES)
  .map(([directive, sources]) => `${directive} ${sources}`)
  .join('; ');

/** Headers the app:// handler adds to everything it serves. */
export const RESPONSE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

/** The Electron security checklist for the page; the preload is the page's only door (preload/index.ts). */
export function secureWebPreferences(preloadFile: string): WebPreferences {
  return {
    preload: preloadFile,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false, // our own checks run in the engine, with our dictionaries
  };
}

/** Where the window opens; a remembered position wins over the defaults (window-bounds.ts). */
export interface WindowPlacement {
  x?: number;
  y?: number;
  width: number;
  height: number;
}

export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 800 } as const;
export const MIN_WINDOW_SIZE = { width: 900, height: 560 } as const;

export function mainWindowOptions(preloadFile: string, placement: WindowPlacement, title: string): BrowserWindowConstructorOptions {
  return {
    ...placement,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title,
    show: false,
    webPreferences: secureWebPreferences(preloadFile),
  };
}
