/**
 * Two independent 30-bit hashes of a folded word, updated one code unit at a time so the page
 * scanner never builds a string. Together they make a 60-bit key: collisions are not a practical risk.
 */

export const HASH1_SEED = 0x2f1a5c3b;
export const HASH2_SEED = 0x1b873593;

export function stepHash1(h: number, code: number): number {
  return Math.imul(h ^ code, 0x01000193);
}

export function stepHash2(h: number, code: number): number {
  const x = Math.imul(h + code, 0x5bd1e995);
  return x ^ (x >>> 13);
}

export function finishHash(h: number): number {
  const x = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  return (x ^ (x >>> 13)) & 0x3fffffff;
}

/** Hashes of one folded word (no separators inside). */
export function hashWord(word: string): [number, number] {
  let h1 = HASH1_SEED;
  let h2 = HASH2_SEED;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    h1 = stepHash1(h1, c);
    h2 = stepHash2(h2, c);
  }
  return [finishHash(h1), finishHash(h2)];
}

/** Slot of a transition in the open-addressed table. */
export function slotOf(state: number, h1: number, mask: number): number {
  return (Math.imul(state + 1, 0x9e3779b1) ^ h1) & mask;
}
