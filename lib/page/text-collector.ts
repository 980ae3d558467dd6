/**
 * Collects the visible text under a root, a slice at a time, as one string plus the positions where
 * blocks break (or, for a very long page, as several such portions, one after the other); maps
 * positions in that string back to DOM ranges. This is all the reading a page pays for: matching
 * happens in the background, off the page's main thread.
 */
import { countAtOrBelow } from '../sorted-search';
import { VisibleTextWalker } from './visible-text';

export interface CollectedText {
  text: string;
  /**
   * Sorted positions in `text` where a block element starts (no name continues across them); a
   * break also parts the text of one root from the next.
   */
  breaks: number[];
  textNodes: number;
  /** The text nodes read, in the order read. */
  nodes: readonly Text[];
  /** Where each root's text starts and ends in `text`, in the order of the roots. */
  spans: readonly { root: Node; start: number; end: number }[];
  /** Main-thread time the walk took, without the pauses it gave the page, and its longest slice. */
  busyMs: number;
  longestSliceMs: number;
  /** Maps a span of `text` to a range over the text nodes it came from, or null if they are gone. */
  rangeOf(start: number, end: number): Range | null;
  /** Whether this is the last portion of the read (always, for `collectText`). */
  last: boolean;
}

export interface CollectOptions {
  sliceMs?: number;
  /**
   * Whether the slice is over, when the caller keeps the clock (its task began before the read);
   * otherwise a slice lasts `sliceMs` from its start.
   */
  due?: () => boolean;
  yieldToPage?: () => Promise<void>;
  signal?: AbortSignal;
  /**
   * For `collectPortions`: a portion ends where a block starts once it holds this many characters
   * (joining 20 million characters into one string is a task of hundreds of milliseconds).
   */
  portion?: number;
}

const NODES_PER_CHECK = 64;

/**
 * Reads the visible text under `roots` (one node, or several: the text the page added, each part
 * after the one before, with a break between them), a slice at a time.
 */
export async function collectText(
  roots: Node | readonly Node[],
  options: CollectOptions = {},
): Promise<CollectedText> {
  const reader = collectPortions(roots, { ...options, portion: Infinity });
  const { value } = await reader.next();
  return value!;
}

interface Portion {
  nodes: Text[];
  starts: number[];
  pieces: string[];
  breaks: number[];
  spans: { root: Node; start: number; end: number }[];
  offset: number;
}

const emptyPortion = (): Portion => ({ nodes: [], starts: [], pieces: [], breaks: [], spans: [], offset: 0 });

/**
 * Reads the visible text under `roots` as `collectText` does, in portions of about
 * `options.portion` characters, each cut where a block starts (a root read across two portions has a
 * span in each); always at least one portion. The walk goes on only when the next portion is asked for.
 */
export async function* collectPortions(
  roots: Node | readonly Node[],
  options: CollectOptions = {},
): AsyncGenerator<CollectedText, void, undefined> {
  // The clock starts here: making the walker is part of the page's cost.
  let sliceStart = performance.now();
  const all: readonly Node[] = Array.isArray(roots) ? roots : [roots as Node];
  const limit = options.portion ?? Infinity;
  const doc = all[0]?.ownerDocument ?? (all[0] as Document | undefined) ?? document;
  let portion = emptyPortion();
  /** The portion is full and a block starts: the walk stops here, and the next portion begins. */
  let cut = false;
  const visitor = {
    text(node: Text) {
      const data = node.data;
      if (data.length === 0) return;
      portion.nodes.push(node);
      portion.starts.push(portion.offset);
      portion.pieces.push(data);
      portion.offset += data.length;
    },
    boundary(): boolean {
      const { breaks, offset } = portion;
      if (offset > 0 && breaks[breaks.length - 1] !== offset) breaks.push(offset);
      cut = offset >= limit;
      return cut;
    },
  };

  const sliceMs = options.sliceMs ?? 8;
  let busyMs = 0;
  let longestSliceMs = 0;
  const endSlice = () => {
    const slice = performance.now() - sliceStart;
    busyMs += slice;
    longestSliceMs = Math.max(longestSliceMs, slice);
  };
  /** The portion read so far, as text; the clock then counts what the caller does as its own. */
  const finish = (last: boolean): CollectedText => {
    const done = finished(portion, doc, last);
    endSlice();
    done.busyMs = busyMs;
    done.longestSliceMs = longestSliceMs;
    busyMs = 0;
    longestSliceMs = 0;
    portion = emptyPortion();
    cut = false;
    return done;
  };
  for (const root of all) {
    if (options.signal?.aborted) break;
    if (portion.spans.length > 0 && visitor.boundary()) {
      yield finish(false);
      sliceStart = performance.now();
    }
    let span = { root, start: portion.offset, end: portion.offset };
    const walker = new VisibleTextWalker(root, visitor);
    let more = true;
    while (more) {
      more = walker.next(NODES_PER_CHECK);
      if (cut) {
        span.end = portion.offset;
        portion.spans.push(span);
        yield finish(false);
        sliceStart = performance.now();
        span = { root, start: 0, end: 0 };
        if (more) walker.resumed();
      }
      if (options.signal?.aborted) break;
      if (options.yieldToPage && (options.due ? options.due() : performance.now() - sliceStart > sliceMs)) {
        endSlice();
        await options.yieldToPage();
        if (options.signal?.aborted) break;
        sliceStart = performance.now();
        if (more) walker.resumed();
      }
    }
    span.end = portion.offset;
    portion.spans.push(span);
  }
  yield finish(true);
}

/** A portion read, as one string with the map back to its text nodes. */
function finished(portion: Portion, doc: Document, last: boolean): CollectedText {
  const { nodes, starts, breaks, spans, offset } = portion;
  if (breaks[breaks.length - 1] === offset) breaks.pop();
  const text = portion.pieces.join('');
  /** Last node starting at or before the position (for an end, strictly before it: positions are whole). */
  const locate = (position: number, isEnd: boolean): number =>
    Math.max(0, countAtOrBelow(starts, isEnd ? position - 1 : position) - 1);
  return {
    text,
    breaks,
    textNodes: nodes.length,
    nodes,
    spans,
    busyMs: 0,
    longestSliceMs: 0,
    last,
    rangeOf(start, end) {
      if (nodes.length === 0 || start < 0 || end > offset || start >= end) return null;
      const first = locate(start, false);
      const lastNode = locate(end, true);
      const startNode = nodes[first]!;
      const endNode = nodes[lastNode]!;
      const startOffset = start - starts[first]!;
      const endOffset = end - starts[lastNode]!;
      // The page may have changed the text since it was read.
      if (!startNode.isConnected || !endNode.isConnected) return null;
      if (startOffset > startNode.length || endOffset > endNode.length) return null;
      const range = doc.createRange();
      range.setStart(startNode, startOffset);
      range.setEnd(endNode, endOffset);
      return range;
    },
  };
}
