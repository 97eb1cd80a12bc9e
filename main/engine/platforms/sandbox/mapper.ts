import type { InboundItem } from '../../inbox/ingest';
import type { QuarantinedPayload } from '../types';
import { WireItem } from './wire';

const MAX_QUARANTINED_PAYLOAD = 64 * 1024;

/**
 * Wire items → domain items. Each item is parsed on its own: one malformed
 * item is quarantined with its error while the rest of the page goes through.
 */
export function mapItems(raw: readonly unknown[]): { items: InboundItem[]; quarantined: QuarantinedPayload[] } {
  const items: InboundItem[] = [];
  const quarantined: QuarantinedPayload[] = [];
  for (const entry of raw) {
    const parsed = WireItem.safeParse(entry);
    if (!parsed.success) {
      quarantined.push({ payload: safeStringify(entry), error: parsed.error.issues.map((i) => `${i.path.join('.') || '(item)'}: ${i.message}`).join('; ') });
      continue;
    }
    items.push(toDomain(parsed.data));
  }
  return { items, quarantined };
}

function toDomain(item: WireItem): InboundItem {
  return {
    platformId: item.id,
    thread: { platformId: item.thread.id, kind: item.thread.kind, title: item.thread.title, rating: item.thread.rating ?? null },
    author: { platformId: item.author.id, name: item.author.name, handle: item.author.handle },
    lang: item.author.lang,
    body: item.text,
    createdAt: Date.parse(item.created_at),
    direction: item.direction,
    visibility: item.visibility,
  };
}

function safeStringify(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > MAX_QUARANTINED_PAYLOAD ? `${text.slice(0, MAX_QUARANTINED_PAYLOAD)}…` : text;
}
