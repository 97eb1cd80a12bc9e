import type { InboundItem } from '../../inbox/ingest';
import { quarantine, type Mapped } from '../quarantine';
import { WireItem } from './wire';

/**
 * Wire items → domain items. Each item is parsed on its own: one malformed
 * item is quarantined with its error while the rest of the page goes through.
 */
export function mapItems(raw: readonly unknown[]): Mapped {
  const items: InboundItem[] = [];
  const quarantined: Mapped['quarantined'] = [];
  for (const entry of raw) {
    const parsed = WireItem.safeParse(entry);
    if (!parsed.success) {
      quarantined.push(quarantine(entry, parsed.error, '(item)'));
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
    hidden: item.hidden,
  };
}
