/**
 * Finds alias matches in the visible text under a root, in slices that keep the main thread free,
 * and turns each match into a DOM range with the text around it.
 */
import type { WordSet } from '../matching/first-words';
import { StreamMatcher, type PackedAutomaton } from '../matching/stream-matcher';
import { VisibleTextWalker } from './visible-text';

export interface FoundMatch {
  pattern: number;
  /** Position in the text of this scan (for ordering and overlaps within it). */
  start: number;
  end: number;
  range: Range;
  /** The matched text as the page writes it. */
  text: string;
  /** Up to 40 characters of the text before and after it, in the same block. */
  before: string;
  after: string;
  /** Where options.wantsContext asks: about 700 characters around it, blocks on lines of their own. */
  context?: { text: string; offset: number };
}

const CONTEXT_RADIUS = 350;
const HEAD_LENGTH = 2000;

export interface ScanStats {
  textNodes: number;
  characters: number;
  /** The first 2,000 characters of text, blocks on lines of their own (for a dateline). */
  head: string;
  /** Main-thread time the scan took, without the pauses it gave the page, and its longest slice. */
  busyMs: number;
  longestSliceMs: number;
}

export interface ScanOptions {
  /** Longest stretch of work before yielding to the page, in ms. */
  sliceMs?: number;
  /** Called between slices; resolves when the page may be worked on again. */
  yieldToPage?: () => Promise<void>;
  /** Stops the scan early (the extension was reloaded, the page left). */
  signal?: AbortSignal;
  /** Patterns whose matches need the text around them (places and incident names). */
  wantsContext?: (pattern: number) => boolean;
  /** Text nodes holding none of these words are not fed to the automaton (while no alias is under way). */
  firstWords?: WordSet;
  /** Drops a raw match before any range is made for it (letter case of acronyms). */
  accept?: (pattern: number, text: string) => boolean;
}

const NODES_PER_CHECK = 64;

export async function scanForMatches(
  root: Node,
  automaton: PackedAutomaton,
  options: ScanOptions = {},
): Promise<{ matches: FoundMatch[]; stats: ScanStats }> {
  const firstWords = options.firstWords;
  const nodes: Text[] = [];
  const starts: number[] = [];
  /** Whether a block boundary comes before node i. */
  const blockStarts: boolean[] = [];
  let pendingBreak = false;
  let head = '';
  let offset = 0;
  const raw: { pattern: number; start: number; end: number }[] = [];
  const matcher = new StreamMatcher(automaton, (pattern, start, end) => raw.push({ pattern, start, end }));
  const walker = new VisibleTextWalker(root, {
    text(node) {
      const data = node.data;
      if (data.length === 0) return;
      nodes.push(node);
      starts.push(offset);
      blockStarts.push(pendingBreak);
      if (head.length < HEAD_LENGTH) head += (pendingBreak ? '\n' : '') + data.slice(0, HEAD_LENGTH);
      pendingBreak = false;
      if (!firstWords || !matcher.isIdle() || firstWords.inText(data)) matcher.feed(data, offset);
      offset += data.length;
    },
    boundary() {
      matcher.boundary();
      pendingBreak = true;
    },
  });

  const sliceMs = options.sliceMs ?? 8;
  let sliceStart = performance.now();
  let busyMs = 0;
  let longestSliceMs = 0;
  const endSlice = () => {
    const slice = performance.now() - sliceStart;
    busyMs += slice;
    longestSliceMs = Math.max(longestSliceMs, slice);
  };
  while (walker.next(NODES_PER_CHECK)) {
    if (options.signal?.aborted) break;
    if (options.yieldToPage && performance.now() - sliceStart > sliceMs) {
      endSlice();
      await options.yieldToPage();
      if (options.signal?.aborted) break;
      sliceStart = performance.now();
    }
  }
  matcher.boundary();

  const doc = root.ownerDocument ?? (root as Document);
  const locate = (position: number, isEnd: boolean): number => {
    // Last node starting at or before the position (for an end, strictly before it).
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (isEnd ? starts[mid]! < position : starts[mid]! <= position) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const textBetween = (from: number, to: number, lineBreaks = false): string => {
    let out = '';
    from = Math.max(0, from);
    to = Math.min(offset, to);
    if (from >= to) return out;
    let index = locate(from, false);
    let at = from - starts[index]!;
    let remaining = to - from;
    while (remaining > 0 && index < nodes.length) {
      const piece = nodes[index]!.data.slice(at, at + remaining);
      out += piece;
      remaining -= piece.length;
      index++;
      at = 0;
      if (lineBreaks && remaining > 0 && blockStarts[index]) out += '\n';
    }
    return out;
  };

  const contextAround = (start: number, end: number) => {
    const before = textBetween(start - CONTEXT_RADIUS, start, true);
    return { text: before + textBetween(start, end + CONTEXT_RADIUS, true), offset: before.length };
  };

  const matches: FoundMatch[] = [];
  for (const { pattern, start, end } of raw) {
    const text = textBetween(start, end);
    if (options.accept && !options.accept(pattern, text)) continue;
    const first = locate(start, false);
    const last = locate(end, true);
    const startNode = nodes[first]!;
    const endNode = nodes[last]!;
    const startOffset = start - starts[first]!;
    const endOffset = end - starts[last]!;
    if (!startNode.isConnected || !endNode.isConnected) continue;
    const range = doc.createRange();
    range.setStart(startNode, startOffset);
    range.setEnd(endNode, endOffset);
    matches.push({
      pattern,
      start,
      end,
      range,
      text,
      before: textBetween(start - 40, start, true)
        .split('\n')
        .pop()!,
      after: textBetween(end, end + 40, true).split('\n')[0]!,
      context: options.wantsContext?.(pattern) ? contextAround(start, end) : undefined,
    });
  }
  endSlice();
  return {
    matches,
    stats: {
      textNodes: nodes.length,
      characters: offset,
      head: head.slice(0, HEAD_LENGTH),
      busyMs,
      longestSliceMs,
    },
  };
}
