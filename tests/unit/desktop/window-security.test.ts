import { describe, expect, it } from 'vitest';
import { allowPermission } from '../../../main/electron/permission-policy';
import { externalLinkTarget, isAppUrl, isTrustedSender } from '../../../main/electron/url-policy';
import { APP_ORIGIN, CONTENT_SECURITY_POLICY, RESPONSE_SECURITY_HEADERS, mainWindowOptions, secureWebPreferences } from '../../../main/electron/window-security';

/** The CSP as the browser reads it: directive → sources. */
function parseCsp(policy: string): Map<string, string[]> {
  return new Map(policy.split(';').map((part) => part.trim().split(/\s+/)).map(([name, ...sources]) => [name!, sources]));
}

describe('the window options (Electron security checklist)', () => {
  it('isolate the page from Node and from the preload, and keep Chromium defaults that protect it', () => {
    const options = mainWindowOptions('/app/dist/preload/preload.cjs', { width: 1280, height: 800 }, 'Switchboard');
    expect(options.webPreferences).toEqual(secureWebPreferences('/app/dist/preload/preload.cjs'));
    expect(options.webPreferences).toMatchObject({
      preload: '/app/dist/preload/preload.cjs',
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
    });
    expect(options.webPreferences).not.toHaveProperty('enableBlinkFeatures');
    expect(options.webPreferences).not.toHaveProperty('additionalArguments');
    expect(options.show).toBe(false); // shown on ready-to-show: no white flash
  });
});

describe('the Content-Security-Policy', () => {
  const csp = parseCsp(CONTENT_SECURITY_POLICY);

  it('starts from nothing allowed', () => {
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('runs only the app\'s own scripts: nothing remote, inline or evaluated', () => {
    for (const directive of ['script-src', 'style-src', 'connect-src', 'font-src', 'img-src']) {
      const sources = csp.get(directive) ?? [];
      expect(sources, directive).toContain("'self'");
      for (const source of sources) expect(["'self'", 'data:'], `${directive} ${source}`).toContain(source);
    }
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|unsafe-inline|wasm-unsafe-eval|https?:|\*/);
  });

  it('is sent with every response of the app:// handler', () => {
    expect(RESPONSE_SECURITY_HEADERS['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(RESPONSE_SECURITY_HEADERS['x-content-type-options']).toBe('nosniff');
  });
});

describe('isAppUrl', () => {
  it.each([`${APP_ORIGIN}/index.html`, `${APP_ORIGIN}/`, `${APP_ORIGIN}/assets/index-abc.js?x=1#y`])('trusts our page %s', (url) => {
    expect(isAppUrl(url)).toBe(true);
  });
  it.each(['app://switchboard.evil/index.html', 'app://evil/switchboard/', 'app://user@switchboard/index.html', 'https://switchboard/', 'file:///app/index.html', 'not a url', ''])(
    'does not trust %j',
    (url) => expect(isAppUrl(url)).toBe(false),
  );
});

describe('externalLinkTarget', () => {
  it.each([
    ['https://www.facebook.com/switchboard/posts/1', 'https://www.facebook.com/switchboard/posts/1'],
    ['https://t.me/switchboard_support', 'https://t.me/switchboard_support'],
    ['mailto:anna@example.com', 'mailto:anna@example.com'],
    ['mailto:anna@example.com?subject=Order%2042', 'mailto:anna@example.com?subject=Order%2042'],
  ])('opens %s in the system', (url, expected) => {
    expect(externalLinkTarget(url)).toBe(expected);
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'file:///etc/passwd',
    'http://example.com/',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'ms-msdt:/id PCWDiagnostic',
    'smb://attacker/share',
    'https://bank.example@evil.example/',
    'https://user:pass@example.com/',
    'mailto:',
    'mailto:anna@example.com%0d%0abcc:all@example.com',
    'mailto:anna@example.com?body=x%0Abcc:all@example.com',
    `https://example.com/${'a'.repeat(3_000)}`,
    'https://',
    'app://switchboard/index.html',
  ])('refuses %j', (url) => {
    expect(externalLinkTarget(url)).toBeNull();
  });
});

describe('isTrustedSender', () => {
  it('trusts only the top frame of our page', () => {
    expect(isTrustedSender({ url: `${APP_ORIGIN}/index.html`, parent: null })).toBe(true);
    expect(isTrustedSender({ url: `${APP_ORIGIN}/index.html`, parent: { url: `${APP_ORIGIN}/index.html` } })).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', parent: null })).toBe(false);
    expect(isTrustedSender({ url: 'app://switchboard.evil/', parent: null })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });
});

describe('allowPermission', () => {
  it.each(['notifications', 'media', 'geolocation', 'clipboard-read', 'clipboard-sanitized-write', 'openExternal', 'fullscreen', 'hid', 'serial', 'usb', 'some-future-permission'])(
    'denies %s, to our page too',
    (permission) => {
      expect(allowPermission(permission, `${APP_ORIGIN}/index.html`)).toBe(false);
      expect(allowPermission(permission, 'https://evil.example/')).toBe(false);
    },
  );
});
