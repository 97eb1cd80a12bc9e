import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeEngine, MINUTE } from './fakeEngine';
import { options, renderApp } from './harness';

afterEach(cleanup);

describe('rows', () => {
  it('show the SLA clock in words and colour: time left, due soon, overdue', async () => {
    const engine = createFakeEngine({ conversations: 10 });
    engine.conversations[2]!.slaDueAt = Date.now() + 3 * 60 * MINUTE + 30_000;
    engine.conversations[3]!.slaDueAt = null;
    const { list } = await renderApp({ engine });
    const [overdue, dueSoon, ok, none] = options(list);
    const sla = (row: HTMLElement) => row.querySelector('.sla');
    expect(sla(overdue!)?.textContent).toBe('overdue by 5 min');
    expect(sla(overdue!)?.className).toBe('sla sla--overdue');
    expect(sla(dueSoon!)?.textContent).toBe('due soon: 4 min left');
    expect(sla(dueSoon!)?.className).toBe('sla sla--due_soon');
    expect(sla(ok!)?.textContent).toBe('3 hr left');
    expect(sla(ok!)?.className).toBe('sla sla--ok');
    expect(sla(none!)).toBeNull();
    expect(ok!.getAttribute('aria-label')).toMatch(/, neutral sentiment, 3 hr left, /);
  });

  it('mark sentiment by shape as well as colour, and say it in the label', async () => {
    const engine = createFakeEngine({ conversations: 10 });
    const { list } = await renderApp({ engine });
    const marker = (index: number) => options(list)[index]!.querySelector('.sentiment');
    expect([marker(0)?.textContent, marker(1)?.textContent, marker(3)?.textContent]).toEqual(['▼', '●', '▲']);
    expect(marker(0)?.getAttribute('title')).toBe('Negative');
    expect(options(list)[3]!.getAttribute('aria-label')).toMatch(/, positive sentiment, /);
  });

  it('show tag chips in their colours, the assignee by name and a draft marker', async () => {
    const engine = createFakeEngine({ conversations: 10 });
    Object.assign(engine.conversations[1]!, { tagIds: ['tag-vip', 'tag-billing'], assigneeId: 'agent-olga', hasDraft: true });
    const { list } = await renderApp({ engine });
    const row = options(list)[1]!;
    await waitFor(() => expect(within(row).getByText('VIP')).toBeTruthy());
    const vip = within(row).getByText('VIP');
    expect(vip.style.background).toBe('rgb(95, 61, 196)');
    expect(vip.style.color).toBe('rgb(255, 255, 255)');
    expect(within(row).getByText('Billing')).toBeTruthy();
    expect(within(row).getByText('Olga')).toBeTruthy();
    expect(within(row).getByText('Draft')).toBeTruthy();
    expect(row.getAttribute('aria-label')).toMatch(/, assigned to Olga, draft saved, /);
  });

  it('render names and tags from customers as text', async () => {
    const engine = createFakeEngine({ conversations: 5 });
    engine.tags.push({ id: 'tag-x', name: '<b>bold</b>', color: '#ffd43b' });
    engine.conversations[0]!.tagIds = ['tag-x'];
    const { list } = await renderApp({ engine });
    const chip = await within(options(list)[0]!).findByText('<b>bold</b>');
    expect(chip.querySelector('b')).toBeNull();
    // A light colour gets dark text.
    expect(chip.style.color).toBe('rgb(0, 0, 0)');
  });
});

describe('why is this first?', () => {
  it('is a keyboard-reachable disclosure listing the priority parts and the words that moved the sentiment', async () => {
    const { list } = await renderApp({ engine: createFakeEngine({ conversations: 5 }) });
    fireEvent.keyDown(list, { code: 'Enter', key: 'Enter' });
    const button = await screen.findByRole('button', { name: 'Why is this first?' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    const panel = document.getElementById(button.getAttribute('aria-controls')!)!;
    expect(panel.hidden).toBe(true);
    button.focus();
    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(panel.hidden).toBe(false);
    expect(within(panel).getByText('Priority score 10,000,060')).toBeTruthy();
    expect(within(panel).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Negative sentiment: 10,000,000 points',
      'Overdue: 60 points',
      'cold (word, -0.5)',
    ]);
  });
});

describe('snoozed rows', () => {
  it('say when the conversation comes back instead of its clock', async () => {
    const engine = createFakeEngine({ conversations: 5 });
    const wake = new Date(2030, 0, 7, 9, 0).getTime();
    Object.assign(engine.conversations[2]!, { status: 'snoozed', snoozedUntil: wake });
    const { list } = await renderApp({ engine });
    fireEvent.keyDown(list, { code: 'KeyG', key: 'g' });
    fireEvent.keyDown(list, { code: 'KeyS', key: 's' });
    await waitFor(() => expect(options(list)).toHaveLength(1));
    const row = options(list)[0]!;
    // Newer ICU puts a narrow no-break space before AM.
    const expected = /snoozed until Mon, Jan 7, 09:00\sAM/u;
    expect(row.querySelector('.inbox-row-wake')?.textContent).toMatch(expected);
    expect(row.querySelector('.sla')).toBeNull();
    expect(row.getAttribute('aria-label')).toMatch(expected);
  });
});
