/** Where a saved passage's tint boxes go: one range's text, as line boxes relative to the overlay's origin. */

/** A rectangle as the browser reports it (DOMRect), in viewport coordinates. */
export interface RectLike {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** One tint box, in the overlay's coordinates (CSS pixels, rounded to quarter pixels). */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** How far apart two rectangles of one line may be and still be drawn as one box (a space's width). */
const JOIN_GAP_PX = 4;

/**
 * The text of a range, one sub-range per text node it covers (empty ones left out). A range's own
 * client rectangles include the boxes of whole elements inside it (a paragraph, its margins); the
 * tint follows the text only.
 */
export function textRanges(range: Range): Range[] {
  const doc = range.startContainer.ownerDocument ?? (range.startContainer as Document);
  const root = range.commonAncestorContainer;
  const out: Range[] = [];
  const add = (node: Text) => {
    const start = node === range.startContainer ? range.startOffset : 0;
    const end = node === range.endContainer ? range.endOffset : node.data.length;
    if (end <= start) return;
    const part = doc.createRange();
    part.setStart(node, start);
    part.setEnd(node, end);
    out.push(part);
  };
  if (root.nodeType === Node.TEXT_NODE) {
    add(root as Text);
    return out;
  }
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode())
    if (range.intersectsNode(node)) add(node as Text);
    else if (out.length > 0) break; // past the end: text nodes come in document order
  return out;
}

/**
 * Line boxes from the rectangles of a passage's text: empty rectangles dropped, rectangles of one
 * line that touch or nearly touch joined, moved from viewport coordinates to the overlay's (whose
 * origin is at `origin` in the viewport), in reading order.
 */
export function lineBoxes(rects: readonly RectLike[], origin: { left: number; top: number }): Box[] {
  const boxes: Box[] = [];
  for (const rect of rects) {
    if (rect.width <= 0 || rect.height <= 0) continue;
    const box = {
      left: quarter(rect.left - origin.left),
      top: quarter(rect.top - origin.top),
      width: quarter(rect.width),
      height: quarter(rect.height),
    };
    const last = boxes[boxes.length - 1];
    if (last && sameLine(last, box) && box.left <= last.left + last.width + JOIN_GAP_PX) {
      const right = Math.max(last.left + last.width, box.left + box.width);
      const top = Math.min(last.top, box.top);
      const bottom = Math.max(last.top + last.height, box.top + box.height);
      last.left = Math.min(last.left, box.left);
      last.width = right - last.left;
      last.top = top;
      last.height = bottom - top;
    } else boxes.push(box);
  }
  return boxes;
}

/** Whether two boxes are on one line: their vertical extents overlap by at least half the smaller. */
function sameLine(a: Box, b: Box): boolean {
  const overlap = Math.min(a.top + a.height, b.top + b.height) - Math.max(a.top, b.top);
  return overlap >= Math.min(a.height, b.height) / 2;
}

function quarter(n: number): number {
  return Math.round(n * 4) / 4;
}

/** Whether two lists of boxes are the same (then the overlay's elements are left as they are). */
export function sameBoxes(a: readonly Box[], b: readonly Box[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.left !== y.left || x.top !== y.top || x.width !== y.width || x.height !== y.height) return false;
  }
  return true;
}

/** How far left of its block a saved passage's margin marker stands, and how wide it is. */
const MARKER_GAP_PX = 8;
const MARKER_WIDTH_PX = 3;

/**
 * A saved passage's margin marker: a thin bar left of the block the passage is in (`blockLeft`, in
 * the overlay's coordinates), as tall as the passage's lines, so a reader scanning the page's edge
 * sees where the notes are. Never left of the overlay's origin; none for a passage with no box.
 */
export function marginMarker(boxes: readonly Box[], blockLeft: number): Box | null {
  if (boxes.length === 0) return null;
  const top = Math.min(...boxes.map((b) => b.top));
  const bottom = Math.max(...boxes.map((b) => b.top + b.height));
  return {
    left: quarter(Math.max(0, blockLeft - MARKER_GAP_PX - MARKER_WIDTH_PX)),
    top,
    width: MARKER_WIDTH_PX,
    height: quarter(bottom - top),
  };
}
