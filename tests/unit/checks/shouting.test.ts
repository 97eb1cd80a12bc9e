import { describe, expect, it } from 'vitest';
import { check, hitsOf } from './run';

describe('shouting (warn)', () => {
  it('warns on a run of words in capitals, in any script', async () => {
    expect(await hitsOf('shouting', 'Sorry. PLEASE DO NOT REPLY TO THIS EMAIL. Thanks')).toEqual([['shouting', 'PLEASE DO NOT REPLY TO THIS EMAIL']]);
    expect(await hitsOf('shouting', 'ВЫ ДОЛЖНЫ ПОДОЖДАТЬ ЕЩЁ')).toEqual([['shouting', 'ВЫ ДОЛЖНЫ ПОДОЖДАТЬ ЕЩЁ']]);
    expect(await hitsOf('shouting', 'PROSZĘ CZEKAĆ NA KURIERA')).toEqual([['shouting', 'PROSZĘ CZEKAĆ NA KURIERA']]);
    const [finding] = await check('WE ARE VERY SORRY ABOUT IT');
    expect(finding).toMatchObject({ severity: 'warn', messageKey: 'check.shouting' });
  });

  it('leaves acronyms and brand names alone', async () => {
    expect(await hitsOf('shouting', 'Your DHL parcel with VAT invoice from IKEA is in the EU hub.')).toEqual([]);
    expect(await hitsOf('shouting', 'OK, thanks!')).toEqual([]);
    expect(await hitsOf('shouting', 'THANK YOU!')).toEqual([]);
  });

  it('warns on a whole reply in capitals even when it is short of words', async () => {
    expect(await hitsOf('shouting', 'CONGRATULATIONS, WINNER!')).toEqual([['shouting', 'CONGRATULATIONS, WINNER']]);
  });
});
