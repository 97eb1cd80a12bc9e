import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * Who may talk to the browser host: only a page opened with this launch's
 * token, on this machine's loopback, under the host name we bound to. Checking
 * the Host header defeats DNS rebinding; the Origin check stops another site
 * in the same browser from opening the WebSocket.
 */
export class HostGuard {
  readonly cookieName: string;

  constructor(
    readonly token: string,
    private readonly port: number,
  ) {
    // Cookies ignore ports: name it per port so two instances do not clobber each other.
    this.cookieName = `switchboard_${port}`;
  }

  hostAllowed(request: IncomingMessage): boolean {
    const host = request.headers.host;
    return host === `127.0.0.1:${this.port}` || host === `localhost:${this.port}`;
  }

  originAllowed(request: IncomingMessage): boolean {
    const origin = request.headers.origin;
    return origin === `http://127.0.0.1:${this.port}` || origin === `http://localhost:${this.port}`;
  }

  /** The token carried by the query string (first page load) or by our cookie (everything after). */
  tokenFrom(request: IncomingMessage, url: URL): { valid: boolean; fromQuery: boolean } {
    const fromQuery = url.searchParams.get('token');
    if (fromQuery !== null) return { valid: this.matches(fromQuery), fromQuery: true };
    return { valid: this.matches(cookieValue(request.headers.cookie, this.cookieName)), fromQuery: false };
  }

  sessionCookie(): string {
    return `${this.cookieName}=${this.token}; HttpOnly; SameSite=Strict; Path=/`;
  }

  private matches(candidate: string | undefined): boolean {
    if (candidate === undefined) return false;
    const a = Buffer.from(candidate);
    const b = Buffer.from(this.token);
    return a.length === b.length && timingSafeEqual(a, b);
  }
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
