import { HIGHLIGHT_END, HIGHLIGHT_START } from '../../../shared/domain';

export interface SnippetPart {
  text: string;
  matched: boolean;
}

/**
 * Splits an engine snippet at its U+E000 … U+E001 markers. The text is the
 * customer's, so it is only ever rendered as text: markup in a message stays
 * visible characters. A marker left unclosed highlights to the end.
 */
export function snippetParts(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  for (const [index, chunk] of snippet.split(HIGHLIGHT_START).entries()) {
    const end = chunk.indexOf(HIGHLIGHT_END);
    const matched = index > 0 ? (end === -1 ? chunk : chunk.slice(0, end)) : '';
    const rest = index > 0 ? (end === -1 ? '' : chunk.slice(end + 1)) : chunk;
    if (matched !== '') parts.push({ text: matched, matched: true });
    // A stray end marker outside a match is dropped, not shown as a box.
    const plain = rest.split(HIGHLIGHT_END).join('');
    if (plain !== '') parts.push({ text: plain, matched: false });
  }
  return parts;
}

export function Snippet({ text }: { text: string }) {
  return (
    <span className="search-snippet" dir="auto">
      {snippetParts(text).map((part, index) => (part.matched ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>))}
    </span>
  );
}
