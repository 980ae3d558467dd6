/**
 * Keeps marks in reading order as content arrives, comparing in the DOM only what is new: the marks
 * already placed keep their order, and each new one is placed among them by binary search. Linear in
 * the marks in JavaScript, logarithmic in DOM comparisons per new mark.
 */

/**
 * `items` in order: those with a place in `placed` (their index there) keep it, the others are put
 * where `compare` says among them. `compare` is called about `fresh · log(items)` times at most, and
 * about `fresh + log(items)` times when the new items, in order, all come after the placed ones.
 */
export function mergeIntoOrder<T>(
  items: readonly T[],
  placedIndex: (item: T) => number | undefined,
  compare: (a: T, b: T) => number,
): T[] {
  const known: { item: T; at: number }[] = [];
  const fresh: T[] = [];
  for (const item of items) {
    const at = placedIndex(item);
    if (at === undefined) fresh.push(item);
    else known.push({ item, at });
  }
  if (fresh.length === 0 && isSorted(known)) return known.map((k) => k.item);
  known.sort((a, b) => a.at - b.at);
  const kept = known.map((k) => k.item);
  if (fresh.length === 0) return kept;
  // New marks come in the order they were read, mostly the page's order already: n − 1 comparisons
  // say so, and only marks out of order are sorted.
  if (!isInOrder(fresh, compare)) fresh.sort(compare);
  const out: T[] = [];
  let next = 0;
  let low = 0;
  for (const item of fresh) {
    // The first kept item after `item` (fresh items are sorted, so the search starts where the last ended).
    let high = kept.length;
    // After the last placed item (content appended at the end): one comparison, of neighbours.
    if (low < high && compare(kept[high - 1]!, item) <= 0) low = high;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (compare(kept[mid]!, item) <= 0) low = mid + 1;
      else high = mid;
    }
    while (next < low) out.push(kept[next++]!);
    out.push(item);
  }
  while (next < kept.length) out.push(kept[next++]!);
  return out;
}

function isSorted(known: readonly { at: number }[]): boolean {
  for (let i = 1; i < known.length; i++) if (known[i - 1]!.at > known[i]!.at) return false;
  return true;
}

function isInOrder<T>(items: readonly T[], compare: (a: T, b: T) => number): boolean {
  for (let i = 1; i < items.length; i++) if (compare(items[i - 1]!, items[i]!) > 0) return false;
  return true;
}
