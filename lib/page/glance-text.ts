/**
 * What a page sends as its first look at itself: the text of everything under `root`, as
 * `textContent` gives it (one native call per child, no walk), without the scripts, styles and
 * templates that are `root`'s own children: on a news page those are most of `textContent` (inline
 * JSON, analytics), and the walk skips them too. Scripts deeper down stay in; the background's look
 * is loose anyway (lib/matching/glance.ts).
 */
const LEFT_OUT = new Set(['script', 'style', 'noscript', 'template']);

/** The glance at `root`, or null once it runs over `limit` characters (the page then walks its text). */
export function glanceText(root: Node, limit: number): string | null {
  let text = '';
  for (let node = root.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === Node.ELEMENT_NODE) {
      if (LEFT_OUT.has((node as Element).localName)) continue;
    } else if (node.nodeType !== Node.TEXT_NODE && node.nodeType !== Node.CDATA_SECTION_NODE) continue;
    text += node.textContent ?? '';
    if (text.length > limit) return null;
  }
  return text;
}
