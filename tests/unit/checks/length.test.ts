import { describe, expect, it } from 'vitest';
import { lengthLimit, measure } from '../../../main/engine/checks';
import { check } from './run';

const xPublic = lengthLimit('x', 'public');

describe('length over the platform limit (block)', () => {
  it('blocks an X reply over 280 from the first character past the limit', async () => {
    expect(await check('a'.repeat(280))).toEqual([]);
    const findings = await check('a'.repeat(281));
    expect(findings).toEqual([expect.objectContaining({ kind: 'length', severity: 'block', start: 280, end: 281, params: { count: 281, limit: 280, platform: 'x' } })]);
  });

  it('counts as X does: a link is 23, CJK and emoji 2, an emoji sequence 2 as a whole, Cyrillic and Polish 1', () => {
    const link = `https://example.com/${'p'.repeat(80)}`;
    expect(measure(`${'a'.repeat(256)} ${link}`, xPublic).count).toBe(280);
    expect(measure('漢'.repeat(140), xPublic).count).toBe(280);
    expect(measure(`👩‍👩‍👧‍👦${'a'.repeat(278)}`, xPublic)).toEqual({ count: 280, overAt: null });
    expect(measure('я'.repeat(280), xPublic).count).toBe(280);
    expect(measure('ż'.repeat(280), xPublic).count).toBe(280);
    expect(measure('漢'.repeat(141), xPublic)).toEqual({ count: 282, overAt: 140 });
  });

  it('counts UTF-16 units on Telegram and UTF-8 bytes in Instagram direct messages', async () => {
    expect(await check('😀'.repeat(2048), { platform: 'telegram' })).toEqual([]);
    expect(await check(`${'😀'.repeat(2048)}!`, { platform: 'telegram' })).toEqual([expect.objectContaining({ kind: 'length', start: 4096 })]);
    expect(await check('ą'.repeat(500), { platform: 'instagram', visibility: 'private' })).toEqual([]);
    expect(await check('ą'.repeat(501), { platform: 'instagram', visibility: 'private' })).toEqual([expect.objectContaining({ kind: 'length', start: 500, params: { count: 1002, limit: 1000, platform: 'instagram' } })]);
  });

  it('holds Messenger to 2,000 and Facebook comments to 8,000', async () => {
    expect(await check('b'.repeat(2001), { platform: 'facebook', visibility: 'private' })).toHaveLength(1);
    expect(await check('b'.repeat(2001), { platform: 'facebook', visibility: 'public' })).toEqual([]);
  });
});
