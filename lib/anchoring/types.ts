// Shapes of stored highlight anchors (W3C Web Annotation selectors) and of the result of re-anchoring one.

/** The passage's text and a little of the text on each side, so it can be found again after edits. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/** UTF-16 offsets into the root's text as text-position.ts defines it. */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export type { RangeSelector } from './range-selector';
import type { RangeSelector } from './range-selector';

export type Selector = TextQuoteSelector | TextPositionSelector | RangeSelector;

/**
 * Where a passage was found again. `position`: at its stored offsets, unchanged; `range`: in the elements
 * its RangeSelector names, with its exact text; `quote`: its exact text elsewhere; `fuzzy`: an approximate
 * match. `score` (0..1) is how sure the match is.
 */
export interface AnchorResult {
  range: Range;
  method: 'position' | 'range' | 'quote' | 'fuzzy';
  score: number;
}

export interface AnchorOptions {
  /** Matches scoring below this are orphans. Defaults to `MIN_ANCHOR_SCORE`. */
  minScore?: number;
}
