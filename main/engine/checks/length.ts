/**
 * Replies longer than the platform takes block, counted the way each platform
 * counts:
 *
 * | platform   | public reply                      | private reply                    |
 * |------------|-----------------------------------|----------------------------------|
 * | x          | 280, weighted (twitter-text v3)   | 10,000 code points (DMs)         |
 * | facebook   | 8,000 UTF-16 units (comments)     | 2,000 UTF-16 units (Messenger)   |
 * | instagram  | 2,200 UTF-16 units (comments)     | 1,000 UTF-8 bytes (Messaging API)|
 * | telegram   | 4,096 UTF-16 units                | 4,096 UTF-16 units               |
 * | vk         | 4,096 UTF-16 units                | 4,096 UTF-16 units               |
 * | reviews    | 4,096 UTF-8 bytes (Google's reply limit)                             |
 * | sandbox    | MAX_REPLY_LENGTH, the engine's own ceiling                           |
 *
 * X weighs each code point of NFC text: Latin, Cyrillic and general
 * punctuation (U+0000–U+10FF, U+2000–U+200D, U+2010–U+201F, U+2032–U+2037)
 * count 1, everything else (CJK, emoji) 2; a link counts 23 whatever its
 * length and an emoji sequence (ZWJ, skin tone) counts 2 as a whole.
 * Telegram measures entities and length in UTF-16 units, as JavaScript does;
 * VK documents 4,096 for messages and we hold comments to the same.
 */
import { MAX_REPLY_LENGTH } from '../../../shared/domain';
import { findProtected, type Span } from './scan';
import type { Draft, Platform, Visibility } from './types';

type Unit = 'x_weighted' | 'code_points' | 'utf16' | 'utf8_bytes';

interface Limit {
  limit: number;
  unit: Unit;
}

const LIMITS: Readonly<Record<Platform, Readonly<Record<Visibility, Limit>>>> = {
  x: { public: { limit: 280, unit: 'x_weighted' }, private: { limit: 10_000, unit: 'code_points' } },
  facebook: { public: { limit: 8_000, unit: 'utf16' }, private: { limit: 2_000, unit: 'utf16' } },
  instagram: { public: { limit: 2_200, unit: 'utf16' }, private: { limit: 1_000, unit: 'utf8_bytes' } },
  telegram: { public: { limit: 4_096, unit: 'utf16' }, private: { limit: 4_096, unit: 'utf16' } },
  vk: { public: { limit: 4_096, unit: 'utf16' }, private: { limit: 4_096, unit: 'utf16' } },
  reviews: { public: { limit: 4_096, unit: 'utf8_bytes' }, private: { limit: 4_096, unit: 'utf8_bytes' } },
  sandbox: { public: { limit: MAX_REPLY_LENGTH, unit: 'utf16' }, private: { limit: MAX_REPLY_LENGTH, unit: 'utf16' } },
};

export function lengthLimit(platform: Platform, visibility: Visibility): Limit {
  return LIMITS[platform][visibility];
}

const X_LINK_WEIGHT = 23;
const X_WIDE_WEIGHT = 2;
const X_NARROW_RANGES: readonly (readonly [number, number])[] = [
  [0x0000, 0x10ff],
  [0x2000, 0x200d],
  [0x2010, 0x201f],
  [0x2032, 0x2037],
];
const EMOJI_RE = /\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier})*(?:\u200D\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier})*)*/gu;

function codePointWeight(cp: number, unit: Unit): number {
  if (unit === 'utf16') return cp > 0xffff ? 2 : 1;
  if (unit === 'code_points') return 1;
  if (unit === 'utf8_bytes') return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  return X_NARROW_RANGES.some(([lo, hi]) => cp >= lo && cp <= hi) ? 1 : X_WIDE_WEIGHT;
}

/** Spans that X counts as one unit (links and emoji sequences), with their weight. */
function xUnits(text: string): (Span & { weight: number })[] {
  const links = findProtected(text)
    .filter((s) => s.kind === 'url')
    .map((s) => ({ start: s.start, end: s.end, weight: X_LINK_WEIGHT }));
  const emoji = [...text.matchAll(EMOJI_RE)].map((m) => ({ start: m.index, end: m.index + m[0].length, weight: X_WIDE_WEIGHT }));
  return [...links, ...emoji].sort((a, b) => a.start - b.start);
}

/** The count the platform sees, and the offset where it first passes the limit (or null). */
export function measure(text: string, { limit, unit }: Limit): { count: number; overAt: number | null } {
  // X counts NFC code points; only then do offsets need care, so other units measure the text as given.
  const counted = unit === 'x_weighted' ? text.normalize('NFC') : text;
  const units = unit === 'x_weighted' ? xUnits(counted) : [];
  let count = 0;
  let overAt: number | null = null;
  let next = 0;
  for (let i = 0; i < counted.length; ) {
    const whole = units[next];
    let width: number;
    let weight: number;
    if (whole && whole.start === i) {
      width = whole.end - whole.start;
      weight = whole.weight;
      next++;
    } else {
      const cp = counted.codePointAt(i)!;
      width = cp > 0xffff ? 2 : 1;
      weight = codePointWeight(cp, unit);
    }
    while (units[next] && units[next]!.start < i + width) next++;
    count += weight;
    if (overAt === null && count > limit) overAt = i;
    i += width;
  }
  // NFC can shorten the text; the finding then covers at most the whole of it.
  return { count, overAt: overAt === null ? null : Math.min(overAt, text.length) };
}

export function lengthFindings(text: string, platform: Platform, visibility: Visibility): Draft[] {
  const limit = lengthLimit(platform, visibility);
  const { count, overAt } = measure(text, limit);
  if (overAt === null) return [];
  return [
    {
      kind: 'length',
      rule: 'length',
      severity: 'block',
      start: overAt,
      end: text.length,
      messageKey: 'check.length',
      params: { count, limit: limit.limit, platform },
      suggestions: [],
      fix: null,
    },
  ];
}
