import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KNOWN_VARIABLES } from '../../shared/canned/placeholders';
import type { CannedReply } from '../../shared/domain';
import { RpcError } from '../../shared/rpc';
import { hideOverlay } from '../../renderer/overlays/overlayStore';
import { createFakeEngine, XSS_BODY, type FakeEngine } from './fakeEngine';
import { renderApp } from './harness';

afterEach(() => {
  act(hideOverlay);
  cleanup();
  vi.restoreAllMocks();
});

const key = (element: Element, code: string, key: string, modifiers: Partial<KeyboardEventInit> = {}) => fireEvent.keyDown(element, { code, key, ...modifiers });
const alt = (element: Element, code: string) => key(element, code, '', { altKey: true });
const CTRL_ENTER = { ctrlKey: true };
/** A right-to-left override: "fdp.exe" shows as "exe.pdf", and would turn the text after it round too if not isolated. */
const RLO_TAG = 'invoice\u202Efdp.exe';
const focused = () => document.activeElement as HTMLElement;
/** Enter or Space on the focused button: jsdom does not turn either into a click. */
const press = (button: Element = focused()) => fireEvent.click(button);

const reply = (id: string, fields: Partial<CannedReply>): CannedReply => ({
  id,
  title: id,
  body: `Body of ${id}`,
  lang: null,
  tags: [],
  shortcut: null,
  createdAt: 1,
  updatedAt: 1,
  ...fields,
});

function libraryEngine(): FakeEngine {
  const engine = createFakeEngine({ conversations: 5 });
  engine.canned = [
    reply('r1', { title: 'Refund apology', body: 'Sorry, {{contact.first_name}}: your refund is on its way.', lang: 'en', tags: ['billing', 'refund'], shortcut: 'refund' }),
    reply('r2', { title: 'Shipping delay', body: 'Your parcel is late, {{? reason }}.' }),
    reply('r3', { title: 'Przeprosiny', body: 'Przepraszamy!', lang: 'pl', shortcut: 'sorry-pl' }),
  ];
  return engine;
}

/** Opens the library with its key, g then r, and waits for the replies. */
async function openLibrary(engine = libraryEngine()) {
  const app = await renderApp({ engine });
  key(app.list, 'KeyG', 'g');
  key(app.list, 'KeyR', 'r');
  const dialog = screen.getByRole('dialog', { name: 'Canned replies' });
  const search = within(dialog).getByRole('combobox', { name: 'Find a canned reply' });
  const listbox = within(dialog).getByRole('listbox', { name: 'Canned replies found' });
  if (engine.canned.length > 0) await within(listbox).findByRole('option', { name: (name) => name.startsWith(`${engine.canned[0]!.title},`) });
  return { ...app, dialog, search, listbox };
}

const rows = (listbox: HTMLElement) => within(listbox).queryAllByRole('option').map((option) => option.getAttribute('aria-label'));
const highlighted = (search: HTMLElement) => document.getElementById(search.getAttribute('aria-activedescendant') ?? '')?.getAttribute('aria-label');
const field = (dialog: HTMLElement, label: string) => within(dialog).getByLabelText(label) as HTMLInputElement;
/** The text a field is described by: its refusal, when the engine refused it. */
const errorOf = (input: HTMLElement) => document.getElementById(input.getAttribute('aria-describedby') ?? '')?.textContent;
const type = (input: HTMLElement, value: string) => fireEvent.change(input, { target: { value } });

describe('the canned library: list', () => {
  it('opens from g r with focus in the search, listing title, language, shortcut and tags', async () => {
    const { dialog, search, listbox } = await openLibrary();
    expect(focused()).toBe(search);
    // No longer than canned.list takes: a longer search would be refused rather than answered.
    expect((search as HTMLInputElement).maxLength).toBe(200);
    expect(rows(listbox)).toEqual([
      'Refund apology, English, shortcut ;refund, tags: billing, refund',
      'Shipping delay, any language',
      'Przeprosiny, Polski, shortcut ;sorry-pl',
    ]);
    expect(within(listbox).getAllByRole('option')[0]!.textContent).toBe('Refund apologyEnglish;refundbilling, refund');
    expect(highlighted(search)).toMatch(/^Refund apology,/);
    key(search, 'ArrowDown', 'ArrowDown');
    key(search, 'ArrowDown', 'ArrowDown');
    key(search, 'ArrowDown', 'ArrowDown');
    expect(highlighted(search)).toMatch(/^Przeprosiny,/);
    key(search, 'ArrowUp', 'ArrowUp');
    expect(highlighted(search)).toMatch(/^Shipping delay,/);
    expect(within(dialog).getByText(/Enter edits · Alt\+N new/)).toBeTruthy();
  });

  it('opens from the command palette by name', async () => {
    const { list } = await renderApp({ engine: libraryEngine() });
    key(list, 'KeyK', 'k', { ctrlKey: true });
    const palette = screen.getByRole('dialog', { name: 'Command palette' });
    const input = within(palette).getByRole('combobox', { name: 'Command' });
    type(input, 'canned replies');
    expect(within(palette).getAllByRole('option')[0]!.textContent).toBe('Canned repliesG R');
    key(input, 'Enter', 'Enter');
    expect(screen.getByRole('dialog', { name: 'Canned replies' })).toBeTruthy();
    expect(screen.queryByRole('dialog', { name: 'Command palette' })).toBeNull();
  });

  it('asks the engine as the agent types, and says when nothing matches', async () => {
    const { engine, dialog, search, listbox, list } = await openLibrary();
    type(search, 'ship');
    await waitFor(() => expect(rows(listbox)).toEqual(['Shipping delay, any language']));
    expect(engine.callsTo('canned.list').at(-1)).toEqual({ query: 'ship', limit: 201 });
    type(search, 'zzz');
    await within(dialog).findByText('No canned reply matches “zzz”.');
    expect(rows(listbox)).toEqual([]);

    // Closed and opened again, the library starts from the whole list.
    key(search, 'Escape', 'Escape');
    expect(screen.queryByRole('dialog', { name: 'Canned replies' })).toBeNull();
    expect(focused()).toBe(list);
    key(focused(), 'KeyG', 'g');
    key(focused(), 'KeyR', 'r');
    const again = screen.getByRole('combobox', { name: 'Find a canned reply' }) as HTMLInputElement;
    expect(again.value).toBe('');
    await waitFor(() => expect(rows(screen.getByRole('listbox', { name: 'Canned replies found' }))).toHaveLength(3));
  });

  it('follows canned.changed: a reply another window added shows up, the highlight stays on its reply', async () => {
    const { engine, search, listbox } = await openLibrary();
    key(search, 'ArrowDown', 'ArrowDown');
    expect(highlighted(search)).toMatch(/^Shipping delay,/);
    engine.canned.unshift(reply('r0', { title: 'Greeting' }));
    act(() => engine.emit('canned.changed', {}));
    await waitFor(() => expect(rows(listbox)[0]).toBe('Greeting, any language'));
    expect(highlighted(search)).toMatch(/^Shipping delay,/);
  });

  it('shows hostile titles and tags as text, isolated from the text around them', async () => {
    const engine = libraryEngine();
    engine.canned = [reply('x1', { title: XSS_BODY, tags: [RLO_TAG] })];
    const { listbox } = await openLibrary(engine);
    const option = within(listbox).getByRole('option');
    expect(option.querySelector('img')).toBeNull();
    expect(option.querySelector('.canned-row-title')!.textContent).toBe(XSS_BODY);
    expect(option.querySelector('.canned-row-tags')!.getAttribute('dir')).toBe('auto');
    expect(option.getAttribute('aria-label')).toBe(`${XSS_BODY}, any language, tags: ${RLO_TAG}`);
  });

  it('shows the best 200 of a bigger library, and says so', async () => {
    const engine = libraryEngine();
    engine.canned = Array.from({ length: 201 }, (_, index) => reply(`bulk${index}`, { title: `Reply ${index}` }));
    const { dialog, listbox } = await openLibrary(engine);
    expect(rows(listbox)).toHaveLength(200);
    expect(within(dialog).getByText('Showing the best 200: type to narrow the list.')).toBeTruthy();
  });

  it('shows why the list could not be read', async () => {
    const engine = libraryEngine();
    engine.fail('canned.list', new RpcError('unavailable', 'gone'));
    const { dialog } = await openLibrary(Object.assign(engine, { canned: [] }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe('Could not read the canned replies: no connection to the engine');
  });
});

describe('the canned library: writing and editing', () => {
  it('creates a reply with Alt+N, showing the variables beside the body, and comes back to it in the list', async () => {
    const { engine, dialog, search } = await openLibrary();
    alt(search, 'KeyN');
    expect(within(dialog).getByRole('heading', { name: 'New canned reply' })).toBeTruthy();
    const title = field(dialog, 'Title');
    expect(focused()).toBe(title);
    const help = within(dialog).getByRole('complementary', { name: 'Filled in for each customer' });
    for (const variable of KNOWN_VARIABLES) expect(within(help).getByText(`{{${variable}}}`).closest('div')!.querySelector('dd')?.textContent).toBeTruthy();
    expect(within(help).getByText('{{? order number }}')).toBeTruthy();

    type(title, 'Order status');
    type(field(dialog, 'Text'), 'Hi {{contact.first_name}}, your order {{? order number }} ships today.');
    fireEvent.change(field(dialog, 'Language'), { target: { value: 'pl' } });
    type(field(dialog, 'Tags'), ' orders, , shipping ');
    type(field(dialog, 'Shortcut'), ';status');
    key(field(dialog, 'Shortcut'), 'Enter', 'Enter', CTRL_ENTER);

    await within(dialog).findByRole('heading', { name: 'Canned replies' });
    expect(engine.callsTo('canned.save')).toEqual([
      { title: 'Order status', body: 'Hi {{contact.first_name}}, your order {{? order number }} ships today.', lang: 'pl', tags: ['orders', 'shipping'], shortcut: 'status' },
    ]);
    expect(within(dialog).getByRole('status').textContent).toBe('Saved “Order status”.');
    const search2 = within(dialog).getByRole('combobox', { name: 'Find a canned reply' });
    expect(focused()).toBe(search2);
    await waitFor(() => expect(highlighted(search2)).toBe('Order status, Polski, shortcut ;status, tags: orders, shipping'));
  });

  it('edits the highlighted reply with Enter and saves it under its id', async () => {
    const { engine, dialog, search } = await openLibrary();
    key(search, 'ArrowDown', 'ArrowDown');
    key(search, 'Enter', 'Enter');
    expect(within(dialog).getByRole('heading', { name: 'Edit “Shipping delay”' })).toBeTruthy();
    expect(field(dialog, 'Title').value).toBe('Shipping delay');
    expect(field(dialog, 'Text').value).toBe('Your parcel is late, {{? reason }}.');
    expect(field(dialog, 'Language').value).toBe('');
    const body = field(dialog, 'Text');
    type(body, 'Your parcel is two days late, {{? reason }}.');
    key(body, 'Enter', 'Enter', CTRL_ENTER);
    await waitFor(() => expect(engine.canned.find((r) => r.id === 'r2')?.body).toBe('Your parcel is two days late, {{? reason }}.'));
    expect(engine.callsTo('canned.save')).toEqual([{ id: 'r2', title: 'Shipping delay', body: 'Your parcel is two days late, {{? reason }}.', lang: null, tags: [], shortcut: null }]);
    const back = await within(dialog).findByRole('combobox', { name: 'Find a canned reply' });
    await waitFor(() => expect(highlighted(back)).toMatch(/^Shipping delay,/));
  });

  it('shows a taken shortcut and an empty title next to their fields, with focus on the first, and saves nothing', async () => {
    const { engine, dialog, search } = await openLibrary();
    key(search, 'ArrowDown', 'ArrowDown');
    key(search, 'Enter', 'Enter');
    const shortcut = field(dialog, 'Shortcut');
    type(shortcut, 'Refund');
    key(shortcut, 'Enter', 'Enter', CTRL_ENTER);
    await waitFor(() => expect(errorOf(shortcut)).toBe('The shortcut "refund" is already used by "Refund apology"'));
    expect(shortcut.getAttribute('aria-invalid')).toBe('true');
    expect(focused()).toBe(shortcut);
    expect(engine.canned.find((r) => r.id === 'r2')?.shortcut).toBeNull();

    const title = field(dialog, 'Title');
    type(title, '   ');
    type(shortcut, 'late');
    expect(errorOf(shortcut)).toBeUndefined(); // changed since: the old refusal goes
    key(shortcut, 'Enter', 'Enter', CTRL_ENTER);
    await waitFor(() => expect(errorOf(title)).toBe('the title is empty'));
    expect(focused()).toBe(title);
    expect(engine.canned.find((r) => r.id === 'r2')?.title).toBe('Shipping delay');
  });

  it('says why a save failed when it is no field’s fault', async () => {
    const { engine, dialog, search } = await openLibrary();
    key(search, 'Enter', 'Enter');
    engine.fail('canned.save', new RpcError('not_found', 'No such canned reply'));
    key(field(dialog, 'Title'), 'Enter', 'Enter', CTRL_ENTER);
    expect((await within(dialog).findByRole('alert')).textContent).toBe('Not saved: No such canned reply');
    expect(within(dialog).getByRole('heading', { name: 'Edit “Refund apology”' })).toBeTruthy();
  });

  it('asks before Esc throws changed text away; Esc again keeps editing, with the text and the focus where they were', async () => {
    const { engine, dialog, search } = await openLibrary();
    key(search, 'Enter', 'Enter');
    const body = field(dialog, 'Text');
    body.focus();
    type(body, 'A better apology');
    key(body, 'Escape', 'Escape');
    const question = within(dialog).getByRole('alertdialog', { name: /^Throw away your changes/ });
    expect(focused()).toBe(within(question).getByRole('button', { name: 'Throw away' }));
    key(focused(), 'Escape', 'Escape');
    expect(within(dialog).queryByRole('alertdialog')).toBeNull();
    expect(screen.getByRole('dialog', { name: 'Canned replies' })).toBe(dialog);
    expect(focused()).toBe(body);
    expect(body.value).toBe('A better apology');

    // Closing the library altogether asks too.
    fireEvent.mouseDown(dialog.parentElement!);
    press(within(dialog).getByRole('button', { name: 'Throw away' }));
    expect(screen.queryByRole('dialog', { name: 'Canned replies' })).toBeNull();
    expect(engine.callsTo('canned.save')).toEqual([]);
  });

  it('goes back to the list at once when nothing was changed, and after throwing changes away', async () => {
    const { dialog, search } = await openLibrary();
    key(search, 'ArrowDown', 'ArrowDown');
    key(search, 'Enter', 'Enter');
    key(field(dialog, 'Title'), 'Escape', 'Escape');
    let back = within(dialog).getByRole('combobox', { name: 'Find a canned reply' });
    expect(focused()).toBe(back);
    expect(highlighted(back)).toMatch(/^Shipping delay,/);

    key(back, 'Enter', 'Enter');
    type(field(dialog, 'Title'), 'Changed');
    key(field(dialog, 'Title'), 'Escape', 'Escape');
    press();
    back = within(dialog).getByRole('combobox', { name: 'Find a canned reply' });
    expect(highlighted(back)).toMatch(/^Shipping delay,/);

    // Deleted from there, the reply after it takes its row.
    alt(back, 'Delete');
    press();
    await waitFor(() => expect(highlighted(back)).toMatch(/^Przeprosiny,/));
  });
});

describe('the canned library: duplicate and delete', () => {
  it('duplicates with Alt+D into the form, the copy without the shortcut', async () => {
    const { engine, dialog, search } = await openLibrary();
    alt(search, 'KeyD');
    await within(dialog).findByRole('heading', { name: 'Edit “Refund apology (copy)”' });
    expect(within(dialog).getByRole('status').textContent).toBe('Copied as “Refund apology (copy)”: change what differs and save.');
    expect(field(dialog, 'Shortcut').value).toBe('');
    expect(field(dialog, 'Tags').value).toBe('billing, refund');
    expect(engine.canned.map((r) => r.title)).toEqual(['Refund apology', 'Shipping delay', 'Przeprosiny', 'Refund apology (copy)']);
  });

  it('deletes with Alt+Delete after a question answered by key; Esc keeps the reply; focus comes back to the search', async () => {
    const { engine, dialog, search, listbox } = await openLibrary();
    key(search, 'ArrowDown', 'ArrowDown');
    alt(search, 'Delete');
    let question = within(dialog).getByRole('alertdialog', { name: /^Delete “Shipping delay”\?/ });
    expect(focused()).toBe(within(question).getByRole('button', { name: 'Delete' }));
    key(focused(), 'Escape', 'Escape');
    expect(within(dialog).queryByRole('alertdialog')).toBeNull();
    expect(focused()).toBe(search);
    expect(engine.callsTo('canned.delete')).toEqual([]);

    alt(search, 'Backspace');
    question = within(dialog).getByRole('alertdialog', { name: /^Delete “Shipping delay”\?/ });
    expect(focused()).toBe(within(question).getByRole('button', { name: 'Delete' }));
    press();
    expect(focused()).toBe(search);
    await waitFor(() => expect(rows(listbox)).toEqual(['Refund apology, English, shortcut ;refund, tags: billing, refund', 'Przeprosiny, Polski, shortcut ;sorry-pl']));
    expect(engine.canned.map((r) => r.id)).toEqual(['r1', 'r3']);
    // The next reply takes the deleted one's place under the highlight.
    expect(highlighted(search)).toMatch(/^Przeprosiny,/);
    expect(within(dialog).getByRole('status').textContent).toBe('Deleted “Shipping delay”.');
  });

  it('says when a delete did not work, and keeps the reply', async () => {
    const { engine, dialog, search, listbox } = await openLibrary();
    engine.fail('canned.delete', new RpcError('unavailable', 'gone'));
    alt(search, 'Delete');
    press();
    expect((await within(dialog).findByRole('alert')).textContent).toBe('Delete did not work: no connection to the engine');
    expect(rows(listbox)).toHaveLength(3);
  });
});

describe('the canned library: import and export', () => {
  let blobs: Blob[];
  let downloads: { name: string; href: string }[];
  const saveLink = (event: MouseEvent) => {
    if (!(event.target instanceof HTMLAnchorElement)) return;
    // jsdom cannot navigate to a download; the browser would save the file.
    event.preventDefault();
    downloads.push({ name: event.target.download, href: event.target.getAttribute('href')! });
  };
  beforeEach(() => {
    blobs = [];
    downloads = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return `blob:switchboard/${blobs.length}`;
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    document.addEventListener('click', saveLink);
  });
  afterEach(() => document.removeEventListener('click', saveLink));

  const read = (blob: Blob) =>
    new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.readAsText(blob);
    });

  async function openImport() {
    const opened = await openLibrary();
    alt(opened.search, 'KeyI');
    const fileInput = within(opened.dialog).getByLabelText('Choose a .json or .csv file') as HTMLInputElement;
    expect(focused()).toBe(fileInput);
    return { ...opened, fileInput };
  }

  const choose = (input: HTMLInputElement, name: string, content: string) => fireEvent.change(input, { target: { files: [new File([content], name)] } });

  it('refuses a file with a bad record, naming its line, and imports nothing', async () => {
    const { engine, dialog, fileInput } = await openImport();
    choose(fileInput, 'replies.csv', 'title,body,lang,tags,shortcut\r\nHello,Hi there,en,,hi\r\n,No title here,,,\r\nBye,See you,,,\r\n');
    expect((await within(dialog).findByRole('alert')).textContent).toBe('Nothing was imported. Line 3: title: the title is empty');
    expect(engine.canned).toHaveLength(3);
    expect(within(dialog).getByRole('status').textContent).toBe('');
  });

  it('refuses a shortcut the library has, at its line, whatever the format', async () => {
    const { engine, dialog, fileInput } = await openImport();
    choose(fileInput, 'replies.json', '[\n  { "title": "New one", "body": "x" },\n  { "title": "Clash", "body": "y", "shortcut": "refund" }\n]\n');
    expect((await within(dialog).findByRole('alert')).textContent).toBe('Nothing was imported. Line 3: the shortcut "refund" is already used');
    expect(engine.canned).toHaveLength(3);
  });

  it('imports a good file and says how many; back in the list they are there', async () => {
    const { engine, dialog, fileInput } = await openImport();
    choose(fileInput, 'Replies.CSV', '\uFEFFtitle,body,lang,tags,shortcut\r\n"Thanks, really","Thank you, {{contact.first_name}}!",en,thanks;vip,thx\r\nBye,See you,,,\r\n');
    await waitFor(() => expect(within(dialog).getByRole('status').textContent).toBe('Imported 2 replies.'));
    expect(engine.canned.map((r) => [r.title, r.body, r.lang, r.tags, r.shortcut])).toContainEqual(['Thanks, really', 'Thank you, {{contact.first_name}}!', 'en', ['thanks', 'vip'], 'thx']);
    expect(engine.canned).toHaveLength(5);

    key(focused(), 'Escape', 'Escape');
    const listbox = within(dialog).getByRole('listbox', { name: 'Canned replies found' });
    await waitFor(() => expect(rows(listbox)).toHaveLength(5));
    expect(screen.getByRole('dialog', { name: 'Canned replies' })).toBe(dialog);
  });

  it('imports pasted text in the chosen format, and says when it was all there already', async () => {
    const { engine, dialog } = await openImport();
    const pasted = within(dialog).getByLabelText('Or paste the file’s text');
    type(pasted, 'title,body,lang,tags,shortcut\nHello,Hi there,,,\n');
    fireEvent.change(within(dialog).getByLabelText('Pasted text is'), { target: { value: 'csv' } });
    press(within(dialog).getByRole('button', { name: 'Import the pasted text' }));
    await waitFor(() => expect(within(dialog).getByRole('status').textContent).toBe('Imported 1 reply.'));
    expect(engine.callsTo('canned.import')).toEqual([{ format: 'csv', content: 'title,body,lang,tags,shortcut\nHello,Hi there,,,\n' }]);

    press(within(dialog).getByRole('button', { name: 'Import the pasted text' }));
    await waitFor(() => expect(within(dialog).getByRole('status').textContent).toBe('Nothing new: every reply in the file is already in the library.'));
    expect(engine.canned).toHaveLength(4);
  });

  it('refuses a file that is neither .json nor .csv, or too big, without asking the engine', async () => {
    const { engine, dialog, fileInput } = await openImport();
    choose(fileInput, 'replies.xlsx', 'PK\u0003\u0004');
    expect((await within(dialog).findByRole('alert')).textContent).toBe('“replies.xlsx” is not a .json or .csv file.');
    expect(engine.callsTo('canned.import')).toEqual([]);

    // Nor text longer than the engine takes, which would not fit in one message to it.
    type(within(dialog).getByLabelText('Or paste the file’s text'), `[${' '.repeat(1_500_000)}]`);
    press(within(dialog).getByRole('button', { name: 'Import the pasted text' }));
    expect(within(dialog).getByRole('alert').textContent).toBe('Nothing was imported: a library file may be at most 1.5 MB.');
    expect(engine.callsTo('canned.import')).toEqual([]);
  });

  it('exports JSON and CSV as downloaded files named after the library', async () => {
    const { engine, dialog } = await openLibrary();
    press(within(dialog).getByRole('button', { name: 'Export JSON' }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(downloads[0]).toEqual({ name: 'switchboard-canned-replies.json', href: 'blob:switchboard/1' });
    const json = JSON.parse(await read(blobs[0]!)) as { title: string; shortcut: string | null }[];
    expect(json.map((r) => [r.title, r.shortcut])).toEqual([
      ['Refund apology', 'refund'],
      ['Shipping delay', null],
      ['Przeprosiny', 'sorry-pl'],
    ]);
    expect(within(dialog).getByRole('status').textContent).toBe('Saved the library as switchboard-canned-replies.json.');

    press(within(dialog).getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(downloads).toHaveLength(2));
    expect(downloads[1]!.name).toBe('switchboard-canned-replies.csv');
    expect(blobs[1]!.type).toBe('text/csv;charset=utf-8');
    const csv = await read(blobs[1]!);
    expect(csv.split('\r\n').slice(0, 2)).toEqual(['title,body,lang,tags,shortcut', 'Refund apology,"Sorry, {{contact.first_name}}: your refund is on its way.",en,billing;refund,refund']);
    expect(engine.callsTo('canned.export')).toEqual([{ format: 'json' }, { format: 'csv' }]);
    expect(document.querySelector('a[download]')).toBeNull();
  });
});
