import { describe, expect, it } from 'vitest';
import { check } from './run';

const text = 'Thanks for reaching out! We will get back to you shortly.';

describe('a canned reply sent unchanged to many customers (warn)', () => {
  it('warns above the limit, over the whole text, with the count', async () => {
    const findings = await check(text, { cannedUses: { unchanged: true, customersLast24h: 21, limit: 20 } });
    expect(findings).toEqual([expect.objectContaining({ kind: 'repeated_canned', severity: 'warn', start: 0, end: text.length, params: { count: 21 } })]);
  });

  it('stays quiet at the limit, when personalized, or without counts', async () => {
    expect(await check(text, { cannedUses: { unchanged: true, customersLast24h: 20, limit: 20 } })).toEqual([]);
    expect(await check(text, { cannedUses: { unchanged: false, customersLast24h: 500, limit: 20 } })).toEqual([]);
    expect(await check(text)).toEqual([]);
  });
});
