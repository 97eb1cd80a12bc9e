import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_END as END, HIGHLIGHT_START as START } from '../../../shared/domain';
import { snippetParts } from '../../../renderer/overlays/search/Snippet';

describe('snippetParts', () => {
  it('splits a snippet into plain and matched text at the markers', () => {
    expect(snippetParts(`${START}Refund${END} for my ${START}order${END}`)).toEqual([
      { text: 'Refund', matched: true },
      { text: ' for my ', matched: false },
      { text: 'order', matched: true },
    ]);
    expect(snippetParts('no match marked')).toEqual([{ text: 'no match marked', matched: false }]);
  });

  it('copes with markers the engine left unbalanced', () => {
    expect(snippetParts(`cut ${START}off`)).toEqual([
      { text: 'cut ', matched: false },
      { text: 'off', matched: true },
    ]);
    expect(snippetParts(`stray${END} end`)).toEqual([{ text: 'stray end', matched: false }]);
    expect(snippetParts(`${START}${END}`)).toEqual([]);
  });
});
