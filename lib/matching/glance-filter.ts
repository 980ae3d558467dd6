/**
 * A search for aliases in a page's `textContent`, the whole text the page gets in one native call
 * without walking its DOM (see glance.ts for what it decides).
 *
 * `textContent` joins text nodes with nothing between them, where the visible text the matcher reads
 * has a break: "…by ISIS</h1><p>The…" reads "ISISThe", "<li>world</li><li>hamas</li>" reads
 * "worldhamas". Inside an alias the search is as strict as the matcher: the letters as it folds them,
 * one space for every run of separators (a name never spans two blocks). At its edges it reports what
 * it saw: an edge at a separator, or at the start or end of the text, is certain; an edge between two
 * letters or digits ("world|hamas", "Ba|hamas") is possible only if a text node starts there, which
 * the page checks (lib/page/glance-probe.ts). Letter case is checked only for case-sensitive aliases,
 * as the matcher checks it; the matcher's other checks are left to it.
 *
 * Missed: a name with an element the page hides (or a script) inside it, "Jaish-e-<span
 * hidden>…</span>Mohammed", which the matcher reads as one name and `textContent` does not.
 *
 * The automaton is kept in flat typed arrays, built from the sorted aliases without a map per state:
 * 50,000 aliases take a few megabytes and a fraction of a second.
 */
import { DROP, FOLD_TABLE, SEP, UNFOLDED, caseSkeleton, foldCode, foldText } from './normalise';

export interface GlancePattern {
  /** The alias as written. */
  text: string;
  /** Its letter case must match (an acronym such as "ISIL"). */
  caseSensitive: boolean;
  /** Found wherever its letters are, edges unchecked (a word looked for inside others, "attack" in "attacked"). */
  anywhere?: boolean;
}

/** No edge to check: a separator, the start or the end of the text is there. */
export const CERTAIN = -1;

/**
 * Called with each alias found (its index in the patterns), where it starts and ends in the text, and
 * for each of its two edges either CERTAIN or the position in the text where a text node would have to
 * start for the edge to be a word's edge. True stops the search.
 */
export type GlanceListener = (
  pattern: number,
  start: number,
  end: number,
  startEdge: number,
  endEdge: number,
) => boolean;

interface Waiting {
  pattern: number;
  start: number;
  startEdge: number;
}

/** A character automaton (Aho–Corasick) over the aliases, folded (one space for every run of separators). */
export class GlanceFilter {
  /** Per state: where its transitions begin in `edgeChar`/`edgeTarget` (sorted by character); one more at the end. */
  private readonly edgeStart: Int32Array;
  private readonly edgeChar: Uint16Array;
  private readonly edgeTarget: Int32Array;
  /** The root's transitions by character (0: none), the hot path. */
  private readonly rootNext = new Int32Array(0x10000);
  private readonly fail: Int32Array;
  /** Per state: the first pattern ending there (-1: none); further ones chained through `nextEnd`. */
  private readonly firstEnd: Int32Array;
  private readonly nextEnd: Int32Array;
  /** Per state: the nearest state down its failure chain that ends a pattern (0: none). */
  private readonly endLink: Int32Array;
  /** Per pattern: its length folded, and its case form ("" if any case will do). */
  private readonly lengths: Int32Array;
  private readonly caseForms: string[] = [];
  private readonly anywhere: Uint8Array;
  private readonly longest: number;

  constructor(patterns: readonly GlancePattern[]) {
    const folded = patterns.map((p) => foldText(p.text));
    this.lengths = Int32Array.from(folded, (f) => f.length);
    this.anywhere = Uint8Array.from(patterns, (p) => (p.anywhere ? 1 : 0));
    for (const p of patterns) this.caseForms.push(p.caseSensitive && !p.anywhere ? caseSkeleton(p.text) : '');
    let longest = 1;
    for (const f of folded) if (f.length > longest) longest = f.length;
    this.longest = longest;

    // The trie, from the aliases in sorted order: each one leaves the previous one's path where they
    // first differ, so no state needs a lookup table while it is built, and a state's transitions come
    // in the order of their characters.
    const order = folded
      .map((_, i) => i)
      .filter((i) => folded[i] !== '')
      .sort((a, b) => (folded[a]! < folded[b]! ? -1 : folded[a]! > folded[b]! ? 1 : 0));
    let capacity = 1;
    for (const i of order) capacity += folded[i]!.length;
    const parentOf = new Int32Array(capacity);
    const charOf = new Uint16Array(capacity);
    this.firstEnd = new Int32Array(capacity).fill(-1);
    this.nextEnd = new Int32Array(patterns.length).fill(-1);
    let states = 1;
    const path = [0];
    let previous = '';
    for (const index of order) {
      const letters = folded[index]!;
      let shared = 0;
      while (shared < letters.length && shared < previous.length && letters[shared] === previous[shared])
        shared++;
      path.length = shared + 1;
      for (let d = shared; d < letters.length; d++) {
        const state = states++;
        parentOf[state] = path[d]!;
        charOf[state] = letters.charCodeAt(d);
        path.push(state);
      }
      const end = path[letters.length]!;
      this.nextEnd[index] = this.firstEnd[end]!;
      this.firstEnd[end] = index;
      previous = letters;
    }

    // Transitions grouped by state (counting sort on the parent keeps each group in character order).
    this.edgeStart = new Int32Array(states + 1);
    for (let s = 1; s < states; s++) this.edgeStart[parentOf[s]! + 1]!++;
    for (let s = 0; s < states; s++) this.edgeStart[s + 1]! += this.edgeStart[s]!;
    this.edgeChar = new Uint16Array(Math.max(0, states - 1));
    this.edgeTarget = new Int32Array(Math.max(0, states - 1));
    const fill = this.edgeStart.slice(0, states);
    for (let s = 1; s < states; s++) {
      const at = fill[parentOf[s]!]!++;
      this.edgeChar[at] = charOf[s]!;
      this.edgeTarget[at] = s;
    }
    for (let e = this.edgeStart[0]!; e < this.edgeStart[1]!; e++)
      this.rootNext[this.edgeChar[e]!] = this.edgeTarget[e]!;

    // Failure links, breadth first.
    this.fail = new Int32Array(states);
    this.endLink = new Int32Array(states);
    const queue = new Int32Array(states);
    let tail = 0;
    for (let e = this.edgeStart[0]!; e < this.edgeStart[1]!; e++) queue[tail++] = this.edgeTarget[e]!;
    for (let head = 0; head < tail; head++) {
      const state = queue[head]!;
      const f = this.fail[state]!;
      this.endLink[state] = this.firstEnd[f]! >= 0 ? f : this.endLink[f]!;
      for (let e = this.edgeStart[state]!; e < this.edgeStart[state + 1]!; e++) {
        const c = this.edgeChar[e]!;
        const child = this.edgeTarget[e]!;
        let back = f;
        let target = this.step(back, c);
        while (target < 0 && back !== 0) {
          back = this.fail[back]!;
          target = this.step(back, c);
        }
        this.fail[child] = target > 0 && target !== child ? target : 0;
        queue[tail++] = child;
      }
    }
  }

  /** The state reached from `state` by `c`, or -1. */
  private step(state: number, c: number): number {
    if (state === 0) return this.rootNext[c]! || -1;
    let low = this.edgeStart[state]!;
    let high = this.edgeStart[state + 1]! - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const at = this.edgeChar[middle]!;
      if (at === c) return this.edgeTarget[middle]!;
      if (at < c) low = middle + 1;
      else high = middle - 1;
    }
    return -1;
  }

  /** Reports every alias found in `text`, with its edges (see above); returns true if the listener stopped it. */
  find(text: string, found: GlanceListener): boolean {
    // Where each of the last code units fed to the automaton is in the text, and its start edge.
    const size = this.longest + 1;
    const at = new Int32Array(size);
    const startEdges = new Int32Array(size);
    let fed = 0;
    let state = 0;
    let spaced = true; // a separator came since the last letter (or nothing was read yet)
    let lastLetter = -1; // where the last letter or digit was
    /** Aliases that ended on the last letter read, waiting to learn what their end edge is. */
    const waiting: Waiting[] = [];
    let waitingEnd = 0;
    const flush = (endEdge: number): boolean =>
      waiting.some((w) => found(w.pattern, w.start, waitingEnd, w.startEdge, endEdge));
    const feed = (f: number, i: number, startEdge: number) => {
      at[fed % size] = i;
      startEdges[fed % size] = startEdge;
      fed++;
      for (;;) {
        const to = this.step(state, f);
        if (to >= 0) {
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
        if (waiting.length > 0 && flush(CERTAIN)) return true;
        waiting.length = 0;
        if (!spaced) feed(SEP, i, CERTAIN);
        spaced = true;
        continue;
      }
      // Right after another letter, a word starts here only if a text node does; after a separator,
      // or after characters the matcher drops (which may sit where a node starts), it may start here.
      const startEdge = spaced || lastLetter !== i - 1 ? CERTAIN : i;
      if (waiting.length > 0) {
        if (flush(startEdge === CERTAIN ? CERTAIN : waitingEnd)) return true;
        waiting.length = 0;
      }
      spaced = false;
      lastLetter = i;
      feed(f, i, startEdge);
      for (let s = this.firstEnd[state]! >= 0 ? state : this.endLink[state]!; s > 0; s = this.endLink[s]!) {
        for (let pattern = this.firstEnd[s]!; pattern >= 0; pattern = this.nextEnd[pattern]!) {
          const first = (fed - this.lengths[pattern]!) % size;
          const start = at[first]!;
          if (this.anywhere[pattern] === 1) {
            if (found(pattern, start, i + 1, CERTAIN, CERTAIN)) return true;
            continue;
          }
          const form = this.caseForms[pattern]!;
          if (form !== '' && caseSkeleton(text.slice(start, i + 1)) !== form) continue;
          waiting.push({ pattern, start, startEdge: startEdges[first]! });
          waitingEnd = i + 1;
        }
      }
    }
    return waiting.length > 0 && flush(CERTAIN);
  }
}
