/**
 * A loose search for aliases in a page's `textContent`, the whole text the page gets in one native
 * call without walking its DOM (see glance.ts for what it decides).
 *
 * `textContent` joins text nodes with nothing between them, where the visible text the page reads
 * has a break ("…by ISIS</h1><p>The…" reads "ISISThe"), and it holds scripts and hidden text too. So
 * the search is looser than the matcher, never stricter. Inside an alias it is as strict: the words
 * as the matcher folds them, separators between them (a name never spans two blocks, so no two text
 * nodes meet unseen inside it). At its edges it is loose: a word may start or end wherever two text
 * nodes could meet unseen, at a separator and between any two letters except where a lower-case
 * letter follows another letter ("srinagar", "Srinagar": one word each), or between two digits.
 * "ISISThe", "SrinagarPolice" and "CRISIS" thus hold "ISIS" or "Srinagar"; "crisis" and "Somalia"
 * do not hold "isis" or "Mali". Letter case is checked only for case-sensitive aliases, as the
 * matcher checks it; the matcher's other checks (an acronym inside a run of capitals, overlaps) are
 * left to it.
 *
 * Missed: a name with an element the page hides (or a script) inside it, "Jaish-e-<span
 * hidden>…</span>Mohammed", which the matcher reads as one name and `textContent` does not.
 */
import { DROP, FOLD_TABLE, SEP, UNFOLDED, caseSkeleton, foldCode, foldText } from './normalise';

export interface GlancePattern {
  /** The alias as written. */
  text: string;
  /** Its letter case must match (an acronym such as "ISIL"). */
  caseSensitive: boolean;
}

/** Called with each alias found (its index in the patterns) and where it starts and ends in the text; true stops the search. */
export type GlanceListener = (pattern: number, start: number, end: number) => boolean;

const LOWER = 1;
const UPPER = 2;
const DIGIT = 3;
/** Letters of scripts without letter case (Arabic, Devanagari…): any two may belong to two words. */
const UNCASED = 4;
const classes = new Uint8Array(0x10000);

function classOf(c: number): number {
  let k = classes[c]!;
  if (k === 0) {
    const ch = String.fromCharCode(c);
    if (/\p{N}/u.test(ch)) k = DIGIT;
    else if (ch !== ch.toLowerCase()) k = UPPER;
    else if (ch !== ch.toUpperCase()) k = LOWER;
    else k = UNCASED;
    classes[c] = k;
  }
  return k;
}

/** Whether two text nodes could meet unseen between letters (or digits) of these classes. */
function mayBreak(before: number, after: number): boolean {
  if (after === LOWER) return before !== LOWER && before !== UPPER;
  return !(before === DIGIT && after === DIGIT);
}

/** A character automaton (Aho–Corasick) over the aliases, folded (one space for every run of separators). */
export class GlanceFilter {
  /** Per state: its transitions, by folded code unit. */
  private readonly next: Map<number, number>[] = [new Map()];
  private readonly fail: number[] = [0];
  /** Per state: the patterns that end there. */
  private readonly ends: number[][] = [[]];
  /** Per state: the nearest state down its failure chain that ends a pattern (0: none). */
  private readonly endLink: number[] = [0];
  /** Per pattern: its length folded, and its case form ("" if any case will do). */
  private readonly lengths: number[] = [];
  private readonly caseForms: string[] = [];
  private readonly longest: number;

  constructor(patterns: readonly GlancePattern[]) {
    patterns.forEach(({ text, caseSensitive }, index) => {
      const letters = foldText(text);
      this.lengths.push(letters.length);
      this.caseForms.push(caseSensitive ? caseSkeleton(text) : '');
      if (letters === '') return;
      let state = 0;
      for (let i = 0; i < letters.length; i++) {
        const c = letters.charCodeAt(i);
        let to = this.next[state]!.get(c);
        if (to === undefined) {
          to = this.next.push(new Map()) - 1;
          this.fail.push(0);
          this.ends.push([]);
          this.endLink.push(0);
          this.next[state]!.set(c, to);
        }
        state = to;
      }
      this.ends[state]!.push(index);
    });
    this.longest = Math.max(1, ...this.lengths);
    const queue = [...this.next[0]!.values()];
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!;
      const f = this.fail[state]!;
      this.endLink[state] = this.ends[f]!.length > 0 ? f : this.endLink[f]!;
      for (const [c, child] of this.next[state]!) {
        let back = f;
        while (back !== 0 && !this.next[back]!.has(c)) back = this.fail[back]!;
        const target = this.next[back]!.get(c);
        this.fail[child] = target !== undefined && target !== child ? target : 0;
        queue.push(child);
      }
    }
  }

  /** Reports every alias found in `text`, loosely (see above); returns true if the listener stopped it. */
  find(text: string, found: GlanceListener): boolean {
    // Where each of the last code units fed to the automaton is in the text, and whether a word
    // may start there.
    const size = this.longest + 1;
    const at = new Int32Array(size);
    const startsWord = new Uint8Array(size);
    let fed = 0;
    let state = 0;
    let previous = 0; // class of the last letter or digit, 0 after a separator
    let spaced = true; // a separator came since the last letter (or nothing was read yet)
    /** Patterns that ended on the last letter read (with where they start), waiting to learn whether a word ends there. */
    const waiting: { pattern: number; start: number }[] = [];
    let waitingEnd = 0;
    const flush = (): boolean => waiting.some(({ pattern, start }) => found(pattern, start, waitingEnd));
    const feed = (f: number, i: number, wordStart: boolean) => {
      at[fed % size] = i;
      startsWord[fed % size] = wordStart ? 1 : 0;
      fed++;
      for (;;) {
        const to = this.next[state]!.get(f);
        if (to !== undefined) {
          state = to;
          return;
        }
        if (state === 0) return;
        state = this.fail[state]!;
      }
    };

    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      let f = FOLD_TABLE[c]!;
      if (f === UNFOLDED) f = foldCode(c);
      if (f === DROP) continue;
      if (f === SEP) {
        if (waiting.length > 0 && flush()) return true;
        waiting.length = 0;
        if (!spaced) feed(SEP, i, false);
        spaced = true;
        previous = 0;
        continue;
      }
      const k = classOf(c);
      const wordStart = spaced || mayBreak(previous, k);
      if (waiting.length > 0) {
        if (wordStart && flush()) return true;
        waiting.length = 0;
      }
      spaced = false;
      previous = k;
      feed(f, i, wordStart);
      for (let s = this.ends[state]!.length > 0 ? state : this.endLink[state]!; s > 0; s = this.endLink[s]!) {
        for (const pattern of this.ends[s]!) {
          const length = this.lengths[pattern]!;
          const first = (fed - length) % size;
          if (startsWord[first] !== 1) continue;
          const start = at[first]!;
          const form = this.caseForms[pattern]!;
          if (form !== '' && caseSkeleton(text.slice(start, i + 1)) !== form) continue;
          waiting.push({ pattern, start });
          waitingEnd = i + 1;
        }
      }
    }
    return waiting.length > 0 && flush();
  }
}
