/**
 * The page's cheap passes: does a piece of text hold any word of a given set? Runs on native string
 * operations (lower-casing, splitting, a Set), so text that names nothing costs little even before
 * the JavaScript engine has warmed up.
 */
import { foldText } from './normalise';

// Separators for a native split: ASCII punctuation and spaces, Latin-1 punctuation, and the General
// Punctuation block (curly quotes, dashes, no-break and thin spaces), so that English text needs no
// folding in JavaScript at all. Other characters stay in words and are folded where they appear.
const SEPARATORS = /[^A-Za-z0-9\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u1fff\u2070-\uffff]+/;
const NON_ASCII = /[\u0080-\uffff]/;

export class WordSet {
  private readonly words: Set<string>;

  /** `list`: folded words, one a line. */
  constructor(list: string) {
    this.words = new Set(list.split('\n').filter(Boolean));
  }

  get size(): number {
    return this.words.size;
  }

  /** Whether `text` holds one of the words, compared folded (case, accents, apostrophes). */
  inText(text: string): boolean {
    const words = this.words;
    if (words.size === 0) return false;
    const parts = text.toLowerCase().split(SEPARATORS);
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i]!;
      if (words.has(part)) return true;
      // Accents, other scripts, curly apostrophes: fold, then look at each word inside.
      if (part.length > 0 && NON_ASCII.test(part)) {
        for (const word of foldText(part).split(' ')) if (words.has(word)) return true;
      }
    }
    return false;
  }
}

/** Whether a page's text can name anything at all: one pass over its text, before any walk. */
export class PageGate {
  private readonly keys: Set<string>;
  private readonly exactWords: Set<string>;
  private readonly phrases: string[];
  private readonly groups: string[][];
  private readonly groupWords: Set<string>;

  /** Lists one a line, as MatcherBundle holds them. */
  constructor(lists: { keyWords: string; exactKeyWords: string; keyPhrases: string; keyGroups: string }) {
    this.keys = new Set(lists.keyWords.split('\n').filter(Boolean));
    this.exactWords = new Set(lists.exactKeyWords.split('\n').filter(Boolean));
    this.phrases = lists.keyPhrases.split('\n').filter(Boolean);
    this.groups = lists.keyGroups
      .split('\n')
      .filter(Boolean)
      .map((g) => g.split(' '));
    this.groupWords = new Set(this.groups.flat());
  }

  mayName(text: string): boolean {
    const seen = new Set<string>();
    return this.piece(text, seen) || this.groupsSeen(seen);
  }

  /**
   * The same, a piece at a time (cut at white space), pausing between pieces: a long page's text is
   * never checked in one long task.
   */
  async mayNameInSlices(text: string, pause: () => Promise<void>, pieceLength = 40_000): Promise<boolean> {
    const seen = new Set<string>();
    for (let start = 0; start < text.length;) {
      let end = Math.min(text.length, start + pieceLength);
      while (end < text.length && !/\s/.test(text.charAt(end))) end++;
      if (this.piece(text.slice(start, end), seen)) return true;
      start = end;
      if (start < text.length) await pause();
    }
    return this.groupsSeen(seen);
  }

  private groupsSeen(seen: ReadonlySet<string>): boolean {
    return seen.size > 0 && this.groups.some((group) => group.every((w) => seen.has(w)));
  }

  private piece(text: string, seen: Set<string>): boolean {
    if (this.phrases.some((p) => text.includes(p))) return true;
    const { keys, groupWords, exactWords } = this;
    const look = (word: string) => {
      if (keys.has(word)) return true;
      if (groupWords.has(word)) seen.add(word);
      return false;
    };
    // One split of the text as written: exact keys compare as written, the others lower-cased.
    const parts = text.split(SEPARATORS);
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i]!;
      if (part.length === 0) continue;
      if (exactWords.has(part) || look(part.toLowerCase())) return true;
      if (NON_ASCII.test(part)) {
        for (const word of foldText(part).split(' ')) if (look(word)) return true;
      }
    }
    return false;
  }
}
