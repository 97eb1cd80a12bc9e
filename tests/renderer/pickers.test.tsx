import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeEngine } from './fakeEngine';
import { activeOption, options, renderApp } from './harness';

afterEach(cleanup);

const key = (element: Element, code: string, key: string, modifiers: Partial<KeyboardEventInit> = {}) => fireEvent.keyDown(element, { code, key, ...modifiers });
const type = (input: HTMLElement, value: string) => fireEvent.change(input, { target: { value } });

async function openTags() {
  const engine = createFakeEngine({ conversations: 10 });
  const rendered = await renderApp({ engine });
  await waitFor(() => expect(screen.getByRole('combobox', { name: 'Tag' }).querySelectorAll('option')).toHaveLength(3));
  key(rendered.list, 'KeyL', 'д');
  const dialog = screen.getByRole('dialog', { name: 'Tags' });
  const input = within(dialog).getByRole('combobox', { name: 'Find or create a tag' });
  const picks = () => within(dialog).getAllByRole('option');
  return { ...rendered, dialog, input, picks };
}

describe('tag picker', () => {
  it('opens on l with focus in the box, filters as the agent types, and Enter toggles the tag on and off', async () => {
    const { engine, list, input, picks } = await openTags();
    expect(document.activeElement).toBe(input);
    expect(picks().map((option) => option.textContent)).toEqual(['Billing', 'VIP']);
    type(input, 'vi');
    expect(picks().map((option) => option.textContent)).toEqual(['VIP', 'Create tag “vi”']);
    key(input, 'Enter', 'Enter');
    await waitFor(() => expect(engine.callsTo('conversations.act')).toEqual([{ ids: ['c0'], action: { type: 'tag', tagId: 'tag-vip', on: true } }]));
    // The chip is on the row, the tick in the picker; the picker stays open for more tags.
    expect(within(options(list)[0]!).getByText('VIP')).toBeTruthy();
    expect(picks()[0]!.getAttribute('aria-checked')).toBe('true');
    key(input, 'Enter', 'Enter');
    await waitFor(() => expect(engine.callsTo('conversations.act')).toHaveLength(2));
    expect(engine.callsTo('conversations.act')[1]).toEqual({ ids: ['c0'], action: { type: 'tag', tagId: 'tag-vip', on: false } });
    key(input, 'Escape', 'Escape');
    expect(screen.queryByRole('dialog', { name: 'Tags' })).toBeNull();
    expect(document.activeElement).toBe(list);
  });

  it('creates a new tag inline with a colour and puts it on', async () => {
    const { engine, list, input, picks } = await openTags();
    type(input, 'Refund');
    expect(picks().map((option) => option.textContent)).toEqual(['Create tag “Refund”']);
    key(input, 'Enter', 'Enter');
    await waitFor(() => expect(engine.callsTo('tags.create')).toEqual([{ name: 'Refund', color: expect.stringMatching(/^#[0-9a-f]{6}$/) }]));
    await waitFor(() => expect(engine.conversations[0]!.tagIds).toEqual([engine.tags[2]!.id]));
    const chip = await within(options(list)[0]!).findByText('Refund');
    expect(chip.getAttribute('style')).toContain('background');
  });

  it('renames (Alt+R), recolours (Alt+C) and merges (Alt+M) the highlighted tag by keyboard', async () => {
    const { engine, input, picks, dialog } = await openTags();
    key(input, 'KeyR', 'r', { altKey: true });
    expect(within(dialog).getByRole('combobox', { name: 'New name for “Billing”' })).toBe(input);
    expect((input as HTMLInputElement).value).toBe('Billing');
    type(input, 'Invoices');
    key(input, 'Enter', 'Enter');
    await waitFor(() => expect(engine.tags[0]!.name).toBe('Invoices'));
    await waitFor(() => expect(picks().map((option) => option.textContent)).toEqual(['Invoices', 'VIP']));

    const color = engine.tags[0]!.color;
    key(input, 'KeyC', 'c', { altKey: true });
    await waitFor(() => expect(engine.tags[0]!.color).not.toBe(color));

    engine.conversations[4]!.tagIds = ['tag-billing'];
    key(input, 'KeyM', 'm', { altKey: true });
    expect(within(dialog).getByRole('combobox', { name: 'Merge “Invoices” into…' })).toBe(input);
    expect(picks().map((option) => option.textContent)).toEqual(['VIP']);
    key(input, 'Enter', 'Enter');
    await waitFor(() => expect(engine.callsTo('tags.merge')).toEqual([{ from: 'tag-billing', into: 'tag-vip' }]));
    await waitFor(() => expect(picks().map((option) => option.textContent)).toEqual(['VIP']));
    expect(engine.conversations[4]!.tagIds).toEqual(['tag-vip']);
  });

  it('moves the highlight with the arrows', async () => {
    const { input, picks } = await openTags();
    key(input, 'ArrowDown', 'ArrowDown');
    expect(input.getAttribute('aria-activedescendant')).toBe(picks()[1]!.id);
    expect(picks()[1]!.getAttribute('aria-selected')).toBe('true');
    key(input, 'ArrowUp', 'ArrowUp');
    expect(input.getAttribute('aria-activedescendant')).toBe(picks()[0]!.id);
  });

  it('tags every checked conversation in one call', async () => {
    const engine = createFakeEngine({ conversations: 10 });
    const { list } = await renderApp({ engine });
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Tag' }).querySelectorAll('option')).toHaveLength(3));
    key(list, 'KeyX', 'x');
    key(list, 'KeyJ', 'j');
    key(list, 'KeyX', 'x');
    key(list, 'KeyL', 'l');
    key(document.activeElement!, 'Enter', 'Enter');
    await waitFor(() => expect(engine.callsTo('conversations.act')).toEqual([{ ids: ['c0', 'c1'], action: { type: 'tag', tagId: 'tag-billing', on: true } }]));
  });
});

describe('assign picker', () => {
  async function openAssign() {
    const engine = createFakeEngine({ conversations: 10 });
    const rendered = await renderApp({ engine });
    key(rendered.list, 'KeyA', 'ф');
    const dialog = screen.getByRole('dialog', { name: 'Assign' });
    const input = within(dialog).getByRole('combobox', { name: 'Find or add a colleague' });
    await waitFor(() => expect(within(dialog).getAllByRole('option')).toHaveLength(3));
    return { ...rendered, dialog, input, picks: () => within(dialog).getAllByRole('option') };
  }

  it('offers me, colleagues and unassigned; Enter assigns and hands focus back', async () => {
    const { engine, list, input, picks } = await openAssign();
    expect(picks().map((option) => option.textContent)).toEqual(['Me (me)', 'Olga', 'Unassigned']);
    type(input, 'ol');
    key(input, 'Enter', 'Enter');
    expect(screen.queryByRole('dialog', { name: 'Assign' })).toBeNull();
    expect(document.activeElement).toBe(list);
    expect(activeOption(list).getAttribute('aria-label')).toMatch(/, assigned to Olga, /);
    expect(within(activeOption(list)).getByText('Olga')).toBeTruthy();
    await waitFor(() => expect(engine.callsTo('conversations.act')).toEqual([{ ids: ['c0'], action: { type: 'assign', agentId: 'agent-olga' } }]));
  });

  it('unassigns, and assigns to me', async () => {
    const { engine, input } = await openAssign();
    type(input, 'unass');
    key(input, 'Enter', 'Enter');
    await waitFor(() => expect(engine.callsTo('conversations.act')).toEqual([{ ids: ['c0'], action: { type: 'assign', agentId: null } }]));
    key(document.activeElement!, 'KeyA', 'a');
    key(screen.getByRole('combobox', { name: 'Find or add a colleague' }), 'Enter', 'Enter');
    await waitFor(() => expect(engine.callsTo('conversations.act')).toHaveLength(2));
    expect(engine.callsTo('conversations.act')[1]).toEqual({ ids: ['c0'], action: { type: 'assign', agentId: 'me' } });
  });

  it('adds a colleague inline and assigns to them', async () => {
    const { engine, input, picks } = await openAssign();
    type(input, 'Piotr');
    expect(picks().map((option) => option.textContent)).toEqual(['Add colleague “Piotr”']);
    key(input, 'Enter', 'Enter');
    await waitFor(() => expect(engine.callsTo('agents.create')).toEqual([{ name: 'Piotr' }]));
    await waitFor(() => expect(engine.conversations[0]!.assigneeId).toBe(engine.agents[2]!.id));
  });
});
