import type { en } from './en';
import type { PluralForms } from './plural';

export type MessageKey = keyof typeof en;

/**
 * The shape every translation must have: exactly en's keys, with plural forms
 * wherever en has them. Used as `satisfies Catalog`, so a missing, extra or
 * misshapen entry is a type error rather than a blank on screen.
 */
export type Catalog = { readonly [K in MessageKey]: (typeof en)[K] extends string ? string : PluralForms };
