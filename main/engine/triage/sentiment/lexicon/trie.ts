/**
 * Character trie over lexicon keys: one walk per word finds the exact entry
 * or the longest stem, with no per-word allocation — the hot path when
 * scoring tens of thousands of messages a second.
 */

interface TrieNode<T> {
  next?: Map<number, TrieNode<T>>;
  exact?: T;
  stem?: T;
}

export class Trie<T> {
  private readonly root: TrieNode<T> = {};

  /** `merge` combines a value already stored under the same key and kind. */
  add(key: string, stem: boolean, value: T, merge: (stored: T, added: T) => T): void {
    let node = this.root;
    for (let i = 0; i < key.length; i++) {
      const code = key.charCodeAt(i);
      node.next ??= new Map();
      let child = node.next.get(code);
      if (!child) {
        child = {};
        node.next.set(code, child);
      }
      node = child;
    }
    const stored = stem ? node.stem : node.exact;
    const merged = stored === undefined ? value : merge(stored, value);
    if (stem) node.stem = merged;
    else node.exact = merged;
  }

  /** The exact entry for `word`, else the entry of the longest stem it begins with. */
  match(word: string): T | undefined {
    let node: TrieNode<T> | undefined = this.root;
    let best: T | undefined;
    for (let i = 0; i < word.length; i++) {
      node = node.next?.get(word.charCodeAt(i));
      if (!node) return best;
      if (node.stem !== undefined) best = node.stem;
    }
    return node.exact ?? best;
  }

  /** Every stem `word` begins with, and its exact entry, appended to `out`. */
  matchAll(word: string, out: T[]): void {
    let node: TrieNode<T> | undefined = this.root;
    for (let i = 0; i < word.length; i++) {
      node = node.next?.get(word.charCodeAt(i));
      if (!node) return;
      if (node.stem !== undefined) out.push(node.stem);
    }
    if (node.exact !== undefined) out.push(node.exact);
  }
}
