import { en } from './en';
import { pl } from './pl';
import { ru } from './ru';
import type { Lang, LanguageCorpus } from './types';

export type { Lang, LanguageCorpus, Mood, ReviewTone, Topic } from './types';
export { TOPICS_BY_MOOD } from './types';

export const CORPUS: Readonly<Record<Lang, LanguageCorpus>> = { en, ru, pl };
