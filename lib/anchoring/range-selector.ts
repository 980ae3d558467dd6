// Hypothesis-style RangeSelectors: a passage's start and end as an element's XPath under the body and an offset into that element's text.

/*
 * The convention is the Hypothesis client's (src/annotator/anchoring/xpath.ts, text-range.ts): a container
 * is the element holding the boundary, written as a path of `name[n]` steps from the root (the body), where
 * `n` counts earlier siblings of the same name from 1 (`/article[1]/p[3]`); the offset counts UTF-16 code
 * units of the element's `textContent` (every text node under it, script text included) before the
 * boundary. ClaimLens writes it only where those offsets are code points too (no character outside the
 * Basic Multilingual Plane before a boundary in its element), so that the same numbers serve the W3C
 * model's RangeSelector (XPathSelector refined by a TextPositionSelector, which counts code points).
 * Paths read from files are never given to `document.evaluate`: only plain `name[n]` steps are accepted
 * and walked by hand.
 */

export interface RangeSelector {
  type: 'RangeSelector';
  startContainer: string;
  startOffset: number;
  endContainer: string;
  endOffset: number;
}

/** Longest container path kept (deeply nested pages exceed this; they keep their quote and position). */
export const MAX_XPATH_LENGTH = 2000;
/** One step: an element name as the DOM spells it, lower-cased, and its 1-based index among same-name siblings. */
const STEP = /^([a-z][a-z0-9_.:-]*)\[([1-9][0-9]{0,6})\]$/;
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const SURROGATE = /[\ud800-\udfff]/;

/** Whether a path is one ClaimLens writes and reads: `/name[n]` steps only (the root itself is the empty path). */
export function isSimpleXPath(path: unknown): path is string {
  if (typeof path !== 'string' || path.length > MAX_XPATH_LENGTH) return false;
  if (path === '') return true;
  if (!path.startsWith('/')) return false;
  return path
    .slice(1)
    .split('/')
    .every((step) => STEP.test(step));
}

/** The element's path under `root` (`/div[1]/p[2]`), or null when it is not under the root. */
export function xpathFromElement(element: Element, root: Node): string | null {
  const steps: string[] = [];
  let node: Node | null = element;
  while (node !== root) {
    if (node === null || node.nodeType !== ELEMENT_NODE) return null;
    const name = node.nodeName.toLowerCase();
    let index = 1;
    for (let s = node.previousSibling; s !== null; s = s.previousSibling) {
      if (s.nodeType === ELEMENT_NODE && s.nodeName.toLowerCase() === name) index++;
    }
    steps.push(`${name}[${index}]`);
    node = node.parentNode;
  }
  return steps.length === 0 ? '' : `/${steps.reverse().join('/')}`;
}

/** The element a simple path names under `root`, or null when the page has no such element (any more). */
export function elementFromXPath(path: string, root: Node): Node | null {
  if (!isSimpleXPath(path)) return null;
  let node: Node = root;
  if (path === '') return node;
  for (const step of path.slice(1).split('/')) {
    const [, name, n] = STEP.exec(step)!;
    let left = Number(n);
    let found: Node | null = null;
    for (let c = node.firstChild; c !== null; c = c.nextSibling) {
      if (c.nodeType === ELEMENT_NODE && c.nodeName.toLowerCase() === name && --left === 0) {
        found = c;
        break;
      }
    }
    if (found === null) return null;
    node = found;
  }
  return node;
}

/** The text nodes under a node, in document order (what its textContent is made of). */
function textNodesOf(node: Node): Text[] {
  const doc = node.ownerDocument ?? (node as Document);
  const walker = doc.createTreeWalker(node, 4 /* NodeFilter.SHOW_TEXT */);
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) nodes.push(n as Text);
  return nodes;
}

/** A boundary in a text node as its element and the offset into the element's text; null if it cannot be written. */
function boundaryOf(text: Text, offset: number, root: Node): { container: string; offset: number } | null {
  const element = text.parentNode;
  if (element === null || element.nodeType !== ELEMENT_NODE) return null;
  const container = xpathFromElement(element as Element, root);
  if (container === null || container.length > MAX_XPATH_LENGTH) return null;
  let before = '';
  for (const node of textNodesOf(element)) {
    if (node === text) {
      before += node.data.slice(0, offset);
      return SURROGATE.test(before) ? null : { container, offset: before.length };
    }
    before += node.data;
  }
  return null;
}

/**
 * The RangeSelector of a range whose boundaries are in text nodes (as anchoring's ranges are), or null
 * when it cannot be written exactly (a boundary outside the root or after an astral character).
 */
export function describeRange(root: Node, range: Range): RangeSelector | null {
  if (range.startContainer.nodeType !== TEXT_NODE || range.endContainer.nodeType !== TEXT_NODE) return null;
  const start = boundaryOf(range.startContainer as Text, range.startOffset, root);
  const end = boundaryOf(range.endContainer as Text, range.endOffset, root);
  if (start === null || end === null) return null;
  return {
    type: 'RangeSelector',
    startContainer: start.container,
    startOffset: start.offset,
    endContainer: end.container,
    endOffset: end.offset,
  };
}

/** The text node and offset `offset` characters into an element's text; a boundary between nodes ends the earlier one. */
function pointIn(element: Node, offset: number): { node: Text; offset: number } | null {
  let seen = 0;
  const nodes = textNodesOf(element);
  for (const node of nodes) {
    if (seen + node.data.length >= offset) return { node, offset: offset - seen };
    seen += node.data.length;
  }
  return null;
}

/** The DOM range a RangeSelector names on this page, or null when its elements or offsets are not there. */
export function resolveRange(root: Node, selector: RangeSelector): Range | null {
  const startElement = elementFromXPath(selector.startContainer, root);
  const endElement = elementFromXPath(selector.endContainer, root);
  if (startElement === null || endElement === null) return null;
  const start = pointIn(startElement, selector.startOffset);
  const end = pointIn(endElement, selector.endOffset);
  if (start === null || end === null) return null;
  const doc = root.ownerDocument ?? (root as Document);
  const range = doc.createRange();
  range.setStart(start.node, start.offset);
  range.setEnd(end.node, end.offset);
  // setEnd before the start collapses the range: a selector whose end precedes its start names nothing.
  return range.collapsed ? null : range;
}

/** Whether a value is a well-formed RangeSelector in this convention (paths simple, offsets whole and ≥ 0). */
export function isRangeSelector(value: unknown): value is RangeSelector {
  const r = value as Partial<RangeSelector> | null;
  const offset = (n: unknown) => Number.isSafeInteger(n) && (n as number) >= 0;
  return (
    typeof r === 'object' &&
    r !== null &&
    r.type === 'RangeSelector' &&
    isSimpleXPath(r.startContainer) &&
    isSimpleXPath(r.endContainer) &&
    offset(r.startOffset) &&
    offset(r.endOffset)
  );
}

/** Whether a stored or sent value is a note's range (the selector without its type), as ClaimLens writes it. */
export function isNoteRange(value: unknown): value is Omit<RangeSelector, 'type'> {
  return typeof value === 'object' && value !== null && isRangeSelector({ ...value, type: 'RangeSelector' });
}
