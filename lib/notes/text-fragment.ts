// A link that opens a note's passage highlighted in the browser: its address with a text fragment (`#:~:text=`).
import { safeHttpUrl } from '../safe-url';
import type { Note } from './note-types';

/** Quotes up to this many words go whole into the fragment; longer ones as their first and last words. */
const WHOLE_QUOTE_WORDS = 10;
const EDGE_WORDS = 4;

/** A fragment term: percent-encoded, with `-`, `,` and `&` escaped too (they are the directive's syntax). */
function term(words: readonly string[]): string {
  return encodeURIComponent(words.join(' ')).replace(/-/g, '%2D');
}

/**
 * The note's address with a text fragment that selects the whole passage (Chromium, Safari 16.1+, Firefox
 * 131+): `text=quote` for short passages, `text=start,end` (first and last words) for long ones, so the link
 * stays short and still marks all of it. Browsers match fragments on whole words with whitespace collapsed,
 * like the quote itself. The page's own `#fragment` is dropped (a text directive replaces it). Undefined for
 * addresses that are not http(s).
 */
export function textFragmentLink(note: Pick<Note, 'url' | 'selectors'>): string | undefined {
  const href = safeHttpUrl(note.url);
  if (href === undefined) return undefined;
  const url = new URL(href);
  url.hash = '';
  const words = note.selectors.quote.exact.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return url.href;
  const directive =
    words.length <= WHOLE_QUOTE_WORDS
      ? term(words)
      : `${term(words.slice(0, EDGE_WORDS))},${term(words.slice(-EDGE_WORDS))}`;
  return `${url.href}#:~:text=${directive}`;
}
