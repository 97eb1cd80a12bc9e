import type { LanguagePack } from './language/pack';
import type { Rng } from './prng';

export interface Person {
  firstName: string;
  name: string;
  handle: string;
}

const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p',
  р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
};

/** Social handles are Latin even for Russian and Polish names: "Łukasz Wójcik" → "lukasz_wojcik". */
function latin(text: string): string {
  return [...text.toLowerCase().replaceAll('ł', 'l').normalize('NFD').replace(/\p{M}/gu, '')].map((ch) => CYRILLIC[ch] ?? ch).join('');
}

export function makePerson(rng: Rng, pack: LanguagePack): Person {
  const female = rng.chance(0.5);
  const firstName = rng.pick(female ? pack.femaleFirst : pack.maleFirst);
  const maleLast = rng.pick(pack.maleLast);
  const lastName = female ? pack.feminine(maleLast) : maleLast;
  const handle = `@${latin(firstName)}${rng.pick(['_', '.', ''])}${latin(lastName)}${rng.chance(0.6) ? rng.int(1, 999) : ''}`;
  return { firstName, name: `${firstName} ${lastName}`, handle };
}
