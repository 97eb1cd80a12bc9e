import { describe, expect, it } from 'vitest';
import { runChecks } from '../../../main/engine/checks';
import { check, hits } from './run';

describe('the pipeline', () => {
  it('reports the language it checked in', async () => {
    const run = (text: string) => runChecks({ text, visibility: 'public', platform: 'vk', lang: 'auto' });
    expect((await run('Ваша посылка уже в пути')).lang).toBe('ru');
    expect((await run('Dzień dobry, paczka jest w drodze')).lang).toBe('pl');
    expect((await run('Your parcel is on its way')).lang).toBe('en');
    expect((await runChecks({ text: 'Your parcel', visibility: 'public', platform: 'vk', lang: 'pl' })).lang).toBe('pl');
  });

  it('gives offsets in UTF-16 units after emoji and astral characters', async () => {
    const text = '👩‍👩‍👧‍👦 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🇵🇱 just call +48 600 123 456';
    const findings = await check(text);
    expect(findings.map((f) => [f.rule, f.start, f.end])).toEqual([
      ['tone.minimizing', text.indexOf('just'), text.indexOf('just') + 4],
      ['personal_data.phone', text.indexOf('+48'), text.length],
    ]);
    for (const f of findings) expect(text.slice(f.start, f.end)).toBe(f.text);
  });

  it('sees through zero-width characters inside a phone number, an email and a word, and reports the text as written', async () => {
    const text = 'Call 600\u200B123\u200D456, write to anna\u200C@example\u2060.com, what the f\u00ADuck';
    expect(await hits(text)).toEqual([
      ['personal_data.phone', '600\u200B123\u200D456'],
      ['personal_data.email', 'anna\u200C@example\u2060.com'],
      ['profanity', 'f\u00ADuck'],
    ]);
  });

  it('sees through bidi overrides', async () => {
    const text = 'Call \u202E+48 600 123 456\u202C or \u2067fuck\u2069 it';
    const found = await hits(text);
    expect(found).toEqual([
      ['personal_data.phone', '+48 600 123 456'],
      ['profanity', 'fuck'],
    ]);
  });

  it('puts a block before a warning at the same place, and everything in text order', async () => {
    const findings = await check('FUCKING STOP ASKING NOW, just vote in the election');
    expect(findings.map((f) => [f.rule, f.severity, f.text])).toEqual([
      ['profanity', 'block', 'FUCKING'],
      ['shouting', 'warn', 'FUCKING STOP ASKING NOW'],
      ['tone.minimizing', 'warn', 'just'],
      ['sensitive_topic.politics', 'warn', 'election'],
    ]);
  });

  it('finds nothing in a polite reply full of the usual false-positive bait', async () => {
    const text = 'Hi @anna_k, thanks! Your parcel left on 12.03.2024 at 14:05, it costs 149,99 zł. #thankyou https://shop.example.com/help?id=600123456 Из-за праздников — Анна.';
    expect(await check(text)).toEqual([]);
  });

  it('copes with a 100 KB text of hostile input and still finds what is at the end', async () => {
    const filler = '{{ {{? 0000 ## @@ https://x.y/ zz--zz \u202E\u200B 12.12.12 '.repeat(2_000);
    const text = `${filler}Call +48 600 123 456`;
    expect(text.length).toBeGreaterThan(100_000);
    const findings = await check(text, { platform: 'telegram', visibility: 'public' });
    expect(findings.find((f) => f.kind === 'length')).toMatchObject({ start: 4096, end: text.length });
    expect(findings.find((f) => f.kind === 'personal_data')).toMatchObject({ rule: 'personal_data.phone', text: '+48 600 123 456', start: text.length - 15 });
  });

  it('reads 100 KB runs that a careless pattern would rescan from every position', async () => {
    // Each of these once took tens of seconds: a pattern restarted inside one long run.
    for (const text of ['a'.repeat(100_000), '1-'.repeat(50_000), 'a.'.repeat(50_000), 'ab-'.repeat(33_000), `a@${'a.'.repeat(50_000)}`]) {
      const findings = await check(text, { platform: 'telegram', visibility: 'private' });
      expect(findings.map((f) => [f.kind, f.start]), text.slice(0, 6)).toEqual([['length', 4096]]);
    }
  });
});
