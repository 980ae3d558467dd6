// Finds the tab that shows a note's page, or the address to open it at: the background's half of
// "open a note on its page" from the popup.
import type { Note } from './note-types';
import { normalizeUrl, pageKeyFor } from './page-identity';

/** Whether a tab's page is the note's page: same key, or an address the page was seen under. */
export function showsNotePage(
  address: { url: string; canonical?: string },
  note: Pick<Note, 'pageKey'>,
  aliases: readonly string[],
): boolean {
  try {
    if (pageKeyFor(address) === note.pageKey) return true;
    return aliases.includes(normalizeUrl(address.url));
  } catch {
    return false; // not a web page
  }
}

/**
 * The note's address with a text fragment (`#:~:text=`) for its first words: where ClaimLens cannot
 * find the passage again, the browser may still scroll to it.
 */
export function addressWithFragment(note: Pick<Note, 'url' | 'selectors'>): string {
  const words = note.selectors.quote.exact.trim().split(/\s+/).slice(0, 8).join(' ');
  const url = new URL(note.url);
  url.hash = '';
  return words ? `${url.href}#:~:text=${encodeURIComponent(words).replace(/-/g, '%2D')}` : url.href;
}
