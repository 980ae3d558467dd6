// A `<br>` in a quote: the text model gives it no character, a quote gives it a space (as Hypothesis's do; notes saved before have none); a span of the text holds a quote written either way.
import type { TextModel } from './text-position';

/** Index of the first of the ascending `breaks` at or after `offset` (their length if none). */
function firstBreakFrom(breaks: readonly number[], offset: number): number {
  let lo = 0;
  let hi = breaks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (breaks[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Whether the model's text from `start` to `end` is the quote `exact`: as ClaimLens writes it (the text's own
 * characters; a `<br>` adds none, as in `textContent`) or as Hypothesis's client writes it (a space for each
 * `<br>` inside the passage, and for one at either edge when the selection took it in).
 */
export function holdsQuote(model: TextModel, start: number, end: number, exact: string): boolean {
  const { text, breaks } = model;
  if (end - start === exact.length && text.startsWith(exact, start)) return true;
  let i = firstBreakFrom(breaks, start);
  if (i === breaks.length || breaks[i]! > end) return false;
  let leading = 0;
  for (; i < breaks.length && breaks[i] === start && start < end; i++) leading++;
  const parts: string[] = [];
  let from = start;
  for (; i < breaks.length && breaks[i]! < end; i++) {
    parts.push(text.slice(from, breaks[i]), ' ');
    from = breaks[i]!;
  }
  parts.push(text.slice(from, end));
  let trailing = 0;
  for (; i < breaks.length && breaks[i] === end; i++) trailing++;
  const inner = parts.join('');
  for (let lead = 0; lead <= leading; lead++) {
    for (let trail = 0; trail <= trailing; trail++) {
      if (
        exact.length === lead + inner.length + trail &&
        exact.startsWith(inner, lead) &&
        /^ *$/.test(exact.slice(0, lead) + exact.slice(lead + inner.length))
      ) {
        return true;
      }
    }
  }
  return false;
}

/**
 * The quote of the model's text from `start` to `end` as a reader sees it: a space for each `<br>` inside
 * it, where the text has no character (written as Hypothesis writes its quotes, so that `holdsQuote` reads
 * it back at the same place), so that words on either side of a line break stay two words wherever the
 * quote goes (a link's text fragment, an export, a search). A `<br>` at either edge adds nothing.
 */
export function quoteOf(model: TextModel, start: number, end: number): string {
  const { text, breaks } = model;
  const parts: string[] = [];
  let from = start;
  for (let i = firstBreakFrom(breaks, start + 1); i < breaks.length && breaks[i]! < end; i++) {
    parts.push(text.slice(from, breaks[i]), ' ');
    from = breaks[i]!;
  }
  parts.push(text.slice(from, end));
  return parts.join('');
}
