/**
 * The alias automaton: one Aho–Corasick machine whose letters are whole words (by hash), built once
 * for every alias of every enabled pack, and shipped to pages as one compact string that the page
 * reads in place, with no decoding step (lib/matching/stream-matcher.ts).
 */
import { hashWord, slotOf } from './word-hash';

export interface AutomatonPattern {
  /** Folded alias: words separated by single spaces ("ansar gazwat ul hind"). */
  folded: string;
  /** Index of the pattern's owner in the caller's target list. */
  target: number;
  /** Bit set of PATTERN_* flags. */
  flags: number;
}

export const PATTERN_CASE_SENSITIVE = 1;
export const PATTERN_NEEDS_CONTEXT = 2;

export const FORMAT_VERSION = 2;
const HEADER = 6;

/** Where each section of the packed string starts, in 30-bit values. */
export interface AutomatonLayout {
  stateCount: number;
  slotCount: number;
  patternCount: number;
  maxWords: number;
  slots: number;
  parent: number;
  hash1: number;
  hash2: number;
  fail: number;
  output: number;
  outputLink: number;
  patternWords: number;
  patternTarget: number;
  patternFlags: number;
  length: number;
}

export function layoutOf(
  stateCount: number,
  slotCount: number,
  patternCount: number,
  maxWords: number,
): AutomatonLayout {
  const slots = HEADER;
  const parent = slots + slotCount;
  const hash1 = parent + stateCount;
  const hash2 = hash1 + stateCount;
  const fail = hash2 + stateCount;
  const output = fail + stateCount;
  const outputLink = output + stateCount;
  const patternWords = outputLink + stateCount;
  const patternTarget = patternWords + patternCount;
  const patternFlags = patternTarget + patternCount;
  return {
    stateCount,
    slotCount,
    patternCount,
    maxWords,
    slots,
    parent,
    hash1,
    hash2,
    fail,
    output,
    outputLink,
    patternWords,
    patternTarget,
    patternFlags,
    length: patternFlags + patternCount,
  };
}

/**
 * Builds the automaton and packs it into a string: each value is stored plus one (so -1 is 0) as two
 * 15-bit code units, never a surrogate, so it survives any message channel unchanged.
 */
export function buildAutomaton(patterns: readonly AutomatonPattern[]): string {
  // Trie over word hashes; state 0 is the root.
  const parent: number[] = [-1];
  const hash1: number[] = [0];
  const hash2: number[] = [0];
  const output: number[] = [-1];
  const children: Map<string, number>[] = [new Map()];
  const duplicateOf = new Map<number, number>();
  const patternWords: number[] = [];
  let maxWords = 1;

  patterns.forEach((pattern, index) => {
    const words = pattern.folded.split(' ').filter(Boolean);
    patternWords.push(words.length);
    if (words.length === 0) return;
    maxWords = Math.max(maxWords, words.length);
    let state = 0;
    for (const word of words) {
      const [h1, h2] = hashWord(word);
      const key = `${h1}:${h2}`;
      let next = children[state]!.get(key);
      if (next === undefined) {
        next = parent.length;
        parent.push(state);
        hash1.push(h1);
        hash2.push(h2);
        output.push(-1);
        children.push(new Map());
        children[state]!.set(key, next);
      }
      state = next;
    }
    if (output[state] !== -1) {
      // Same words for another owner or other flags: an extra state, reached only through outputs.
      const dup = parent.length;
      parent.push(-2);
      hash1.push(0);
      hash2.push(0);
      output.push(-1);
      children.push(new Map());
      duplicateOf.set(dup, state);
      state = dup;
    }
    output[state] = index;
  });

  const stateCount = parent.length;
  const fail = new Array<number>(stateCount).fill(0);
  const outputLink = new Array<number>(stateCount).fill(-1);
  const queue: number[] = [0];
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head]!;
    for (const [key, child] of children[state]!) {
      let f = 0;
      if (state !== 0) {
        f = fail[state]!;
        while (f !== 0 && !children[f]!.has(key)) f = fail[f]!;
        f = children[f]!.get(key) ?? 0;
      }
      fail[child] = f;
      outputLink[child] = output[f] !== -1 ? f : outputLink[f]!;
      queue.push(child);
    }
  }
  for (const [dup, original] of duplicateOf) {
    outputLink[dup] = outputLink[original]!;
    outputLink[original] = dup;
  }

  const transitions = stateCount - 1 - duplicateOf.size;
  let slotCount = 4;
  while (slotCount < transitions * 2) slotCount *= 2;
  const mask = slotCount - 1;
  const slots = new Array<number>(slotCount).fill(-1);
  for (let s = 1; s < stateCount; s++) {
    if (parent[s] === -2) continue;
    let slot = slotOf(parent[s]!, hash1[s]!, mask);
    while (slots[slot] !== -1) slot = (slot + 1) & mask;
    slots[slot] = s;
  }

  const layout = layoutOf(stateCount, slotCount, patterns.length, maxWords);
  const values: number[] = [FORMAT_VERSION, stateCount, slotCount, patterns.length, maxWords, layout.length];
  for (const section of [
    slots,
    parent.map((p) => Math.max(p, -1)),
    hash1,
    hash2,
    fail,
    output,
    outputLink,
    patternWords,
  ]) {
    for (const value of section) values.push(value);
  }
  for (const p of patterns) values.push(p.target);
  for (const p of patterns) values.push(p.flags);
  return pack(values);
}

function pack(values: readonly number[]): string {
  let out = '';
  const chunk: number[] = [];
  for (const value of values) {
    const stored = value + 1;
    if (stored < 0 || stored >= 2 ** 30) throw new RangeError(`automaton value out of range: ${value}`);
    chunk.push(stored >>> 15, stored & 0x7fff);
    if (chunk.length >= 8192) {
      out += String.fromCharCode(...chunk);
      chunk.length = 0;
    }
  }
  return out + String.fromCharCode(...chunk);
}

/** Reads value i of a packed automaton. */
export function valueAt(packed: string, i: number): number {
  return ((packed.charCodeAt(2 * i) << 15) | packed.charCodeAt(2 * i + 1)) - 1;
}

/** Checks a packed automaton's header and length; throws on anything else. */
export function readLayout(packed: string): AutomatonLayout {
  if (packed.length < HEADER * 2 || valueAt(packed, 0) !== FORMAT_VERSION)
    throw new Error('not a ClaimLens automaton of this version');
  const layout = layoutOf(valueAt(packed, 1), valueAt(packed, 2), valueAt(packed, 3), valueAt(packed, 4));
  if (valueAt(packed, 5) !== layout.length || packed.length !== layout.length * 2)
    throw new Error('automaton data is truncated or damaged');
  return layout;
}
