/**
 * The alias automaton: one Aho–Corasick machine over folded text for every alias of every pack, built
 * once (background, or Node tools) and shipped to pages as one compact string.
 */
import { SEP } from './normalise';

/** Class of every folded code unit that no alias uses: it can only break a match. */
export const OTHER_CLASS = 0;
/** Class of the separator. */
export const SEP_CLASS = 1;

export interface AutomatonPattern {
  /** Folded alias without surrounding separators ("ansar gazwat ul hind"). */
  folded: string;
  /** Index of the pattern's owner in the caller's target list. */
  target: number;
  /** Bit set of PATTERN_* flags. */
  flags: number;
}

export const PATTERN_CASE_SENSITIVE = 1;
export const PATTERN_NEEDS_CONTEXT = 2;

/** The compiled machine: flat integer arrays, ready to step through without allocating. */
export interface Automaton {
  /** Class of each folded ASCII code unit. */
  asciiClass: Int32Array;
  /** Folded non-ASCII code units used by aliases, sorted, and their classes. */
  wideCodes: Int32Array;
  wideClasses: Int32Array;
  /** Per state: first edge index and edge count; edges sorted by class. */
  edgeStart: Int32Array;
  edgeCount: Int32Array;
  edgeClass: Int32Array;
  edgeTarget: Int32Array;
  fail: Int32Array;
  /** Per state: pattern that ends here, or -1; next state on the fail chain that has one, or -1. */
  output: Int32Array;
  outputLink: Int32Array;
  /** Per pattern: length in folded units including both separators, target, flags. */
  patternLength: Int32Array;
  patternTarget: Int32Array;
  patternFlags: Int32Array;
  /** Longest pattern length, for the scanner's ring of positions. */
  maxLength: number;
}

/** Builds the automaton. Pattern i of the input is pattern i of the result; empty patterns never match. */
export function buildAutomaton(patterns: readonly AutomatonPattern[]): Automaton {
  const classOf = new Map<number, number>([[SEP, SEP_CLASS]]);
  const codeClass = (code: number): number => {
    let cls = classOf.get(code);
    if (cls === undefined) {
      cls = classOf.size + 1;
      classOf.set(code, cls);
    }
    return cls;
  };

  const children: Map<number, number>[] = [new Map()];
  const output: number[] = [-1];
  const duplicateOf = new Map<number, number>();
  let maxLength = 2;

  patterns.forEach((pattern, index) => {
    if (pattern.folded.length === 0) return;
    const text = ` ${pattern.folded} `;
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const cls = codeClass(text.charCodeAt(i));
      let next = children[state]!.get(cls);
      if (next === undefined) {
        next = children.length;
        children.push(new Map());
        output.push(-1);
        children[state]!.set(cls, next);
      }
      state = next;
    }
    // Several patterns with the same text (other owners, other flags): all of them are reported,
    // through a chain of states that only carry outputs.
    if (output[state] !== -1) {
      const dup = children.length;
      children.push(new Map());
      output.push(-1);
      duplicateOf.set(dup, state);
      state = dup;
    }
    output[state] = index;
    maxLength = Math.max(maxLength, text.length);
  });

  const stateCount = children.length;
  const fail = new Int32Array(stateCount);
  const outputLink = new Int32Array(stateCount).fill(-1);
  const order: number[] = [];
  const queue: number[] = [0];
  while (queue.length > 0) {
    const state = queue.shift()!;
    order.push(state);
    for (const [cls, child] of children[state]!) {
      let f = fail[state]!;
      if (state === 0) f = 0;
      else {
        while (f !== 0 && !children[f]!.has(cls)) f = fail[f]!;
        f = children[f]!.get(cls) ?? 0;
      }
      fail[child] = f;
      outputLink[child] = output[f] !== -1 ? f : outputLink[f]!;
      queue.push(child);
    }
  }
  // Duplicate owners hang off the state they repeat.
  for (const [dup, original] of duplicateOf) {
    outputLink[dup] = outputLink[original]!;
    outputLink[original] = dup;
  }

  const edgeStart = new Int32Array(stateCount);
  const edgeCount = new Int32Array(stateCount);
  const edgeClass: number[] = [];
  const edgeTarget: number[] = [];
  for (let s = 0; s < stateCount; s++) {
    const entries = [...children[s]!].sort((a, b) => a[0] - b[0]);
    edgeStart[s] = edgeClass.length;
    edgeCount[s] = entries.length;
    for (const [cls, target] of entries) {
      edgeClass.push(cls);
      edgeTarget.push(target);
    }
  }

  const asciiClass = new Int32Array(128);
  const wide: [number, number][] = [];
  for (const [code, cls] of classOf) {
    if (code < 128) asciiClass[code] = cls;
    else wide.push([code, cls]);
  }
  wide.sort((a, b) => a[0] - b[0]);

  return {
    asciiClass,
    wideCodes: Int32Array.from(wide, (w) => w[0]),
    wideClasses: Int32Array.from(wide, (w) => w[1]),
    edgeStart,
    edgeCount,
    edgeClass: Int32Array.from(edgeClass),
    edgeTarget: Int32Array.from(edgeTarget),
    fail,
    output: Int32Array.from(output),
    outputLink,
    patternLength: Int32Array.from(patterns, (p) => p.folded.length + 2),
    patternTarget: Int32Array.from(patterns, (p) => p.target),
    patternFlags: Int32Array.from(patterns, (p) => p.flags),
    maxLength,
  };
}

const ARRAY_KEYS = [
  'asciiClass',
  'wideCodes',
  'wideClasses',
  'edgeStart',
  'edgeCount',
  'edgeClass',
  'edgeTarget',
  'fail',
  'output',
  'outputLink',
  'patternLength',
  'patternTarget',
  'patternFlags',
] as const;

/**
 * Encodes the automaton as a string of 15-bit units (no surrogates, so it survives any message
 * channel): extension messaging copies a string far faster than an array of numbers.
 */
export function encodeAutomaton(automaton: Automaton): string {
  const parts: number[] = [automaton.maxLength];
  for (const key of ARRAY_KEYS) {
    const array = automaton[key];
    parts.push(array.length);
    for (const value of array) parts.push(value + 1); // -1 becomes 0: every stored value is >= 0
  }
  let out = '';
  const chunk: number[] = [];
  for (const value of parts) {
    if (value < 0 || value >= 2 ** 30) throw new RangeError(`automaton value out of range: ${value}`);
    chunk.push(value >>> 15, value & 0x7fff);
    if (chunk.length >= 8192) {
      out += String.fromCharCode(...chunk);
      chunk.length = 0;
    }
  }
  return out + String.fromCharCode(...chunk);
}

/** Reverses encodeAutomaton; throws on a truncated or foreign string. */
export function decodeAutomaton(encoded: string): Automaton {
  let pos = 0;
  const next = (): number => {
    if (pos + 1 >= encoded.length) throw new Error('automaton data is truncated');
    const value = (encoded.charCodeAt(pos) << 15) | encoded.charCodeAt(pos + 1);
    pos += 2;
    return value;
  };
  const maxLength = next();
  const arrays: Partial<Record<(typeof ARRAY_KEYS)[number], Int32Array>> = {};
  for (const key of ARRAY_KEYS) {
    const length = next();
    const array = new Int32Array(length);
    for (let i = 0; i < length; i++) array[i] = next() - 1;
    arrays[key] = array;
  }
  if (pos !== encoded.length) throw new Error('automaton data has trailing bytes');
  return { ...(arrays as Record<(typeof ARRAY_KEYS)[number], Int32Array>), maxLength };
}
