import { describe, expect, it } from 'vitest';
import type { HttpResponse } from '../../../../main/engine/platforms/http';
import { DEFAULT_THROTTLE_WAIT_MS, MessagingWindowClosed, graphError } from '../../../../main/engine/platforms/meta/graph-errors';
import { parseUsage } from '../../../../main/engine/platforms/meta/usage';
import { formatGraphTime, parseGraphTime } from '../../../../main/engine/platforms/meta/wire';
import { HUMAN_AGENT_WINDOW_MS, STANDARD_WINDOW_MS, messagingWindow } from '../../../../main/engine/platforms/meta/window';
import { message } from '../../helpers/inbound';
import { appUsageHeader, businessUsageHeader, tokenError } from '../../../fixtures/meta/graph';

const NOW = Date.UTC(2026, 10, 20, 12, 0);

function answer(status: number, body: unknown, headers: Record<string, string> = {}): HttpResponse {
  return { status, body, headers: new Headers(headers) };
}

function graphErrorBody(code: number, extra: Record<string, unknown> = {}) {
  return { error: { message: `(#${code}) test`, type: 'OAuthException', code, fbtrace_id: 'Atrace', ...extra } };
}

describe('Graph times', () => {
  it('parses the +0000 form Graph writes and round-trips it to the second', () => {
    expect(parseGraphTime('2017-02-02T00:51:53+0000')).toBe(Date.UTC(2017, 1, 2, 0, 51, 53));
    expect(parseGraphTime('2017-02-02T02:51:53+0200')).toBe(Date.UTC(2017, 1, 2, 0, 51, 53));
    expect(parseGraphTime(formatGraphTime(NOW + 999))).toBe(NOW);
  });

  it('refuses anything else', () => {
    for (const text of ['', '2017-02-02', 'yesterday', '2017-13-40T00:00:00+0000', '2017-02-02T00:51:53Z']) expect(parseGraphTime(text)).toBeNull();
  });
});

describe('usage headers', () => {
  it('reads the highest figure over X-App-Usage and every business use case, with the regain time in ms', () => {
    expect(parseUsage(new Headers({ 'x-app-usage': appUsageHeader }))).toEqual({ usedPercent: 28, regainAccessMs: null });
    expect(parseUsage(new Headers({ 'x-app-usage': appUsageHeader, 'x-business-use-case-usage': businessUsageHeader }))).toEqual({ usedPercent: 95, regainAccessMs: 3 * 60_000 });
  });

  it('is null when the headers are absent or unreadable, so a corrupt header never blocks calls', () => {
    expect(parseUsage(new Headers())).toBeNull();
    expect(parseUsage(new Headers({ 'x-app-usage': '{"call_count":' }))).toBeNull();
    expect(parseUsage(new Headers({ 'x-app-usage': '{"call_count":"lots"}' }))).toBeNull();
  });
});

describe('Graph errors', () => {
  it('marks code 190 (and 102) as an invalid token, keeping the trace id in the reason', () => {
    const error = graphError(answer(400, tokenError), null, NOW);
    expect(error.kind).toBe('unauthorized');
    expect(error.message).toContain('190/460');
    expect(error.message).toContain('EJplcsCHuLu');
    expect(graphError(answer(400, graphErrorBody(102)), null, NOW).kind).toBe('unauthorized');
  });

  it.each([4, 17, 32, 613, 80001])('marks code %i as rate limited, waiting as the usage header says', (code) => {
    const usage = { usedPercent: 100, regainAccessMs: 7 * 60_000 };
    const error = graphError(answer(400, graphErrorBody(code)), usage, NOW);
    expect(error.kind).toBe('rate_limited');
    expect(error.retryAfterMs).toBe(7 * 60_000);
    expect(graphError(answer(400, graphErrorBody(code)), null, NOW).retryAfterMs).toBe(DEFAULT_THROTTLE_WAIT_MS);
  });

  it('prefers Retry-After when Graph sends one', () => {
    expect(graphError(answer(429, graphErrorBody(4), { 'retry-after': '30' }), null, NOW).retryAfterMs).toBe(30_000);
    expect(graphError(answer(429, 'Too Many Requests'), null, NOW).kind).toBe('rate_limited');
  });

  it('treats codes 1 and 2, transient errors and 5xx as server trouble (ambiguous for writes)', () => {
    for (const error of [
      graphError(answer(500, graphErrorBody(1)), null, NOW),
      graphError(answer(503, graphErrorBody(2)), null, NOW),
      graphError(answer(400, graphErrorBody(368, { is_transient: true })), null, NOW),
      graphError(answer(502, '<html>Bad gateway</html>'), null, NOW),
    ]) {
      expect(error.kind).toBe('server');
      expect(error.ambiguous).toBe(true);
    }
  });

  it('refuses on 100, 10 and 200-range permission errors', () => {
    for (const code of [100, 10, 200, 230]) expect(graphError(answer(400, graphErrorBody(code)), null, NOW).kind).toBe('refused');
  });

  it('turns "sent outside of allowed window" into a distinct window-closed refusal', () => {
    const error = graphError(answer(400, graphErrorBody(10, { error_subcode: 2018278 })), null, NOW);
    expect(error).toBeInstanceOf(MessagingWindowClosed);
    expect(error.kind).toBe('refused');
  });

  it('reads a 401 without a Graph body as an invalid token and a 4xx without one as a refusal', () => {
    expect(graphError(answer(401, null), null, NOW).kind).toBe('unauthorized');
    expect(graphError(answer(404, 'nope'), null, NOW).kind).toBe('refused');
  });
});

describe('the reply window', () => {
  const customerAt = (at: number) => [message('t_1', 'Hello?', at, { author: { platformId: 'psid-1', name: 'Anna', handle: '' } })];

  it('is open for 24 hours after the customer last wrote, then human-agent only until 7 days, then closed', () => {
    expect(messagingWindow(customerAt(NOW - STANDARD_WINDOW_MS), NOW)).toMatchObject({ state: 'open', customerId: 'psid-1', changesAt: NOW });
    expect(messagingWindow(customerAt(NOW - STANDARD_WINDOW_MS - 1), NOW)).toMatchObject({ state: 'human_agent', changesAt: NOW - STANDARD_WINDOW_MS - 1 + HUMAN_AGENT_WINDOW_MS });
    expect(messagingWindow(customerAt(NOW - HUMAN_AGENT_WINDOW_MS), NOW).state).toBe('human_agent');
    expect(messagingWindow(customerAt(NOW - HUMAN_AGENT_WINDOW_MS - 1), NOW)).toMatchObject({ state: 'closed', changesAt: null, lastCustomerMessageAt: NOW - HUMAN_AGENT_WINDOW_MS - 1 });
  });

  it("counts only the customer's messages: the Page writing does not reopen it", () => {
    const items = [...customerAt(NOW - 8 * 24 * 60 * 60_000), message('t_1', 'Any news?', NOW - 60_000, { direction: 'out' })];
    expect(messagingWindow(items, NOW).state).toBe('closed');
    expect(messagingWindow([], NOW)).toEqual({ state: 'closed', lastCustomerMessageAt: null, customerId: null, changesAt: null });
  });
});
