/**
 * Collects the visible text under a root, a slice at a time, as one string plus the positions where
 * blocks break; maps positions in that string back to DOM ranges. This is all the reading a page
 * pays for: matching happens in the background, off the page's main thread.
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
}

export interface CollectOptions {
  sliceMs?: number;
  yieldToPage?: () => Promise<void>;
  signal?: AbortSignal;
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
  // The clock starts here: making the walker is part of the page's cost.
  let sliceStart = performance.now();
  const all: readonly Node[] = Array.isArray(roots) ? roots : [roots as Node];
  const nodes: Text[] = [];
  const starts: number[] = [];
  const pieces: string[] = [];
  const breaks: number[] = [];
  const spans: { root: Node; start: number; end: number }[] = [];
  let offset = 0;
  const visitor = {
    text(node: Text) {
      const data = node.data;
      if (data.length === 0) return;
      nodes.push(node);
      starts.push(offset);
      pieces.push(data);
      offset += data.length;
    },
    boundary() {
      if (offset > 0 && breaks[breaks.length - 1] !== offset) breaks.push(offset);
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
  for (const root of all) {
    if (options.signal?.aborted) break;
    if (spans.length > 0) visitor.boundary();
    const span = { root, start: offset, end: offset };
    const walker = new VisibleTextWalker(root, visitor);
    let more = true;
    while (more) {
      more = walker.next(NODES_PER_CHECK);
      if (options.signal?.aborted) break;
      if (options.yieldToPage && performance.now() - sliceStart > sliceMs) {
        endSlice();
        await options.yieldToPage();
        if (options.signal?.aborted) break;
        sliceStart = performance.now();
        if (more) walker.resumed();
      }
    }
    span.end = offset;
    spans.push(span);
  }
  if (breaks[breaks.length - 1] === offset) breaks.pop();
  const text = pieces.join('');
  endSlice();

  const doc = all[0]?.ownerDocument ?? (all[0] as Document | undefined) ?? document;
  /** Last node starting at or before the position (for an end, strictly before it: positions are whole). */
  const locate = (position: number, isEnd: boolean): number =>
    Math.max(0, countAtOrBelow(starts, isEnd ? position - 1 : position) - 1);
  return {
    text,
    breaks,
    textNodes: nodes.length,
    nodes,
    spans,
    busyMs,
    longestSliceMs,
    rangeOf(start, end) {
      if (nodes.length === 0 || start < 0 || end > offset || start >= end) return null;
      const first = locate(start, false);
      const last = locate(end, true);
      const startNode = nodes[first]!;
      const endNode = nodes[last]!;
      const startOffset = start - starts[first]!;
      const endOffset = end - starts[last]!;
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
