// Search terms for notes: the folded words a note is indexed under, and how a typed query is read.
import { SEP, foldCode, foldText } from '../matching/normalise';

/** Shortest word that is indexed (one-letter words would match almost every note). */
export const MIN_TERM_LENGTH = 2;
/** Longer words (URLs, hashes) are indexed by their first characters only, to keep the index small. */
export const MAX_TERM_LENGTH = 64;

/** What a note is indexed under: its text, its quote, its tags, its page's title and site. */
export interface TermSource {
  text: string;
  selectors: { quote: { exact: string } };
  tags: readonly string[];
  pageTitle: string;
  site: string;
}

function foldedWords(text: string): string[] {
  const folded = foldText(text);
  return folded === '' ? [] : folded.split(' ').map((word) => word.slice(0, MAX_TERM_LENGTH));
}

/** Unique folded words (lower case, accents removed, at least two characters) of a note's searchable parts. */
export function termsOf(note: TermSource): string[] {
  const terms = new Set<string>();
  for (const part of [note.text, note.selectors.quote.exact, ...note.tags, note.pageTitle, note.site]) {
    for (const word of foldedWords(part)) if (word.length >= MIN_TERM_LENGTH) terms.add(word);
  }
  return [...terms];
}

/** The folded words of a query, in order, without repeats. */
export function queryTerms(query: string): string[] {
  return [...new Set(foldedWords(query))];
}

/** How a query is looked up: every `exact` word must be a term, and some term must start with `prefix`. */
export interface SearchPlan {
  exact: string[];
  prefix?: string;
}

/**
 * Reads a query typed into a search-as-you-type box: the last word is a prefix ("zak" finds "Zakura") unless
 * the query ends with a space or punctuation (the word is finished); the other words must match whole.
 * Finished one-letter words are dropped (they are not indexed). An empty plan means "no query".
 */
export function searchPlan(query: string): SearchPlan {
  const words = queryTerms(query);
  const finished = words.length === 0 || foldCode(query.charCodeAt(query.length - 1)) === SEP;
  const prefix = finished ? undefined : words.pop();
  const exact = words.filter((word) => word.length >= MIN_TERM_LENGTH);
  return prefix === undefined ? { exact } : { exact, prefix };
}
