// Describes a selected passage so it can be found again, and finds it again on a page that may have changed since.
import { compact, compactText, isSpace, spaceRunLength, type CompactText } from './compact-text';
import { holdsQuote, quoteOf } from './line-breaks';
import { findQuote, insideWord } from './quote-match';
import { describeRange, isRangeSelector, resolveRange } from './range-selector';
import { buildTextModel, offsetsInModel, rangeFromModel, type TextModel } from './text-position';
import type { AnchorOptions, AnchorResult, Selector, TextPositionSelector, TextQuoteSelector } from './types';

export type * from './types';
export {
  textOf,
  rangeFromOffsets,
  offsetsOfRange,
  buildTextModel,
  rangeFromModel,
  offsetsInModel,
  EXCLUDED_ELEMENTS,
} from './text-position';
export type { TextModel } from './text-position';

/** Below this score a match is not trusted: the note is an orphan rather than drawn in a doubtful place. */
export const MIN_ANCHOR_SCORE = 0.75;
/** Characters of context stored on each side of a passage. */
export const CONTEXT_LENGTH = 32;

/** Anchors many notes against one reading of a page; stale once the page's DOM changes. */
export interface Anchorer {
  readonly model: TextModel;
  describe(range: Range): Selector[];
  anchor(selectors: readonly Selector[], options?: AnchorOptions): AnchorResult | null;
}

// Selectors come back from storage: anything malformed is ignored rather than trusted.
function isQuoteSelector(s: unknown): s is TextQuoteSelector {
  const q = s as Partial<TextQuoteSelector> | null;
  return (
    typeof q === 'object' &&
    q !== null &&
    q.type === 'TextQuoteSelector' &&
    typeof q.exact === 'string' &&
    (q.prefix === undefined || typeof q.prefix === 'string') &&
    (q.suffix === undefined || typeof q.suffix === 'string')
  );
}

function isPositionSelector(s: unknown): s is TextPositionSelector {
  const p = s as Partial<TextPositionSelector> | null;
  return (
    typeof p === 'object' &&
    p !== null &&
    p.type === 'TextPositionSelector' &&
    Number.isInteger(p.start) &&
    Number.isInteger(p.end) &&
    p.start! >= 0 &&
    p.end! >= p.start!
  );
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;
const COMBINING_MARK = /\p{M}/u;

/** Context that does not cut a surrogate pair in half, which would store an unpaired code unit. */
function context(text: string, start: number, end: number): string {
  if (start > 0 && start < end && isLowSurrogate(text.charCodeAt(start))) start++;
  if (end < text.length && end > start && isHighSurrogate(text.charCodeAt(end - 1))) end--;
  return text.slice(start, end);
}

/** Widens an approximate match so it neither splits a surrogate pair nor leaves a letter's marks behind (Arabic vowels). */
function snapToCharacters(text: string, start: number, end: number): [number, number] {
  while (start > 0 && (isLowSurrogate(text.charCodeAt(start)) || COMBINING_MARK.test(text[start]!))) start--;
  while (end < text.length && (isLowSurrogate(text.charCodeAt(end)) || COMBINING_MARK.test(text[end]!))) {
    end++;
  }
  return [start, end];
}

/** Source offsets of a compact match, widened by the whitespace the stored quote began or ended with. */
function sourceSpan(
  text: string,
  page: CompactText,
  start: number,
  end: number,
  exact: string,
  approximate: boolean,
): [number, number] {
  let from = page.origin[start]!;
  let to = page.origin[end - 1]! + 1;
  if (approximate) [from, to] = snapToCharacters(text, from, to);
  for (let n = spaceRunLength(exact, false); n > 0 && from > 0 && isSpace(text.charCodeAt(from - 1)); n--)
    from--;
  for (let n = spaceRunLength(exact, true); n > 0 && to < text.length && isSpace(text.charCodeAt(to)); n--)
    to++;
  return [from, to];
}

export function createAnchorer(root: Node): Anchorer {
  const model = buildTextModel(root);
  // Built on first need: a page whose notes all sit where they were never pays for it.
  let compactView: CompactText | null = null;
  const page = () => (compactView ??= compactText(model.text, model.breaks));

  return {
    model,

    describe(range: Range): Selector[] {
      if (range.collapsed) throw new Error('Cannot describe a collapsed range: select some text first.');
      const inside = (node: Node) => node === root || root.contains(node);
      if (!inside(range.startContainer) || !inside(range.endContainer)) {
        throw new Error('Cannot describe a range that is not inside the root.');
      }
      const { start, end } = offsetsInModel(model, range);
      if (start === end) {
        throw new Error(
          'Cannot describe a range without text (only script, style, form or ClaimLens UI content).',
        );
      }
      const text = model.text;
      return [
        {
          type: 'TextQuoteSelector',
          // A space where a line breaks (`<br>`): the words on either side are two words to a reader.
          exact: quoteOf(model, start, end),
          prefix: context(text, Math.max(0, start - CONTEXT_LENGTH), start),
          suffix: context(text, end, Math.min(text.length, end + CONTEXT_LENGTH)),
        },
        { type: 'TextPositionSelector', start, end },
        // Other tools (Hypothesis first) anchor by it; left out where it cannot be written exactly.
        ...[describeRange(root, rangeFromModel(model, start, end))].filter((r) => r !== null),
      ];
    },

    anchor(selectors: readonly Selector[], options: AnchorOptions = {}): AnchorResult | null {
      const minScore = options.minScore ?? MIN_ANCHOR_SCORE;
      const quote = selectors.find(isQuoteSelector);
      const position = selectors.find(isPositionSelector);
      // A position alone cannot be checked against the page, and an unchecked place may be the wrong one.
      if (quote === undefined || quote.exact.length === 0) return null;
      const text = model.text;

      // A quote from Hypothesis has a space for each `<br>` the text has none for: both read as the same passage.
      if (
        position !== undefined &&
        position.end <= text.length &&
        holdsQuote(model, position.start, position.end, quote.exact)
      ) {
        return { range: rangeFromModel(model, position.start, position.end), method: 'position', score: 1 };
      }

      // The elements a RangeSelector names, if they still hold the exact quote (as Hypothesis checks it).
      const named = selectors.find(isRangeSelector);
      const inRange = named && resolveRange(root, named);
      if (inRange) {
        let found: { start: number; end: number } | undefined;
        try {
          found = offsetsInModel(model, inRange);
        } catch {
          found = undefined; // outside the root
        }
        if (found && holdsQuote(model, found.start, found.end, quote.exact)) {
          return { range: rangeFromModel(model, found.start, found.end), method: 'range', score: 1 };
        }
      }

      const prefix = quote.prefix ?? '';
      const suffix = quote.suffix ?? '';
      const found = findQuote(
        page(),
        text,
        {
          quote: compact(quote.exact),
          prefix: compact(prefix),
          suffix: compact(suffix),
          position: position?.start,
          wordStart: !insideWord(prefix + quote.exact, prefix.length),
          wordEnd: !insideWord(quote.exact + suffix, quote.exact.length),
        },
        minScore,
      );
      if (found === null) return null;
      const [start, end] = sourceSpan(text, page(), found.start, found.end, quote.exact, !found.exact);
      return {
        range: rangeFromModel(model, start, end),
        method: found.exact ? 'quote' : 'fuzzy',
        score: found.score,
      };
    },
  };
}

/** Selectors for the passage `range` covers: its quote with context, and its position. */
export function describe(root: Node, range: Range): Selector[] {
  return createAnchorer(root).describe(range);
}

/** Finds a described passage again, or null when it cannot be found with confidence (an orphan). */
/** Finds a passage again: how it was found and how sure, or null for an orphan. */
export function locate(
  root: Node,
  selectors: readonly Selector[],
  options?: AnchorOptions,
): AnchorResult | null {
  return createAnchorer(root).anchor(selectors, options);
}

/** Finds a passage again: its range, or null for an orphan (never a guess below the minimum score). */
export function anchor(root: Node, selectors: readonly Selector[], options?: AnchorOptions): Range | null {
  return locate(root, selectors, options)?.range ?? null;
}

/** Anchors every note's selectors against one reading of the page, in order. */
export function anchorAll(
  root: Node,
  list: readonly (readonly Selector[])[],
  options?: AnchorOptions,
): (AnchorResult | null)[] {
  const anchorer = createAnchorer(root);
  return list.map((selectors) => anchorer.anchor(selectors, options));
}
