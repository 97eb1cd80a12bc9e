import { describe, expect, it } from 'vitest';
import { firstName, renderCanned, type RenderContext } from '../../../main/engine/canned/render';
import { placeholderFindings } from '../../../main/engine/checks/placeholders';
import { KNOWN_VARIABLES } from '../../../shared/canned/placeholders';
import { cannedWorkspace } from './workspace';

const CONTEXT: RenderContext = { contact: { name: 'Anna Kowalska' }, agent: { name: 'Marek' }, account: { name: 'Northwind Goods' }, platform: 'Facebook' };

describe('renderCanned', () => {
  it('fills every variable the placeholder check knows, so none is left for it to flag', () => {
    const body = [...KNOWN_VARIABLES].map((name) => `{{${name}}}`).join(' | ');
    const { text, fields } = renderCanned(body, CONTEXT);
    expect(text).toBe('Anna | Anna Kowalska | Marek | Northwind Goods | Facebook');
    expect(fields).toEqual([]);
    expect(placeholderFindings(text)).toEqual([]);
  });

  it('leaves unknown variables as written, for the check to block', () => {
    const { text } = renderCanned('Hi {{contact.nmae}} and {{ contact.name }}', CONTEXT);
    expect(text).toBe('Hi {{contact.nmae}} and Anna Kowalska');
    expect(placeholderFindings(text).map((f) => f.rule)).toEqual(['placeholder.unknown_variable']);
  });

  it('lists fill-in fields by UTF-16 offsets in the rendered text, after emoji and filled variables', () => {
    const { text, fields } = renderCanned('🙏👍🏽 {{contact.first_name}}, order {{? order number }} arrives {{?date}}.', CONTEXT);
    expect(text).toBe('🙏👍🏽 Anna, order {{? order number }} arrives {{?date}}.');
    expect(fields).toEqual([
      { start: 19, end: 38, label: 'order number' },
      { start: 47, end: 56, label: 'date' },
    ]);
    expect(fields.map((f) => text.slice(f.start, f.end))).toEqual(['{{? order number }}', '{{?date}}']);
    // Unfilled, they block publishing.
    expect(placeholderFindings(text).map((f) => f.rule)).toEqual(['placeholder.unfilled', 'placeholder.unfilled']);
  });

  it('leaves a missing value empty rather than showing the customer a template', () => {
    expect(renderCanned('Hi {{contact.first_name}}!', { ...CONTEXT, contact: { name: '' } }).text).toBe('Hi !');
  });
});

describe('firstName', () => {
  it.each([
    ['Anna Kowalska', 'Anna'],
    ['Dr. Anna Kowalska', 'Anna'],
    ['prof. dr Jan Nowak', 'Jan'],
    ['Mr John Smith', 'John'],
    ['  Иван   Петров ', 'Иван'],
    ['Dr.', 'Dr.'],
    ['', ''],
  ])('%j → %j', (name, expected) => {
    expect(firstName(name)).toBe(expected);
  });
});

describe('canned.render', () => {
  it("fills from the conversation's contact, account and platform (named in the reply's language) and the agent me", async () => {
    const w = cannedWorkspace();
    w.engine.db.prepare("UPDATE agents SET name = 'Olga' WHERE id = 'me'").run();
    const conversationId = w.conversationWith({ name: 'Dr. Piotr Wiśniewski', lang: 'pl', platform: 'vk', account: 'Sklep Lipa' });
    const reply = await w.client.call('canned.save', {
      title: 'Test',
      body: 'Cześć {{contact.first_name}} ({{contact.name}}), tu {{agent.name}} z {{account.name}} na {{platform}}. Numer: {{? numer zamówienia }}',
      lang: 'ru',
      tags: [],
      shortcut: null,
    });
    const rendered = await w.client.call('canned.render', { id: reply.id, conversationId });
    expect(rendered.text).toBe('Cześć Piotr (Dr. Piotr Wiśniewski), tu Olga z Sklep Lipa na ВКонтакте. Numer: {{? numer zamówienia }}');
    expect(rendered.fields).toEqual([{ start: rendered.text.indexOf('{{?'), end: rendered.text.length, label: 'numer zamówienia' }]);
    await expect(w.client.call('canned.render', { id: reply.id, conversationId: 'nope' })).rejects.toMatchObject({ code: 'not_found' });
  });
});
