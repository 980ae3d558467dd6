// The text anchors are measured against: which text under a root counts, and how offsets into it map to DOM ranges.

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;
const PROCESSING_INSTRUCTION_NODE = 7;
const COMMENT_NODE = 8;
const DOCUMENT_NODE = 9;
const DOCUMENT_POSITION_FOLLOWING = 4;
import { isUiHost } from '../page/ui-host';

const DOCUMENT_POSITION_CONTAINED_BY = 16;

/**
 * Elements whose text is not part of the article: code, fallback content, form input and ClaimLens's own
 * UI host. Offsets must not move when ClaimLens adds its host to the page or a site swaps a script.
 */
export const EXCLUDED_ELEMENTS: ReadonlySet<string> = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'claimlens-ui',
]);

/** A snapshot of a root's text: stale as soon as the DOM under the root changes. */
export interface TextModel {
  readonly root: Node;
  readonly text: string;
  /** The text nodes that make up `text`, in document order. */
  readonly nodes: readonly Text[];
  /** Where each node's data starts and ends in `text`. */
  readonly starts: readonly number[];
  readonly ends: readonly number[];
  /**
   * Where each `<br>` sits in `text`, ascending (twice for two in a row). A `<br>` adds no character, as in
   * the DOM's `textContent` (so offsets agree with Hypothesis's TextPositionSelector and with every note
   * saved before breaks were recorded), but a reader sees a line break: matching treats it as whitespace.
   */
  readonly breaks: readonly number[];
}

function isExcluded(element: Element): boolean {
  return EXCLUDED_ELEMENTS.has(element.localName.toLowerCase()) || isUiHost(element);
}

export function buildTextModel(root: Node): TextModel {
  const nodes: Text[] = [];
  const parts: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const breaks: number[] = [];
  let offset = 0;
  const add = (node: Text) => {
    const data = node.data;
    nodes.push(node);
    parts.push(data);
    starts.push(offset);
    offset += data.length;
    ends.push(offset);
  };

  if (root.nodeType === TEXT_NODE) {
    add(root as Text);
  } else if (!(root.nodeType === ELEMENT_NODE && isExcluded(root as Element))) {
    // Iterative on purpose: generated pages can nest deeper than the call stack allows.
    let node: Node | null = root.firstChild;
    while (node !== null) {
      if (node.nodeType === TEXT_NODE) {
        add(node as Text);
      } else if (node.nodeType === ELEMENT_NODE) {
        if (node.firstChild !== null && !isExcluded(node as Element)) {
          node = node.firstChild;
          continue;
        }
        if ((node as Element).localName === 'br') breaks.push(offset);
      }
      while (node !== null && node !== root && node.nextSibling === null) node = node.parentNode;
      if (node === null || node === root) break;
      node = node.nextSibling;
    }
  }
  return { root, text: parts.join(''), nodes, starts, ends, breaks };
}

/** The root's text: its text nodes' data in document order, without script, style, form and ClaimLens UI text. */
export function textOf(root: Node): string {
  return buildTextModel(root).text;
}

function documentOf(root: Node): Document {
  if (root.nodeType === DOCUMENT_NODE) return root as Document;
  if (root.ownerDocument === null) throw new Error('The root is not in a document.');
  return root.ownerDocument;
}

/** Index of the first entry of the sorted `values` that is > `offset` (or >= with `inclusive`); length if none. */
function firstAbove(values: readonly number[], offset: number, inclusive: boolean): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const v = values[mid]!;
    if (inclusive ? v >= offset : v > offset) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Maps `start`..`end` of the model's text to a DOM range over the text nodes it came from. */
export function rangeFromModel(model: TextModel, start: number, end: number): Range {
  const { text, nodes, starts, ends } = model;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > text.length) {
    throw new RangeError(`Offsets ${start}..${end} are not a span of the text (length ${text.length}).`);
  }
  const range = documentOf(model.root).createRange();
  if (nodes.length === 0) {
    range.setStart(model.root, 0);
    return range;
  }
  // A start on a node boundary goes at the beginning of the next node and an end at the end of the
  // previous one, so the range touches no node it does not cover.
  let i = firstAbove(ends, start, false);
  let startNode: Text;
  let startOffset: number;
  if (i < nodes.length) {
    startNode = nodes[i]!;
    startOffset = start - starts[i]!;
  } else {
    i = nodes.length - 1;
    startNode = nodes[i]!;
    startOffset = startNode.data.length;
  }
  const j = firstAbove(ends, end, true);
  const endNode = nodes[j]!;
  if (startNode.parentNode === null || endNode.parentNode === null) {
    throw new Error('The text model is stale: the page changed after it was read.');
  }
  // Start from the start node's contents: each later move then compares boundary points a short walk
  // apart. jsdom walks the tree to compare points, so a fresh range's comparisons with the document's
  // start cost time in proportion to the page.
  range.selectNodeContents(startNode);
  range.setStart(startNode, startOffset);
  range.setEnd(endNode, end - starts[j]!);
  return range;
}

/** Maps offsets into the root's text to a DOM range. */
export function rangeFromOffsets(root: Node, start: number, end: number): Range {
  return rangeFromModel(buildTextModel(root), start, end);
}

function isCharacterData(node: Node): boolean {
  const t = node.nodeType;
  return (
    t === TEXT_NODE || t === CDATA_SECTION_NODE || t === COMMENT_NODE || t === PROCESSING_INSTRUCTION_NODE
  );
}

/** Tells, for a node in document order, whether it starts at or after the boundary point. */
function atOrAfter(container: Node, offset: number): (node: Node) => boolean {
  if (isCharacterData(container)) {
    return (node) =>
      node === container || (container.compareDocumentPosition(node) & DOCUMENT_POSITION_FOLLOWING) !== 0;
  }
  const child = container.childNodes[offset];
  if (child !== undefined) {
    return (node) =>
      node === child || (child.compareDocumentPosition(node) & DOCUMENT_POSITION_FOLLOWING) !== 0;
  }
  // The point is after the container's last child: only nodes past its whole subtree are after it.
  return (node) => {
    const position = container.compareDocumentPosition(node);
    return (
      (position & DOCUMENT_POSITION_FOLLOWING) !== 0 && (position & DOCUMENT_POSITION_CONTAINED_BY) === 0
    );
  };
}

/** The offset in the model's text of a DOM boundary point: how much of the text comes before it. */
export function offsetOfPoint(model: TextModel, container: Node, offset: number): number {
  const { nodes, starts, text } = model;
  const isAfter = atOrAfter(container, offset);
  let lo = 0;
  let hi = nodes.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (isAfter(nodes[mid]!)) hi = mid;
    else lo = mid + 1;
  }
  const node = nodes[lo];
  if (node === undefined) return text.length;
  if (node === container) return starts[lo]! + Math.min(Math.max(offset, 0), node.data.length);
  return starts[lo]!;
}

function contains(root: Node, node: Node): boolean {
  return root === node || root.contains(node);
}

/** The span of the model's text a DOM range covers. Throws if the range reaches outside the root. */
export function offsetsInModel(model: TextModel, range: Range): { start: number; end: number } {
  if (!contains(model.root, range.startContainer) || !contains(model.root, range.endContainer)) {
    throw new RangeError('The range is not inside the root.');
  }
  const start = offsetOfPoint(model, range.startContainer, range.startOffset);
  const end = range.collapsed ? start : offsetOfPoint(model, range.endContainer, range.endOffset);
  return { start, end };
}

/** Maps a DOM range (boundaries in text nodes or between an element's children) to offsets into the root's text. */
export function offsetsOfRange(root: Node, range: Range): { start: number; end: number } {
  return offsetsInModel(buildTextModel(root), range);
}
