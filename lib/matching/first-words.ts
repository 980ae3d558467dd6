/**
 * The page's cheap first pass: does a piece of text hold the first word of any alias? Runs on
 * native string operations (lower-casing, splitting, a Set), so text that names nothing costs
 * little even before the JavaScript engine has warmed up.
 */
import { foldText } from './normalise';

const ASCII_SEPARATORS = /[^a-z0-9\u0080-\uffff]+/;
const NON_ASCII = /[\u0080-\uffff]/;

export class FirstWords {
  private readonly words: Set<string>;

  /** `list`: folded first words, one a line (MatcherBundle.firstWords). */
  constructor(list: string) {
    this.words = new Set(list.split('\n').filter(Boolean));
  }

  /** Whether `text` holds a word that begins some alias. */
  inText(text: string): boolean {
    const words = this.words;
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
}
