// Edit distances that verify approximate matches: between two strings, and of a pattern against a text's start or end.

/** Past this many DP cells an exact distance costs more than it is worth; callers get an upper bound instead. */
export const MAX_DP_CELLS = 1_000_000;

/** Levenshtein distance, or max(a.length, b.length) (never an underestimate) when the strings are too long to compare. */
export function editDistance(a: string, b: string, maxCells = MAX_DP_CELLS): number {
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
  if (x.length === 0) return y.length;
  if (y.length === 0) return x.length;
  if (x.length * y.length > maxCells) return Math.max(x.length, y.length);
  let prev = new Uint32Array(y.length + 1);
  let next = new Uint32Array(y.length + 1);
  for (let j = 0; j <= y.length; j++) prev[j] = j;
  for (let i = 1; i <= x.length; i++) {
    next[0] = i;
    const c = x.charCodeAt(i - 1);
    for (let j = 1; j <= y.length; j++) {
      const substitution = prev[j - 1]! + (c === y.charCodeAt(j - 1) ? 0 : 1);
      next[j] = Math.min(substitution, prev[j]! + 1, next[j - 1]! + 1);
    }
    [prev, next] = [next, prev];
  }
  return prev[y.length]!;
}

/**
 * Fewest edits that turn `pattern` into some start `text[0..end)` of the text, and that end (the one
 * nearest the pattern's length among equals). Too large to compare: every pattern character counts as an error.
 */
export function alignToStart(
  pattern: string,
  text: string,
  maxCells = MAX_DP_CELLS,
): { errors: number; end: number } {
  if (text.startsWith(pattern)) return { errors: 0, end: pattern.length };
  if (pattern.length === 0) return { errors: 0, end: 0 };
  if (pattern.length * text.length > maxCells) return { errors: pattern.length, end: 0 };
  let prev = new Uint32Array(text.length + 1);
  let next = new Uint32Array(text.length + 1);
  for (let j = 0; j <= text.length; j++) prev[j] = j;
  for (let i = 1; i <= pattern.length; i++) {
    next[0] = i;
    const c = pattern.charCodeAt(i - 1);
    for (let j = 1; j <= text.length; j++) {
      const substitution = prev[j - 1]! + (c === text.charCodeAt(j - 1) ? 0 : 1);
      next[j] = Math.min(substitution, prev[j]! + 1, next[j - 1]! + 1);
    }
    [prev, next] = [next, prev];
  }
  let best = { errors: pattern.length, end: 0 };
  for (let j = 0; j <= text.length; j++) {
    const errors = prev[j]!;
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
  maxCells = MAX_DP_CELLS,
): { errors: number; start: number } {
  if (text.endsWith(pattern)) return { errors: 0, start: text.length - pattern.length };
  if (pattern.length * text.length > maxCells) return { errors: pattern.length, start: text.length };
  const { errors, end } = alignToStart(reversed(pattern), reversed(text), maxCells);
  return { errors, start: text.length - end };
}
