/**
 * Personal data in a public reply: email addresses, phone numbers, order and
 * tracking numbers, payment cards (Luhn) and bank accounts (IBAN mod 97). Each
 * blocks, with the fix "reply privately instead". Numbers are looked for with
 * links, mentions and hashtags blanked out, and dates, times and prices are
 * not numbers of a person.
 */
import { ibanPrefixLength, ibanValid, luhnValid, s10Valid } from './checksums';
import { mask, overlaps, type ProtectedSpan, type Span } from './scan';
import type { Draft } from './types';
import type { MessageKey } from '../../../shared/i18n';

type PersonalKind = 'email' | 'phone' | 'order_number' | 'tracking_number' | 'card_number' | 'iban';

const MESSAGE: Readonly<Record<PersonalKind, MessageKey>> = {
  email: 'check.personal.email',
  phone: 'check.personal.phone',
  order_number: 'check.personal.orderNumber',
  tracking_number: 'check.personal.trackingNumber',
  card_number: 'check.personal.cardNumber',
  iban: 'check.personal.iban',
};

// JavaScript's \b knows only ASCII letters; these edges also hold for Cyrillic and Polish.
const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';

const DATE_RE = new RegExp(`${B}(?:\\d{4}[-./]\\d{1,2}[-./]\\d{1,2}|\\d{1,2}[-./]\\d{1,2}[-./](?:\\d{4}|\\d{2}))${E}`, 'gu');
const TIME_RE = new RegExp(`${B}\\d{1,2}:\\d{2}(?::\\d{2})?${E}`, 'gu');
const IBAN_RE = new RegExp(`${B}[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{1,4})+`, 'gu');
// A Polish account number written without its "PL" (NRB) is the same IBAN.
const NRB_RE = new RegExp(`${B}\\d{2}(?: ?\\d{4}){6}${E}`, 'gu');
const CARD_RE = new RegExp(`${B}\\d(?:[ -]?\\d){12,18}${E}`, 'gu');
const UPS_RE = new RegExp(`${B}1Z[0-9A-Z]{16}${E}`, 'giu');
const S10_RE = new RegExp(`${B}[A-Z]{2}\\d{9}[A-Z]{2}${E}`, 'gu');
// A number right after the words that name it: "order #12345", "заказ № 4521-77", "numer przesyłki 6200…".
const ORDER_RE = new RegExp(
  `${B}(?:order|заказ|zamówieni|zamowieni)\\p{L}*\\s*(?:(?:number|no\\.?|nr\\.?|номер|numer)\\s*)?[#№:]?\\s*([A-Z0-9][A-Z0-9-]{3,24})${E}`,
  'giud',
);
const TRACKING_RE = new RegExp(
  `${B}(?:tracking|track|трек|отслеживани|przesyłk|przesylk|paczk|nadani|śledzeni|sledzeni)\\p{L}*(?:[- ]?(?:number|no\\.?|nr\\.?|номер|numer|код))?\\s*[#№:]?\\s*([A-Z0-9][A-Z0-9-]{7,30})${E}`,
  'giud',
);
const PHONE_RE = new RegExp(`${B}\\+?\\(?\\d[\\d ().-]{6,}\\d\\)?${E}`, 'gu');
const CURRENCY_BEFORE_RE = /[$€£₽¥]\s?$/u;
const CURRENCY_AFTER_RE = /^\s?(?:[$€£₽¥]|zł|zl|pln|руб|р\.|rub|usd|eur|gbp|грн|тг)/iu;

const digitsOf = (s: string): string => s.replace(/\D/g, '');

function phoneLike(candidate: string, before: string, after: string): boolean {
  const digits = digitsOf(candidate).length;
  if (digits < 9 || digits > 15) return false;
  if (CURRENCY_BEFORE_RE.test(before) || CURRENCY_AFTER_RE.test(after)) return false;
  // "3.14159265" and "1.5" are decimals, not numbers to call.
  return !/^\d+\.\d+$/.test(candidate);
}

export function personalDataFindings(text: string, protectedSpans: readonly ProtectedSpan[]): Draft[] {
  const found: (Span & { kind: PersonalKind })[] = protectedSpans.filter((s) => s.kind === 'email').map((s) => ({ ...s, kind: 'email' as const }));
  const take = (kind: PersonalKind, span: Span): void => {
    if (!found.some((f) => overlaps(f, span))) found.push({ kind, ...span });
  };
  const dates = [...text.matchAll(DATE_RE), ...text.matchAll(TIME_RE)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const numbers = mask(text, [...protectedSpans, ...dates].sort((a, b) => a.start - b.start));

  const scan = (re: RegExp, kind: PersonalKind, spanOf: (m: RegExpExecArray) => Span | null): void => {
    for (const m of numbers.matchAll(re)) {
      const span = spanOf(m);
      if (span) take(kind, span);
    }
  };
  const whole = (m: RegExpExecArray, valid: boolean): Span | null => (valid ? { start: m.index, end: m.index + m[0].length } : null);
  // The number after "order", "трек-номер"…: group 1, when it has enough digits to be one.
  const named = (m: RegExpExecArray): Span | null => (digitsOf(m[1]!).length >= 4 ? { start: m.indices![1]![0], end: m.indices![1]![1] } : null);

  // The most certain first: a checksum beats a pattern where spans overlap.
  scan(IBAN_RE, 'iban', (m) => {
    const length = ibanPrefixLength(m[0]);
    return length > 0 ? { start: m.index, end: m.index + length } : null;
  });
  scan(NRB_RE, 'iban', (m) => whole(m, ibanValid(`PL${digitsOf(m[0])}`)));
  scan(CARD_RE, 'card_number', (m) => whole(m, luhnValid(digitsOf(m[0]))));
  scan(UPS_RE, 'tracking_number', (m) => whole(m, true));
  scan(S10_RE, 'tracking_number', (m) => whole(m, s10Valid(m[0])));
  scan(TRACKING_RE, 'tracking_number', named);
  scan(ORDER_RE, 'order_number', named);
  scan(PHONE_RE, 'phone', (m) => {
    const end = m.index + m[0].length;
    return whole(m, phoneLike(m[0], numbers.slice(Math.max(0, m.index - 2), m.index), numbers.slice(end, end + 8)));
  });

  return found
    .sort((a, b) => a.start - b.start)
    .map(({ kind, start, end }) => ({
      kind: 'personal_data',
      rule: `personal_data.${kind}`,
      severity: 'block',
      start,
      end,
      messageKey: MESSAGE[kind],
      params: {},
      suggestions: [],
      fix: 'reply_privately',
    }));
}
