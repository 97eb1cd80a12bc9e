import { CORPUS, type Lang } from './corpus';
import type { Rng } from './prng';

export type Gender = 'm' | 'f';

export interface Customer {
  id: string;
  lang: Lang;
  /** Grammatical gender: Russian and Polish verbs agree with it. */
  gender: Gender;
  firstName: string;
  displayName: string;
  handle: string;
  email: string;
  phone: string;
}

const LATIN: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l',
  м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh',
  щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
  ą: 'a', ć: 'c', ę: 'e', ł: 'l', ń: 'n', ó: 'o', ś: 's', ź: 'z', ż: 'z',
};

/** Handles and email addresses are ASCII even for Cyrillic and Polish names: "Ольга Смирнова" → olga.smirnova. */
function asciiLower(name: string): string {
  return [...name.toLowerCase()].map((char) => LATIN[char] ?? char).join('').replace(/[^a-z]/g, '');
}

/** A new customer with a native-looking name, and the handle, email and phone they would plausibly have. */
export function createCustomer(rng: Rng, lang: Lang, id: string): Customer {
  const { people, emailDomains, phoneFormats } = CORPUS[lang];
  const gender: Gender = rng.chance(0.5) ? 'f' : 'm';
  const firstName = rng.pick(gender === 'f' ? people.female : people.male);
  const [masculine, feminine = masculine] = rng.pick(people.surnames).split('/') as [string, string?];
  const lastName = gender === 'f' ? feminine : masculine;

  const first = asciiLower(firstName);
  const last = asciiLower(lastName);
  const year = String(rng.int(60, 109) % 100).padStart(2, '0');
  const handle = rng.pick([
    `${first}.${last}`,
    `${first}_${last}${year}`,
    `${first[0]}${last}`,
    `${first}${last[0]}${rng.int(1, 999)}`,
    `${last}.${first}`,
    `${first}.${year}`,
  ]);
  const mailbox = rng.pick([`${first}.${last}`, `${first[0]}${last}${year}`, `${first}${year}`, `${last}.${first}`]);

  const style = rng.next();
  const displayName =
    style < 0.8 ? `${firstName} ${lastName}` : style < 0.92 ? `${firstName} ${lastName[0]}.` : `${firstName} ${lastName}`.toLowerCase();

  return {
    id,
    lang,
    gender,
    firstName,
    displayName,
    handle: `@${handle}`,
    email: `${mailbox}@${rng.pick(emailDomains)}`,
    phone: rng.pick(phoneFormats).replace(/#/g, () => rng.digits(1)),
  };
}
