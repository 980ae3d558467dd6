/**
 * Text the background already matched, remembered by the page so that the same text put back (a
 * list re-rendered, a ticker cycling through its values, a framework writing what was there) is
 * marked again without a round trip. Only what one part of the page says by itself is kept: text
 * whose matches tie in with the rest of the page (an incident, a place) is always sent.
 */
import type { TextMention } from '../matching/text-matcher';

/** Texts kept at most, and the longest text kept (longer text is rarely put back whole). */
const MAX_ENTRIES = 500;
const MAX_TEXT = 8_000;

export class JudgedTexts {
  private readonly byText = new Map<string, readonly TextMention[]>();

  /** The mentions found in `text` (positions within it), or undefined if it was never judged. */
  get(context: string, text: string): readonly TextMention[] | undefined {
    const key = `${context}\u0000${text}`;
    const found = this.byText.get(key);
    if (found) {
      // Most recently used last: the oldest goes first when the page keeps bringing new text.
      this.byText.delete(key);
      this.byText.set(key, found);
    }
    return found;
  }

  /**
   * Remembers what the background found in `text` under `context` (what else the page names
   * plainly, which decides guarded names); mentions with positions within `text`.
   */
  set(context: string, text: string, mentions: readonly TextMention[]): void {
    if (text.length > MAX_TEXT || mentions.some(tiedToPage)) return;
    const key = `${context}\u0000${text}`;
    this.byText.delete(key);
    this.byText.set(key, mentions);
    if (this.byText.size > MAX_ENTRIES) this.byText.delete(this.byText.keys().next().value!);
  }

  clear(): void {
    this.byText.clear();
  }
}

/** A mention whose meaning depends on the rest of the page: an incident's name, or a place. */
function tiedToPage(mention: TextMention): boolean {
  return mention.type === 'incident' || mention.kind === 'place';
}
