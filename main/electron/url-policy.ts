import { APP_ORIGIN } from './window-security';

/**
 * Which URLs the shell trusts and which it hands to the system. Pure string
 * decisions, so every hostile shape is a unit test (tests/unit/desktop).
 */

const APP_URL = new URL(`${APP_ORIGIN}/`);
const MAX_EXTERNAL_URL_LENGTH = 2_048;

/** A page of our own app:// origin; `app://switchboard.evil/` or `app://x@switchboard/` are not. */
export function isAppUrl(url: string): boolean {
  const parsed = parse(url);
  return parsed !== null && parsed.protocol === APP_URL.protocol && parsed.host === APP_URL.host && parsed.username === '' && parsed.password === '';
}

/**
 * The link to give `shell.openExternal`, or null to drop it. Only https web
 * pages and mailto addresses leave the app: no javascript:, file:, custom
 * schemes that start other programs, plain http, or credentials in the URL
 * (`https://bank.example@evil.example/` reads as one site and goes to another).
 */
export function externalLinkTarget(url: string): string | null {
  if (url.length > MAX_EXTERNAL_URL_LENGTH) return null;
  const parsed = parse(url);
  if (!parsed) return null;
  if (parsed.protocol === 'https:') {
    if (parsed.hostname === '' || parsed.username !== '' || parsed.password !== '') return null;
    return parsed.href;
  }
  if (parsed.protocol === 'mailto:') {
    // One or more plain addresses; anything that could smuggle a second scheme or a header line is refused.
    const addresses = decodeURIComponent(parsed.pathname);
    if (!/^[^\s@/:,]+@[^\s@/:,]+(,[^\s@/:,]+@[^\s@/:,]+)*$/.test(addresses)) return null;
    if (/%0[ad]/i.test(parsed.search)) return null;
    return parsed.href;
  }
  return null;
}

/** What Electron tells an IPC handler about the frame that sent a message. */
export interface SenderFrame {
  url: string;
  parent: unknown;
}

/**
 * Checked before anything else in every IPC handler: the message comes from
 * the top frame of our own page — not an iframe, and not a page the window was
 * somehow navigated to.
 */
export function isTrustedSender(frame: SenderFrame | null | undefined): boolean {
  return frame !== null && frame !== undefined && frame.parent === null && isAppUrl(frame.url);
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
