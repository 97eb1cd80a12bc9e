import { describe, expect, it } from 'vitest';
import { defaultLibrary } from '../../../main/engine/canned/defaults';
import { placeholderFindings } from '../../../main/engine/checks/placeholders';
import { cannedWorkspace } from './workspace';

/** The cases the default library must answer in every language, by the tag each reply carries. */
const CASES = {
  en: ['delivery', 'refund', 'apology', 'privacy', 'review'],
  ru: ['доставка', 'возврат', 'извинение', 'личные данные', 'отзыв'],
  pl: ['dostawa', 'zwrot', 'przeprosiny', 'dane osobowe', 'opinia'],
} as const;

describe('default canned library', () => {
  it('has at least six replies per language covering the common cases, each greeting the customer by name', () => {
    const library = defaultLibrary();
    for (const [lang, tags] of Object.entries(CASES)) {
      const replies = library.filter((r) => r.lang === lang);
      expect(replies.length, lang).toBeGreaterThanOrEqual(6);
      for (const tag of tags) expect(replies.some((r) => r.tags.includes(tag)), `${lang} ${tag}`).toBe(true);
      for (const reply of replies) expect(reply.body, reply.title).toContain('{{contact.first_name}}');
    }
    // One shortcut per reply across all languages (they share one namespace).
    const shortcuts = library.map((r) => r.shortcut);
    expect(new Set(shortcuts).size).toBe(library.length);
  });

  it('is in a new workspace, and every reply renders with no unknown variable left', async () => {
    const w = cannedWorkspace();
    const { replies } = await w.client.call('canned.list', { limit: 500 });
    expect(replies.length).toBe(defaultLibrary().length);
    for (const lang of ['en', 'ru', 'pl'] as const) {
      const conversationId = w.conversationWith({ name: 'Dr. Anna Kowalska', lang });
      for (const reply of replies.filter((r) => r.lang === lang)) {
        const { text, fields } = await w.client.call('canned.render', { id: reply.id, conversationId });
        const findings = placeholderFindings(text);
        expect(findings.filter((f) => f.rule !== 'placeholder.unfilled'), reply.title).toEqual([]);
        // What is left to block publishing is exactly the fill-in fields, which the composer lists.
        expect(findings.map((f) => [f.start, f.end]), reply.title).toEqual(fields.map((f) => [f.start, f.end]));
        expect(text, reply.title).toContain('Anna');
      }
    }
  });
});
