// Edit distances that verify approximate matches: between two strings, and of a pattern against a text's start or end.

/** Past this many DP cells an exact distance costs more than it is worth; callers get an upper bound instead. */
export const MAX_DP_CELLS = 1_000_000;

/**
 * One DP over `pattern` (rows) and `text` (columns), only within `bound` of the diagonal: cells further
 * out cost more than `bound` anyway. Returns the last row (values above `bound` clamped to bound + 1),
 * or null as soon as a whole row exceeds `bound`, since no alignment can come back under it.
 */
function lastRow(pattern: string, text: string, bound: number): Uint32Array | null {
  const m = pattern.length;
  const n = text.length;
  const over = bound + 1;
  let prev = new Uint32Array(n + 1);
  let next = new Uint32Array(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = Math.min(j, over);
  for (let i = 1; i <= m; i++) {
    const lo = Math.max(0, i - bound);
    const hi = Math.min(n, i + bound);
    let rowMin = over;
    if (lo === 0) {
      next[0] = Math.min(i, over);
      rowMin = next[0];
    } else {
      next[lo - 1] = over;
    }
    const c = pattern.charCodeAt(i - 1);
    for (let j = Math.max(1, lo); j <= hi; j++) {
      const substitution = prev[j - 1]! + (c === text.charCodeAt(j - 1) ? 0 : 1);
      const v = Math.min(substitution, prev[j]! + 1, next[j - 1]! + 1, over);
      next[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (hi < n) next[hi + 1] = over;
    if (rowMin > bound) return null;
    [prev, next] = [next, prev];
  }
  return prev;
}

/**
 * Levenshtein distance. Above `bound` the answer is only "more than `bound`" (some value > bound); when
 * the strings are too long to compare it is max(a.length, b.length), never an underestimate.
 */
export function editDistance(a: string, b: string, bound = Infinity, maxCells = MAX_DP_CELLS): number {
  if (a === b) return 0;
  // Edits are usually local: the shared start and end cost nothing and shrink the table.
  let head = 0;
  const shortest = Math.min(a.length, b.length);
  while (head < shortest && a.charCodeAt(head) === b.charCodeAt(head)) head++;
  let tail = 0;
  while (tail < shortest - head && a.charCodeAt(a.length - 1 - tail) === b.charCodeAt(b.length - 1 - tail)) {
    tail++;
  }
  const x = a.slice(head, a.length - tail);
  const y = b.slice(head, b.length - tail);
  const limit = Math.min(bound, Math.max(x.length, y.length));
  if (x.length === 0 || y.length === 0 || Math.abs(x.length - y.length) > limit) {
    return Math.max(x.length, y.length);
  }
  if (x.length * Math.min(y.length, 2 * limit + 1) > maxCells) return Math.max(x.length, y.length);
  const row = lastRow(x, y, limit);
  return row === null ? limit + 1 : row[y.length]!;
}

/**
 * Fewest edits that turn `pattern` into some start `text[0..end)` of the text, and that end (the one
 * nearest the pattern's length among equals). Above `bound` (or when too large to compare) every
 * pattern character counts as an error.
 */
export function alignToStart(
  pattern: string,
  text: string,
  bound = Infinity,
  maxCells = MAX_DP_CELLS,
): { errors: number; end: number } {
  if (text.startsWith(pattern)) return { errors: 0, end: pattern.length };
  const giveUp = { errors: pattern.length, end: 0 };
  if (pattern.length === 0) return giveUp;
  const limit = Math.min(bound, pattern.length);
  if (pattern.length * Math.min(text.length + 1, 2 * limit + 1) > maxCells) return giveUp;
  const row = lastRow(pattern, text, limit);
  if (row === null) return giveUp;
  let best = giveUp;
  for (let j = 0; j <= text.length; j++) {
    const errors = row[j]!;
    if (
      errors < best.errors ||
      (errors === best.errors && Math.abs(j - pattern.length) < Math.abs(best.end - pattern.length))
    ) {
      best = { errors, end: j };
    }
  }
  return best;
}

function reversed(text: string): string {
  // Code units, not code points: both sides are reversed alike, so distances are unchanged.
  let out = '';
  for (let i = text.length - 1; i >= 0; i--) out += text[i];
  return out;
}

/** Fewest edits that turn `pattern` into some end `text[start..)` of the text, and that start. */
export function alignToEnd(
  pattern: string,
  text: string,
  bound = Infinity,
  maxCells = MAX_DP_CELLS,
): { errors: number; start: number } {
  if (text.endsWith(pattern)) return { errors: 0, start: text.length - pattern.length };
  const limit = Math.min(bound, pattern.length);
  if (pattern.length * Math.min(text.length + 1, 2 * limit + 1) > maxCells) {
    return { errors: pattern.length, start: text.length };
  }
  const { errors, end } = alignToStart(reversed(pattern), reversed(text), bound, maxCells);
  return { errors, start: text.length - end };
}
