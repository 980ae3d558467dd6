/** Which selections the reader may save: real text on the page, not in form fields or ClaimLens's own UI. */
import { UI_HOST_TAG, isInsideSkipped } from './visible-text';

/** The selection's range if it can be saved, else null. */
export function savableSelection(doc: Document): Range | null {
  const selection = doc.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (range.toString().trim() === '') return null;
  const active = doc.activeElement;
  // Text selected inside an input or textarea is theirs, not the article's.
  if (active && (active.localName === 'input' || active.localName === 'textarea')) return null;
  for (const node of [range.startContainer, range.endContainer, range.commonAncestorContainer]) {
    if (isInsideSkipped(node)) return null;
    const element = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
    if (element?.closest(UI_HOST_TAG)) return null;
  }
  if (!doc.body?.contains(range.commonAncestorContainer)) return null;
  return range.cloneRange();
}
