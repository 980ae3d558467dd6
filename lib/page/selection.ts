/** Which selections the reader may save: real text on the page, not in form fields or ClaimLens's own UI. */
import { isInsideUiHost } from './ui-host';
import { isInsideSkipped } from './visible-text';

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
    if (isInsideSkipped(node) || isInsideUiHost(node)) return null;
  }
  if (!doc.body?.contains(range.commonAncestorContainer)) return null;
  return range.cloneRange();
}
