/**
 * The page's cheap passes: does a piece of text hold any word of a given set? Runs on native string
 * operations (lower-casing, splitting, a Set), so text that names nothing costs little even before
 * the JavaScript engine has warmed up.
 */
import { foldText } from './normalise';

const ASCII_SEPARATORS = /[^a-z0-9\u0080-\uffff]+/;
const CASED_SEPARATORS = /[^A-Za-z0-9]+/;
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
    const parts = text.toLowerCase().split(ASCII_SEPARATORS);
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

  /** Whether `text` holds one of the words exactly as written (ASCII words, case kept). */
  inTextExactly(text: string): boolean {
    const words = this.words;
    if (words.size === 0) return false;
    const parts = text.split(CASED_SEPARATORS);
    for (let i = 0; i < parts.length; i++) if (words.has(parts[i]!)) return true;
    return false;
  }
}

/** Whether a page's text can name anything at all: one pass over its text, before any walk. */
export class PageGate {
  private readonly keys: Set<string>;
  private readonly exact: WordSet;
  private readonly phrases: string[];
  private readonly groups: string[][];
  private readonly groupWords: Set<string>;

  /** Lists one a line, as MatcherBundle holds them. */
  constructor(lists: { keyWords: string; exactKeyWords: string; keyPhrases: string; keyGroups: string }) {
    this.keys = new Set(lists.keyWords.split('\n').filter(Boolean));
    this.exact = new WordSet(lists.exactKeyWords);
    this.phrases = lists.keyPhrases.split('\n').filter(Boolean);
    this.groups = lists.keyGroups
      .split('\n')
      .filter(Boolean)
      .map((g) => g.split(' '));
    this.groupWords = new Set(this.groups.flat());
  }

  mayName(text: string): boolean {
    if (this.exact.inTextExactly(text) || this.phrases.some((p) => text.includes(p))) return true;
    const { keys, groupWords } = this;
    const seen = new Set<string>();
    const look = (word: string) => {
      if (keys.has(word)) return true;
      if (groupWords.has(word)) seen.add(word);
      return false;
    };
    const parts = text.toLowerCase().split(ASCII_SEPARATORS);
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i]!;
      if (look(part)) return true;
      if (part.length > 0 && NON_ASCII.test(part)) {
        for (const word of foldText(part).split(' ')) if (look(word)) return true;
      }
    }
    return seen.size > 0 && this.groups.some((group) => group.every((w) => seen.has(w)));
  }
}
