/**
 * Cheap language guess for the three languages we score. Cyrillic → ru;
 * Polish diacritics, common Polish words or Polish-looking spellings (people
 * often type without diacritics) → pl; anything else → en, the lexicon most
 * useful for mixed or unknown Latin-script text. A lone word with none of
 * these ("polecam") reads as English: callers that know the language pass it.
 */
import { POLISH_LETTER_RE } from './polish';
import { tokenize, type WordToken } from './tokenize';
import type { SentimentLang } from './types';

// Spellings English hardly uses: the digraphs rz/cz/sz/dz and typical endings
// (-cja, -anie, -ować, -ałam); they catch Polish typed without diacritics.
const POLISH_SHAPE_RE = /rz|cz|sz|dz|(?:cj[aie]|anie|enie|owac|osc|alam|alem)$/;

// Frequent words that are unmistakably Polish even without diacritics, and
// their English counterparts; words that are both ("do", "to", "i", "a", "was", "ten") are left out.
const POLISH_WORDS = new Set(
  `nie jest sie czy jak ile kiedy gdzie mam juz tak co dla przez moje moja moj bardzo dzieki dziekuje prosze zamowienie
   zamowienia paczka paczke kurier dostawa wszystko ale albo jeszcze zwrot mozna macie jestem czekam chce chcialam
   jestescie wam nas tego jego kto dzien dobry witam mozecie wyslac wysylacie sklep sklepie towar rozmiar cena`.split(/\s+/),
);
const ENGLISH_WORDS = new Set(
  `the is and my you your it of for not this was are with have what where when can why how please thanks thank
   order parcel delivery still been just will would could there their they me we our hi hello`.split(/\s+/),
);

export function detectLanguageOfWords(words: readonly WordToken[]): SentimentLang {
  let cyrillic = 0;
  let latin = 0;
  let polish = 0;
  let english = 0;
  for (const { norm } of words) {
    const first = norm.charCodeAt(0);
    if (first >= 0x400 && first <= 0x4ff) {
      cyrillic++;
      continue;
    }
    if (first < 0x61 || first > 0x24f) continue;
    latin++;
    // One vote per word, so a Polish place name alone does not outvote English ("Do you ship to Gdańsk?").
    if (POLISH_LETTER_RE.test(norm) || POLISH_WORDS.has(norm) || POLISH_SHAPE_RE.test(norm)) polish++;
    else if (ENGLISH_WORDS.has(norm)) english++;
  }
  if (cyrillic > latin) return 'ru';
  return polish > english ? 'pl' : 'en';
}

export function detectLanguage(text: string): SentimentLang {
  return detectLanguageOfWords(tokenize(typeof text === 'string' ? text : '').words);
}
