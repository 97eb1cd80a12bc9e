import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CannedReply, Finding } from '../../shared/domain';
import { createFakeEngine, type FakeEngine } from './fakeEngine';
import { renderApp } from './harness';

afterEach(cleanup);

const KEY = {
  ctrlEnter: { code: 'Enter', key: 'Enter', ctrlKey: true },
  picker: { code: 'Slash', key: '/', ctrlKey: true },
  fix: { code: 'Period', key: '.', ctrlKey: true },
  private: { code: 'KeyP', key: 'P', ctrlKey: true, shiftKey: true },
  language: { code: 'KeyL', key: 'L', ctrlKey: true, shiftKey: true },
  handoff: { code: 'KeyH', key: 'H', ctrlKey: true, shiftKey: true },
  tab: { code: 'Tab', key: 'Tab' },
  shiftTab: { code: 'Tab', key: 'Tab', shiftKey: true },
  semicolon: { code: 'Semicolon', key: ';' },
  down: { code: 'ArrowDown', key: 'ArrowDown' },
  enter: { code: 'Enter', key: 'Enter' },
  escape: { code: 'Escape', key: 'Escape' },
  ctrlZ: { code: 'KeyZ', key: 'z', ctrlKey: true },
};

function canned(id: string, fields: Partial<CannedReply> = {}): CannedReply {
  return { id, title: id, body: `Body of ${id}`, lang: 'en', tags: [], shortcut: null, createdAt: 1, updatedAt: 1, ...fields };
}

const LIBRARY: CannedReply[] = [
  canned('status', { title: 'Order status', body: 'Hi {{contact.first_name}}, order {{? order number }} is {{? where it is }}.', shortcut: 'status' }),
  canned('thanks', { title: 'Thanks for the review', body: 'Thank you, {{contact.first_name}}!' }),
  canned('private', { title: 'Continue privately', body: 'Hi {{contact.first_name}}, I have sent you a private message.', tags: ['handoff'] }),
];

function finding(text: string, word: string, fields: Partial<Finding> = {}): Finding {
  const start = text.indexOf(word);
  return { kind: 'spelling', rule: 'spelling', severity: 'warn', start, end: start + word.length, text: word, messageKey: 'check.spelling', params: { word }, suggestions: [], fix: null, ...fields };
}

/** Opens a conversation (the review from Anna, in English, by default: a public thread) with the reply box focused. */
async function open(index = 0, engine: FakeEngine = createFakeEngine({ conversations: 20 })) {
  engine.canned = [...LIBRARY];
  engine.conversations[0]!.lang = 'en';
  const app = await renderApp({ engine });
  for (let step = 0; step < index; step++) fireEvent.keyDown(app.list, { code: 'KeyJ', key: 'j' });
  fireEvent.keyDown(app.list, { code: 'Enter', key: 'Enter' });
  await screen.findByRole('log', { name: 'Messages' });
  const box = screen.getByRole('textbox', { name: 'Reply' }) as HTMLTextAreaElement;
  box.focus();
  return { ...app, engine, box };
}

/** Types into the box as a user would: the text lands and the caret sits at its end. */
function type(box: HTMLTextAreaElement, text: string) {
  fireEvent.change(box, { target: { value: text } });
  box.setSelectionRange(text.length, text.length);
}

async function checkedWith(engine: FakeEngine, box: HTMLTextAreaElement, text: string, findings: Finding[]) {
  engine.findings = findings;
  type(box, text);
  await waitFor(() => expect(engine.callsTo('checks.run').at(-1)).toMatchObject({ conversationId: 'c0', text }));
}

describe('the canned picker', () => {
  it('opens on ; at the start of a word, searches, previews for this customer and inserts with the first field selected', async () => {
    const { box, engine } = await open();
    type(box, 'Hello! ');
    fireEvent.keyDown(box, KEY.semicolon);
    const dialog = await screen.findByRole('dialog', { name: 'Canned replies' });
    const search = within(dialog).getByRole('combobox', { name: 'Find a canned reply' });
    expect(document.activeElement).toBe(search);

    fireEvent.change(search, { target: { value: 'status' } });
    await within(dialog).findByRole('option', { name: /Order status/ });
    expect(engine.callsTo('canned.list').at(-1)).toMatchObject({ query: 'status', lang: 'en' });
    await within(dialog).findByText(/Hi Anna, order/); // the preview is filled for this customer

    fireEvent.keyDown(search, KEY.enter);
    await waitFor(() => expect(box.value).toBe('Hello! Hi Anna, order {{? order number }} is {{? where it is }}.'));
    expect(screen.queryByRole('dialog', { name: 'Canned replies' })).toBeNull();
    expect(document.activeElement).toBe(box);
    expect(box.value.slice(box.selectionStart, box.selectionEnd)).toBe('{{? order number }}');
    expect(screen.getByText('2 fields to fill · Tab moves between them')).toBeTruthy();
  });

  it('types ; inside a word, and a ; typed first in the search is the character after all', async () => {
    const { box } = await open();
    type(box, 'a');
    expect(fireEvent.keyDown(box, KEY.semicolon)).toBe(true); // not prevented: the textarea types it
    expect(screen.queryByRole('dialog', { name: 'Canned replies' })).toBeNull();

    type(box, 'Smile ');
    fireEvent.keyDown(box, KEY.semicolon);
    const search = await screen.findByRole('combobox', { name: 'Find a canned reply' });
    fireEvent.keyDown(search, KEY.semicolon);
    await waitFor(() => expect(box.value).toBe('Smile ;'));
    expect(document.activeElement).toBe(box);
  });

  it('opens with Ctrl+/ over a selection it then replaces, and Esc goes back to the text unchanged', async () => {
    const { box } = await open();
    type(box, 'Dear Anna, XXX');
    box.setSelectionRange(11, 14);
    fireEvent.keyDown(box, KEY.picker);
    let search = await screen.findByRole('combobox', { name: 'Find a canned reply' });
    fireEvent.keyDown(search, KEY.escape);
    expect(screen.queryByRole('dialog', { name: 'Canned replies' })).toBeNull();
    expect(box.value).toBe('Dear Anna, XXX');
    expect(document.activeElement).toBe(box);

    box.setSelectionRange(11, 14);
    fireEvent.keyDown(box, KEY.picker);
    search = await screen.findByRole('combobox', { name: 'Find a canned reply' });
    fireEvent.change(search, { target: { value: 'review' } });
    await screen.findByRole('option', { name: /Thanks for the review/ });
    fireEvent.keyDown(search, KEY.enter);
    await waitFor(() => expect(box.value).toBe('Dear Anna, Thank you, Anna!'));
  });

  it('sends the canned origin with the reply, and forgets it after the send', async () => {
    const { box, engine } = await open();
    fireEvent.keyDown(box, KEY.picker);
    const search = await screen.findByRole('combobox', { name: 'Find a canned reply' });
    fireEvent.change(search, { target: { value: 'review' } });
    await screen.findByRole('option', { name: /Thanks for the review/ });
    fireEvent.keyDown(search, KEY.enter);
    await waitFor(() => expect(box.value).toBe('Thank you, Anna!'));
    fireEvent.keyDown(box, KEY.ctrlEnter);
    await waitFor(() => expect(engine.callsTo('reply.send')).toHaveLength(1));
    expect(engine.callsTo('reply.send')[0]).toMatchObject({ body: 'Thank you, Anna!', cannedId: 'thanks', lang: 'auto' });

    type(box, 'A reply of my own');
    fireEvent.keyDown(box, KEY.ctrlEnter);
    await waitFor(() => expect(engine.callsTo('reply.send')).toHaveLength(2));
    expect(engine.callsTo('reply.send')[1]).not.toHaveProperty('cannedId');
  });
});

describe('fill-in fields', () => {
  it('Tab and Shift+Tab walk the fields left, round the ends; with none left Tab moves focus as usual', async () => {
    const { box } = await open();
    const text = 'Order {{? order number }} arrives {{? date }}.';
    type(box, text);
    box.setSelectionRange(0, 0);
    fireEvent.keyDown(box, KEY.tab);
    expect(box.value.slice(box.selectionStart, box.selectionEnd)).toBe('{{? order number }}');
    fireEvent.keyDown(box, KEY.tab);
    expect(box.value.slice(box.selectionStart, box.selectionEnd)).toBe('{{? date }}');
    fireEvent.keyDown(box, KEY.tab);
    expect(box.value.slice(box.selectionStart, box.selectionEnd)).toBe('{{? order number }}');
    fireEvent.keyDown(box, KEY.shiftTab);
    expect(box.value.slice(box.selectionStart, box.selectionEnd)).toBe('{{? date }}');

    type(box, 'Order 1042 arrives Friday.');
    expect(fireEvent.keyDown(box, KEY.tab)).toBe(true); // not prevented
    expect(screen.queryByText(/fields? to fill/)).toBeNull();
  });
});

describe('findings while typing', () => {
  it('underlines what the checks found, lists it, and a suggestion picked with the keyboard replaces the word', async () => {
    const { box, engine } = await open();
    const text = 'See you tomorow at the shop';
    await checkedWith(engine, box, text, [finding(text, 'tomorow', { suggestions: ['tomorrow', 'tomorrows'] })]);
    const mark = await waitFor(() => {
      const found = document.querySelector('mark.composer-mark');
      expect(found?.textContent).toBe('tomorow');
      return found!;
    });
    expect(mark.closest('[aria-hidden="true"]')).not.toBeNull(); // the copy behind the box is not read out twice
    expect(screen.getByText('1 thing to look at')).toBeTruthy();
    expect(screen.getByText('Possible misspelling: “tomorow”')).toBeTruthy();

    box.setSelectionRange(0, 0); // the fix key takes the next marked text after the caret
    fireEvent.keyDown(box, KEY.fix);
    const menu = await screen.findByRole('listbox', { name: 'Fixes for “tomorow”' });
    expect(document.activeElement).toBe(menu);
    expect(within(menu).getAllByRole('option').map((o) => o.textContent)).toEqual(['tomorrow', 'tomorrows', 'Add “tomorow” to the dictionary']);
    fireEvent.keyDown(menu, KEY.enter);
    await waitFor(() => expect(box.value).toBe('See you tomorrow at the shop'));
    expect(document.activeElement).toBe(box);
    expect(box.selectionStart).toBe('See you tomorrow'.length);
    expect(screen.queryByRole('listbox', { name: /Fixes for/ })).toBeNull();
  });

  it('moves on to the next marked text when the fix key is pressed again in the menu', async () => {
    const { box, engine } = await open();
    const text = 'Teh parcel is late tomorow';
    await checkedWith(engine, box, text, [finding(text, 'Teh', { suggestions: ['The'] }), finding(text, 'tomorow', { suggestions: ['tomorrow'] })]);
    await waitFor(() => expect(document.querySelectorAll('mark.composer-mark')).toHaveLength(2));
    fireEvent.keyDown(box, KEY.fix); // the caret is at the end of the last one
    let menu = await screen.findByRole('listbox', { name: 'Fixes for “tomorow”' });
    fireEvent.keyDown(menu, KEY.fix); // on, round to the first
    menu = await screen.findByRole('listbox', { name: 'Fixes for “Teh”' });
    expect(document.activeElement).toBe(menu);
    fireEvent.keyDown(menu, KEY.enter);
    await waitFor(() => expect(box.value).toBe('The parcel is late tomorow'));
  });

  it('adds a word to the dictionary from the menu and checks again at once', async () => {
    const { box, engine } = await open();
    const text = 'Our Northwindly range';
    await checkedWith(engine, box, text, [finding(text, 'Northwindly')]);
    await waitFor(() => expect(document.querySelector('mark.composer-mark')).not.toBeNull());
    const checks = engine.callsTo('checks.run').length;
    engine.findings = [];
    fireEvent.keyDown(box, KEY.fix);
    const menu = await screen.findByRole('listbox', { name: 'Fixes for “Northwindly”' });
    fireEvent.keyDown(menu, KEY.enter);
    await waitFor(() => expect(engine.callsTo('dictionary.add')).toEqual([{ word: 'Northwindly' }]));
    await waitFor(() => expect(engine.callsTo('checks.run').length).toBe(checks + 1));
    await waitFor(() => expect(document.querySelector('mark.composer-mark')).toBeNull());
    expect(box.value).toBe(text);
  });

  it('does not underline a finding whose text has changed since the check', async () => {
    const { box, engine } = await open();
    const text = 'See you tomorow';
    await checkedWith(engine, box, text, [finding(text, 'tomorow')]);
    await waitFor(() => expect(document.querySelector('mark.composer-mark')).not.toBeNull());
    engine.hold('checks.run');
    fireEvent.change(box, { target: { value: 'See you tomorrow' } });
    expect(document.querySelector('mark.composer-mark')).toBeNull();
  });

  it('says so when nothing can be fixed automatically, and Esc goes back to the text', async () => {
    const { box, engine } = await open();
    const text = 'Obviously it works';
    await checkedWith(engine, box, text, [finding(text, 'Obviously', { kind: 'tone', rule: 'tone.minimizing', messageKey: 'check.tone.minimizing' })]);
    await waitFor(() => expect(document.querySelector('mark.composer-mark')).not.toBeNull());
    fireEvent.keyDown(box, KEY.fix);
    const menu = await screen.findByRole('listbox', { name: 'Fixes for “Obviously”' });
    expect(screen.getByText('No automatic fix: change the text yourself.')).toBeTruthy();
    fireEvent.keyDown(menu, KEY.escape);
    expect(screen.queryByRole('listbox', { name: /Fixes for/ })).toBeNull();
    expect(document.activeElement).toBe(box);
  });
});

describe('replying privately', () => {
  const PHONE_TEXT = 'Call us on +48 601 234 567 please';
  const phone = () => finding(PHONE_TEXT, '+48 601 234 567', { kind: 'personal_data', rule: 'personal.phone', severity: 'block', messageKey: 'check.personal.phone', fix: 'reply_privately' });

  it('switches a blocked public reply to a private one from the fix menu, checks it as private and sends it privately', async () => {
    const { box, engine } = await open();
    await checkedWith(engine, box, PHONE_TEXT, [phone()]);
    await waitFor(() => expect(document.querySelector('mark.composer-mark[data-kind="personal_data"]')).not.toBeNull());
    expect(screen.getByText('Public reply')).toBeTruthy();

    engine.findings = [];
    fireEvent.keyDown(box, KEY.fix);
    const menu = await screen.findByRole('listbox', { name: 'Fixes for “+48 601 234 567”' });
    expect(within(menu).getAllByRole('option').map((o) => o.textContent)).toEqual(['Reply privately instead']);
    fireEvent.keyDown(menu, KEY.enter);
    expect(await screen.findByText('Private reply')).toBeTruthy();
    await waitFor(() => expect(engine.callsTo('checks.run').at(-1)).toMatchObject({ text: PHONE_TEXT, visibility: 'private' }));

    fireEvent.keyDown(box, KEY.ctrlEnter);
    await waitFor(() => expect(engine.callsTo('reply.send')).toHaveLength(1));
    expect(engine.callsTo('reply.send')[0]).toMatchObject({ body: PHONE_TEXT, visibility: 'private' });
  });

  it('switches with one key, back and forth; a DM has no public side to switch to', async () => {
    const { box, engine } = await open();
    fireEvent.keyDown(box, KEY.private);
    expect(await screen.findByText('Private reply')).toBeTruthy();
    fireEvent.keyDown(box, KEY.private);
    expect(await screen.findByText('Public reply')).toBeTruthy();

    cleanup();
    const dm = await open(1, engine);
    expect(screen.getByText('Private reply')).toBeTruthy();
    fireEvent.keyDown(dm.box, KEY.private);
    expect(screen.getByText('Private reply')).toBeTruthy();
    expect(screen.queryByText('Public reply')).toBeNull();
  });

  it('offers the library’s handoff line for the public thread after a private reply, and Ctrl+Shift+H puts it in as a public reply', async () => {
    const { box, engine } = await open();
    fireEvent.keyDown(box, KEY.private);
    type(box, PHONE_TEXT);
    fireEvent.keyDown(box, KEY.ctrlEnter);
    await waitFor(() => expect(engine.callsTo('reply.send')).toHaveLength(1));
    const offer = await screen.findByRole('region', { name: 'Let the customer know in public that you answered privately?' });
    expect(within(offer).getByText('Hi Anna, I have sent you a private message.')).toBeTruthy();
    expect(engine.callsTo('canned.list').at(-1)).toMatchObject({ tag: 'handoff', limit: 1 });
    expect(screen.getByText('Public reply')).toBeTruthy();

    fireEvent.keyDown(box, KEY.handoff);
    await waitFor(() => expect(box.value).toBe('Hi Anna, I have sent you a private message.'));
    expect(screen.queryByRole('region', { name: /answered privately/ })).toBeNull();
    fireEvent.keyDown(box, KEY.ctrlEnter);
    await waitFor(() => expect(engine.callsTo('reply.send')).toHaveLength(2));
    expect(engine.callsTo('reply.send')[1]).toMatchObject({ cannedId: 'private' });
    expect(engine.callsTo('reply.send')[1]).not.toHaveProperty('visibility', 'private');
  });

  it('undoing a private reply brings it back as a private reply and drops the offer', async () => {
    const { box, engine } = await open();
    fireEvent.keyDown(box, KEY.private);
    type(box, PHONE_TEXT);
    fireEvent.keyDown(box, KEY.ctrlEnter);
    await screen.findByRole('region', { name: /answered privately/ });
    fireEvent.keyDown(box, KEY.ctrlZ);
    await waitFor(() => expect(box.value).toBe(PHONE_TEXT));
    expect(screen.getByText('Private reply')).toBeTruthy();
    expect(screen.queryByRole('region', { name: /answered privately/ })).toBeNull();
    fireEvent.keyDown(box, KEY.ctrlEnter);
    await waitFor(() => expect(engine.callsTo('reply.send')).toHaveLength(2));
    expect(engine.callsTo('reply.send')[1]).toMatchObject({ visibility: 'private' });
  });
});

describe('the checking language', () => {
  it('shows the detected language and pins another with one key, checking again at once', async () => {
    const { box, engine } = await open();
    await checkedWith(engine, box, 'Hello there', []);
    expect(await screen.findByText('Checked as English (detected)')).toBeTruthy();
    fireEvent.keyDown(box, KEY.language);
    await waitFor(() => expect(engine.callsTo('checks.run').at(-1)).toMatchObject({ text: 'Hello there', lang: 'en' }));
    fireEvent.keyDown(box, KEY.language);
    await waitFor(() => expect(engine.callsTo('checks.run').at(-1)).toMatchObject({ lang: 'ru' }));
    expect(await screen.findByText('Checked as Русский')).toBeTruthy();
    fireEvent.keyDown(box, KEY.ctrlEnter);
    await waitFor(() => expect(engine.callsTo('reply.send').at(-1)).toMatchObject({ lang: 'ru' }));
  });
});

describe('composer actions from the command palette', () => {
  it('opens the canned picker for the open reply box', async () => {
    const { box } = await open();
    fireEvent.keyDown(box, { code: 'KeyK', key: 'k', ctrlKey: true });
    const palette = await screen.findByRole('combobox', { name: /command/i });
    fireEvent.change(palette, { target: { value: 'Insert a canned reply' } });
    await act(async () => {
      fireEvent.keyDown(palette, KEY.enter);
    });
    expect(await screen.findByRole('dialog', { name: 'Canned replies' })).toBeTruthy();
  });
});
