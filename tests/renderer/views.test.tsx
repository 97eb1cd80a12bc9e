import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeEngine } from './fakeEngine';
import { activeOption, options, renderApp } from './harness';

afterEach(cleanup);

const key = (element: HTMLElement, code: string, key: string, modifiers: Partial<KeyboardEventInit> = {}) => fireEvent.keyDown(element, { code, key, ...modifiers });
const views = () => within(screen.getByRole('navigation', { name: 'Views' })).getAllByRole('button');
const viewButton = (name: string) => within(screen.getByRole('navigation', { name: 'Views' })).getByRole('button', { name: new RegExp(`^${name}`) });

describe('views', () => {
  it('lists every view with its live count and marks the active one', async () => {
    const engine = createFakeEngine({ conversations: 30 });
    engine.conversations[5]!.status = 'closed';
    engine.conversations[6]!.status = 'pending';
    engine.conversations[7]!.assigneeId = 'me';
    await renderApp({ engine });
    await waitFor(() => expect(viewButton('Needs reply').textContent).toMatch(/28/));
    expect(views().map((button) => button.textContent)).toEqual([
      'Needs reply 28, 1 overdue',
      'Mine 1',
      'Pending 1',
      'Snoozed 0',
      'Closed 1',
      'All 30, 1 overdue',
    ]);
    expect(viewButton('Needs reply').getAttribute('aria-current')).toBe('true');
    expect(viewButton('Mine').getAttribute('aria-current')).toBeNull();
  });

  it('heads the pane with the view’s name, count and overdue count, re-read on inbox.changed', async () => {
    const engine = createFakeEngine({ conversations: 30 });
    await renderApp({ engine });
    expect(screen.getByRole('heading', { level: 2, name: 'Needs reply' })).toBeTruthy();
    const pane = screen.getByRole('region', { name: 'Needs reply' });
    await within(pane).findByText('30 conversations');
    const overdue = within(pane).getByText('1 overdue');
    expect(overdue.className).toBe('pane-overdue');

    engine.conversations[3]!.slaDueAt = Date.now() - 60_000;
    act(() => engine.emit('inbox.changed', { conversationIds: ['c3'] }));
    expect(await within(pane).findByText('2 overdue')).toBeTruthy();
    expect(engine.callsTo('inbox.counts').length).toBeGreaterThanOrEqual(2);
  });

  it('switches views with g i, g m, g p, g s, g c, g a (physical keys, any layout) and re-reads the list for it', async () => {
    const engine = createFakeEngine({ conversations: 30 });
    engine.conversations[4]!.status = 'closed';
    const { list } = await renderApp({ engine });
    const goto = async (letter: string, typed: string, name: string) => {
      key(list, 'KeyG', 'п');
      key(list, `Key${letter.toUpperCase()}`, typed);
      // The inbox pane is a region named by its heading: the active view.
      await waitFor(() => expect(screen.getByRole('region', { name })).toBeTruthy());
      expect(viewButton(name).getAttribute('aria-current')).toBe('true');
      expect(document.activeElement).toBe(list);
    };
    await goto('c', 'с', 'Closed');
    await waitFor(() => expect(options(list)).toHaveLength(1));
    expect(options(list)[0]!.getAttribute('aria-label')).toMatch(/^Customer 4,/);
    expect(engine.callsTo('inbox.list').at(-1)).toMatchObject({ view: 'closed', offset: 0 });
    await goto('m', 'ь', 'Mine');
    await goto('p', 'з', 'Pending');
    await goto('s', 'ы', 'Snoozed');
    await goto('a', 'ф', 'All');
    await goto('i', 'ш', 'Needs reply');
  });

  it('says calmly that nothing needs a reply, and names an empty view plainly', async () => {
    const { list } = await renderApp({ engine: createFakeEngine({ conversations: 0 }) });
    expect(await screen.findByText('Nothing needs a reply')).toBeTruthy();
    key(list, 'KeyG', 'g');
    key(list, 'KeyS', 's');
    expect(await screen.findByText('No conversations here')).toBeTruthy();
  });

  it('switches with a click on a view, focus back in the list', async () => {
    const { list } = await renderApp({ engine: createFakeEngine({ conversations: 10 }) });
    fireEvent.click(viewButton('All'));
    expect(screen.getByRole('region', { name: 'All' })).toBeTruthy();
    expect(document.activeElement).toBe(list);
    await waitFor(() => expect(activeOption(list).getAttribute('aria-posinset')).toBe('1'));
  });
});

describe('filters and sort', () => {
  it('feed inbox.list and inbox.counts and narrow the list', async () => {
    const engine = createFakeEngine({ conversations: 30 });
    engine.conversations[9]!.tagIds = ['tag-vip'];
    const { list } = await renderApp({ engine });
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Tag' }).querySelectorAll('option')).toHaveLength(3));

    fireEvent.change(screen.getByRole('combobox', { name: 'Tag' }), { target: { value: 'tag-vip' } });
    await waitFor(() => expect(options(list)).toHaveLength(1));
    expect(options(list)[0]!.getAttribute('aria-label')).toMatch(/^Customer 9,/);
    expect(engine.callsTo('inbox.list').at(-1)).toMatchObject({ filter: { tagId: 'tag-vip' } });
    expect(engine.callsTo('inbox.counts').at(-1)).toEqual({ filter: { tagId: 'tag-vip' } });
    await waitFor(() => expect(viewButton('Needs reply').textContent).toBe('Needs reply 1'));

    fireEvent.change(screen.getByRole('combobox', { name: 'Sentiment' }), { target: { value: 'negative' } });
    expect(await screen.findByText('No conversations match these filters')).toBeTruthy();
    expect(engine.callsTo('inbox.list').at(-1)).toMatchObject({ filter: { tagId: 'tag-vip', sentiment: 'negative' } });

    fireEvent.change(screen.getByRole('combobox', { name: 'Tag' }), { target: { value: '' } });
    await waitFor(() => expect(options(list)).toHaveLength(1));
    expect(options(list)[0]!.getAttribute('aria-label')).toMatch(/^Anna Kowalska,/);
    expect(engine.callsTo('inbox.list').at(-1)).toMatchObject({ filter: { sentiment: 'negative' } });
  });

  it('offers every filter and the sort as labelled native selects', async () => {
    const engine = createFakeEngine({ conversations: 10 });
    const { list } = await renderApp({ engine });
    for (const name of ['Account', 'Platform', 'Kind', 'Tag', 'Customer language', 'Sentiment', 'Sort']) {
      expect(screen.getByRole('combobox', { name }).tagName).toBe('SELECT');
    }
    await waitFor(() => expect(within(screen.getByRole('combobox', { name: 'Account' })).getByRole('option', { name: 'Test brand' })).toBeTruthy());
    fireEvent.change(screen.getByRole('combobox', { name: 'Sort' }), { target: { value: 'oldest' } });
    await waitFor(() => expect(options(list)[0]!.getAttribute('aria-label')).toMatch(/^Customer 9,/));
    expect(engine.callsTo('inbox.list').at(-1)).toMatchObject({ sort: 'oldest', offset: 0 });
  });
});

describe('engine events', () => {
  it('re-read tags and colleagues on directory.changed, and the list on settings.changed (new priority weights)', async () => {
    const engine = createFakeEngine({ conversations: 10 });
    const { list } = await renderApp({ engine });
    await waitFor(() => expect(engine.callsTo('tags.list')).toHaveLength(1));
    engine.tags.push({ id: 'tag-new', name: 'Fresh', color: '#1864ab' });
    act(() => engine.emit('directory.changed', {}));
    await waitFor(() => expect(within(screen.getByRole('combobox', { name: 'Tag' })).getByRole('option', { name: 'Fresh' })).toBeTruthy());
    expect(engine.callsTo('agents.list').length).toBeGreaterThanOrEqual(2);

    const reads = engine.callsTo('inbox.list').length;
    engine.conversations.reverse();
    act(() => engine.emit('settings.changed', {}));
    await waitFor(() => expect(options(list)[0]!.getAttribute('aria-label')).toMatch(/^Customer 9,/));
    expect(engine.callsTo('inbox.list').length).toBeGreaterThan(reads);
  });
});
