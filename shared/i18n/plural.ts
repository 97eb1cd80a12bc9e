/**
 * Plural forms keyed by Intl.PluralRules categories. `other` is always
 * required because every language has it; which of the rest a language needs
 * is checked by the catalog tests against Intl itself.
 */
export type PluralForms = { readonly other: string } & { readonly [C in Intl.LDMLPluralRule]?: string };

export const isPluralForms = (value: string | PluralForms): value is PluralForms => typeof value !== 'string';
