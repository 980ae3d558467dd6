/**
 * Steps the packed word automaton through text that arrives in pieces (one DOM text node after
 * another), reporting every alias with its start and end in the caller's running offsets. Reads the
 * packed string in place: a page pays nothing to load it, and one hash probe per word to scan.
 */
import { readLayout, valueAt, type AutomatonLayout } from './word-automaton';
import { DROP, FOLD_TABLE, SEP, UNFOLDED, foldCode } from './normalise';
import { HASH1_SEED, HASH2_SEED, finishHash, slotOf, stepHash1, stepHash2 } from './word-hash';

export type MatchListener = (pattern: number, start: number, end: number) => void;

/** A packed automaton, checked once, with the accessors the scanner needs. */
export class PackedAutomaton {
  readonly layout: AutomatonLayout;
  private readonly mask: number;

  constructor(readonly packed: string) {
    this.layout = readLayout(packed);
    this.mask = this.layout.slotCount - 1;
  }

  /** The state reached from `state` by the word with these hashes, or -1. */
  child(state: number, h1: number, h2: number): number {
    const { packed, layout, mask } = this;
    let slot = slotOf(state, h1, mask);
    for (;;) {
      const candidate = valueAt(packed, layout.slots + slot);
      if (candidate < 0) return -1;
      if (
        valueAt(packed, layout.parent + candidate) === state &&
        valueAt(packed, layout.hash1 + candidate) === h1 &&
        valueAt(packed, layout.hash2 + candidate) === h2
      )
        return candidate;
      slot = (slot + 1) & mask;
    }
  }

  fail(state: number): number {
    return valueAt(this.packed, this.layout.fail + state);
  }
  output(state: number): number {
    return valueAt(this.packed, this.layout.output + state);
  }
  outputLink(state: number): number {
    return valueAt(this.packed, this.layout.outputLink + state);
  }
  patternWords(pattern: number): number {
    return valueAt(this.packed, this.layout.patternWords + pattern);
  }
  patternTarget(pattern: number): number {
    return valueAt(this.packed, this.layout.patternTarget + pattern);
  }
  patternFlags(pattern: number): number {
    return valueAt(this.packed, this.layout.patternFlags + pattern);
  }
}

export class StreamMatcher {
  private state = 0;
  private inWord = false;
  private h1 = HASH1_SEED;
  private h2 = HASH2_SEED;
  private wordStart = 0;
  private wordEnd = 0;
  private words = 0;
  private readonly starts: Int32Array;
  private readonly mask: number;

  constructor(
    private readonly automaton: PackedAutomaton,
    private readonly onMatch: MatchListener,
  ) {
    let size = 2;
    while (size < automaton.layout.maxWords) size *= 2;
    this.starts = new Int32Array(size);
    this.mask = size - 1;
  }

  /** A break no alias can cross: a block element's edge or the end of the text. */
  boundary(): void {
    if (this.inWord) this.endWord();
    this.state = 0;
  }

  /** Feeds one piece of text whose first code unit sits at `offset` in the caller's numbering. */
  feed(text: string, offset: number): void {
    // Hot loop: locals only, the fold table read inline; state goes back to fields at word ends.
    const table = FOLD_TABLE;
    let h1 = this.h1;
    let h2 = this.h2;
    let inWord = this.inWord;
    let wordEnd = this.wordEnd;
    for (let i = 0, n = text.length; i < n; i++) {
      const c = text.charCodeAt(i);
      let folded = table[c]!;
      if (folded === UNFOLDED) folded = foldCode(c);
      if (folded === SEP) {
        if (inWord) {
          this.h1 = h1;
          this.h2 = h2;
          this.wordEnd = wordEnd;
          this.endWord();
          inWord = false;
        }
      } else if (folded !== DROP) {
        if (!inWord) {
          inWord = true;
          this.inWord = true;
          this.wordStart = offset + i;
          h1 = HASH1_SEED;
          h2 = HASH2_SEED;
        }
        h1 = stepHash1(h1, folded);
        h2 = stepHash2(h2, folded);
        wordEnd = offset + i + 1;
      }
    }
    this.h1 = h1;
    this.h2 = h2;
    this.inWord = inWord;
    this.wordEnd = wordEnd;
  }

  private endWord(): void {
    this.inWord = false;
    const h1 = finishHash(this.h1);
    const h2 = finishHash(this.h2);
    this.starts[this.words & this.mask] = this.wordStart;
    this.words++;
    const a = this.automaton;
    let s = this.state;
    for (;;) {
      const next = a.child(s, h1, h2);
      if (next >= 0) {
        s = next;
        break;
      }
      if (s === 0) break;
      s = a.fail(s);
    }
    this.state = s;
    if (s === 0) return;
    let o = a.output(s) >= 0 ? s : a.outputLink(s);
    while (o >= 0) {
      const pattern = a.output(o);
      const start = this.starts[(this.words - a.patternWords(pattern)) & this.mask]!;
      this.onMatch(pattern, start, this.wordEnd);
      o = a.outputLink(o);
    }
  }
}
