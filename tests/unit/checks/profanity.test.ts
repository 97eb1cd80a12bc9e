import { describe, expect, it } from 'vitest';
import { check, hitsOf } from './run';

describe('profanity (block)', () => {
  it('blocks swearing in each language, with endings and prefixed forms', async () => {
    expect(await hitsOf('profanity', 'This is fucking bullshit, you asshole.')).toEqual([
      ['profanity', 'fucking'],
      ['profanity', 'bullshit'],
      ['profanity', 'asshole'],
    ]);
    expect(await hitsOf('profanity', 'Какой пиздец, всё заебало, распиздяи нахуй.')).toEqual([
      ['profanity', 'пиздец'],
      ['profanity', 'заебало'],
      ['profanity', 'распиздяи'],
      ['profanity', 'нахуй'],
    ]);
    expect(await hitsOf('profanity', 'Kurwa, znowu ten skurwysyn wypierdala paczki.')).toEqual([
      ['profanity', 'Kurwa'],
      ['profanity', 'skurwysyn'],
      ['profanity', 'wypierdala'],
    ]);
  });

  it('is a block with the word as parameter', async () => {
    const [finding] = await check('What the fuck.');
    expect(finding).toMatchObject({ kind: 'profanity', severity: 'block', messageKey: 'check.profanity', params: { word: 'fuck' }, fix: null });
  });

  it('does not flag innocent words that contain or begin like a swear word', async () => {
    expect(await hitsOf('profanity', 'Our assistant in Scunthorpe will assess the class, pass the cockpit check and reassure Dick.')).toEqual([]);
    expect(await hitsOf('profanity', 'Застрахуйте посылку и застрахуешь хлеб; небо, сукно и мандарины в наличии.')).toEqual([]);
    expect(await hitsOf('profanity', 'Sukces! Pedał roweru i suknia w kolorze gówienko? Nie, kości.', { lang: 'pl' })).toEqual([]);
    expect(await hitsOf('profanity', 'A silk gown for Suki.')).toEqual([]);
  });

  it('checks English and Russian swearing in a reply of any language', async () => {
    expect(await hitsOf('profanity', 'Dziękujemy, fuck, за всё, блядь', { lang: 'pl' })).toEqual([
      ['profanity', 'fuck'],
      ['profanity', 'блядь'],
    ]);
  });
});
