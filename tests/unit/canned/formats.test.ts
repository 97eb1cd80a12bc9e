import { describe, expect, it } from 'vitest';
import type { CannedReplyFields } from '../../../shared/domain';
import { RpcError } from '../../../shared/rpc';
import { cannedWorkspace, type CannedWorkspace } from './workspace';

/** Replies that exercise every escape of both formats. */
const TRICKY: CannedReplyFields[] = [
  { title: 'Commas, "quotes" and; semicolons', body: 'He said "hi", then left; ok?', lang: 'en', tags: ['a b', 'c'], shortcut: 'quotes' },
  { title: 'Lines', body: 'First line\r\nsecond line\nthird line\n\nafter a blank one', lang: null, tags: [], shortcut: null },
  { title: 'Юникод 🙏🏽', body: 'Привет, {{contact.first_name}}! Zażółć gęślą jaźń 👍', lang: 'ru', tags: ['эмодзи'], shortcut: 'юникод' },
  { title: 'Spaces kept', body: '  indented, and trailing  ', lang: 'pl', tags: ['x'], shortcut: 'sp.ace_-1' },
];

async function refusal(w: CannedWorkspace, format: 'json' | 'csv', content: string): Promise<{ line: number; reason: string; message: string }> {
  const before = (await w.client.call('canned.export', { format: 'json' })).content;
  const error = await w.client.call('canned.import', { format, content }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(RpcError);
  const { code, message, issues } = error as RpcError;
  expect(code).toBe('invalid_input');
  // Nothing half-imported.
  expect((await w.client.call('canned.export', { format: 'json' })).content).toBe(before);
  const [issue] = issues ?? [];
  const line = Number(/^line (\d+)$/.exec(issue?.path ?? '')?.[1]);
  expect(message).toBe(`Line ${line}: ${issue?.message}`);
  return { line, reason: issue!.message, message };
}

const HEADER = 'title,body,lang,tags,shortcut';

describe.each(['json', 'csv'] as const)('%s round trip', (format) => {
  it('exports, imports into a fresh workspace, and exports the same file again', async () => {
    const a = cannedWorkspace();
    for (const reply of TRICKY) await a.client.call('canned.save', reply);
    const exported = (await a.client.call('canned.export', { format })).content;

    const b = cannedWorkspace();
    await b.emptyLibrary();
    expect(await b.client.call('canned.import', { format, content: exported })).toEqual({ imported: (await a.client.call('canned.list', { limit: 500 })).replies.length });
    expect((await b.client.call('canned.export', { format })).content).toBe(exported);
    // The same file again changes nothing: identical replies are not doubled.
    expect(await b.client.call('canned.import', { format, content: exported })).toEqual({ imported: 0 });
    // A workspace that still has the default library takes only what is new.
    const c = cannedWorkspace();
    expect(await c.client.call('canned.import', { format, content: exported })).toEqual({ imported: TRICKY.length });
  });
});

describe('CSV import', () => {
  it('reads a BOM, CRLF or LF line ends, blank lines, and optional columns left empty', async () => {
    const w = cannedWorkspace();
    await w.emptyLibrary();
    const content = `\uFEFF${HEADER}\r\nHello,"Hi there,\r\nfriend",en,greeting;  welcome ,hi\n\nBye,See you,,,\r\n`;
    expect(await w.client.call('canned.import', { format: 'csv', content })).toEqual({ imported: 2 });
    const { replies } = await w.client.call('canned.list', { limit: 10 });
    expect(replies.map(({ title, body, lang, tags, shortcut }) => ({ title, body, lang, tags, shortcut }))).toEqual([
      { title: 'Bye', body: 'See you', lang: null, tags: [], shortcut: null },
      { title: 'Hello', body: 'Hi there,\r\nfriend', lang: 'en', tags: ['greeting', 'welcome'], shortcut: 'hi' },
    ]);
  });

  it('refuses the whole file at the first bad record, naming its line as an editor shows it', async () => {
    const w = cannedWorkspace();
    const good = 'Fine,"A body\nover two lines",en,,';
    expect(await refusal(w, 'csv', `${HEADER}\n${good}\nBad,"quote"d,en,,\n`)).toMatchObject({ line: 4, reason: expect.stringContaining('closing quote') });
    expect(await refusal(w, 'csv', `${HEADER}\n${good}\nBad,quote"inside,en,,\n`)).toMatchObject({ line: 4, reason: expect.stringContaining('quote inside') });
    expect(await refusal(w, 'csv', `${HEADER}\n${good}\n\n"Never,closed\n`)).toMatchObject({ line: 5, reason: 'a quoted field is never closed' });
    expect(await refusal(w, 'csv', `${HEADER}\n${good}\nToo,few,en\n`)).toMatchObject({ line: 4, reason: 'expected 5 fields (title, body, lang, tags, shortcut), found 3' });
    expect(await refusal(w, 'csv', `${HEADER}\n${good}\n${good}\nGerman,Hallo,de,,\n`)).toMatchObject({ line: 6, reason: expect.stringMatching(/^lang: /) });
    expect(await refusal(w, 'csv', `${HEADER}\n${good}\n  ,A body,en,,\n`)).toMatchObject({ line: 4, reason: 'title: the title is empty' });
    expect(await refusal(w, 'csv', `title,body\nA,B\n`)).toMatchObject({ line: 1, reason: expect.stringContaining('header') });
  });

  it('refuses a shortcut used twice in the file (line 7) or already in the library', async () => {
    const w = cannedWorkspace();
    const rows = ['One,1,en,,dup', 'Two,2,en,,', 'Three,3,en,,', 'Four,4,en,,', 'Five,5,en,,', 'Six,6,en,,DUP'];
    expect(await refusal(w, 'csv', `${HEADER}\n${rows.join('\n')}\n`)).toMatchObject({ line: 7, reason: 'the shortcut "dup" is also on line 2' });
    expect(await refusal(w, 'csv', `${HEADER}\nMine,Body,en,,refund\n`)).toMatchObject({ line: 2, reason: 'the shortcut "refund" is already used by "Refund"' });
  });

  it('refuses more than 5,000 replies at the line of the first one too many', async () => {
    const w = cannedWorkspace();
    const rows = Array.from({ length: 5_001 }, (_, i) => `Reply ${i},Body ${i},en,,`);
    expect(await refusal(w, 'csv', `${HEADER}\n${rows.join('\n')}\n`)).toMatchObject({ line: 5_002, reason: 'a file may hold at most 5,000 replies' });
  });

  it('refuses a file over the size limit before reading it', async () => {
    const w = cannedWorkspace();
    await expect(w.client.call('canned.import', { format: 'csv', content: 'x'.repeat(1_500_001) })).rejects.toMatchObject({ code: 'invalid_input' });
  });
});

describe('JSON import', () => {
  it('takes lang, tags and shortcut as optional, and names the line an element starts on', async () => {
    const w = cannedWorkspace();
    await w.emptyLibrary();
    expect(await w.client.call('canned.import', { format: 'json', content: '\uFEFF[{"title": "Hi", "body": "Hello"}]' })).toEqual({ imported: 1 });
    const content = '[\n  {"title": "A", "body": "a"},\n  {\n    "title": "B",\n    "body": "b",\n    "lang": "xx"\n  }\n]';
    expect(await refusal(w, 'json', content)).toMatchObject({ line: 3, reason: expect.stringMatching(/^lang: /) });
  });

  it('refuses broken syntax at its line, unknown keys, and anything but an array', async () => {
    const w = cannedWorkspace();
    expect(await refusal(w, 'json', '[\n  {"title": "A", "body": "a"},\n  {"title": "B" "body": "b"}\n]')).toMatchObject({ line: 3, reason: 'expected "," or "}"' });
    expect(await refusal(w, 'json', '[\n  {"title": "A", "body": "a"},\n')).toMatchObject({ line: 3, reason: expect.stringContaining('ends') });
    expect(await refusal(w, 'json', '[\n  {"title": "A",\n "body": "a\nb"}]')).toMatchObject({ line: 3, reason: expect.stringContaining('string') });
    expect(await refusal(w, 'json', '[\n{"tittle": "A", "body": "a"}]')).toMatchObject({ line: 2 });
    expect(await refusal(w, 'json', '{"title": "A", "body": "a"}')).toMatchObject({ line: 1, reason: expect.stringContaining('array') });
    expect(await refusal(w, 'json', `[${'['.repeat(10_000)}`)).toMatchObject({ line: 1, reason: 'nested too deeply' });
  });
});
