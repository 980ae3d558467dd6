/**
 * What a page sends as its first look at itself: the text of everything under `root`, as
 * `textContent` gives it (one native call per child, no walk), without the scripts, styles and
 * templates that are `root`'s own children: on a news page those are most of `textContent` (inline
 * JSON, analytics), and the walk skips them too. Scripts deeper down stay in; the background's look
 * is loose anyway (lib/matching/glance.ts).
 */
const LEFT_OUT = new Set(['script', 'style', 'noscript', 'template']);
/**
 * A child with more children than this is looked into rather than read whole: a huge page is then
 * given up on a few paragraphs past the limit, not after its whole text was copied.
 */
const LOOK_INTO = 256;

/** The glance at `root`, or null once it runs over `limit` characters (the page then walks its text). */
export function glanceText(root: Node, limit: number): string | null {
  const pieces: string[] = [];
  let length = 0;
  const add = (parent: Node): boolean => {
    for (let node = parent.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === Node.ELEMENT_NODE) {
        if (LEFT_OUT.has((node as Element).localName)) continue;
        if ((node as Element).childElementCount > LOOK_INTO) {
          if (!add(node)) return false;
          continue;
        }
      } else if (node.nodeType !== Node.TEXT_NODE && node.nodeType !== Node.CDATA_SECTION_NODE) continue;
      const text = node.textContent ?? '';
      length += text.length;
      if (length > limit) return false;
      pieces.push(text);
    }
    return true;
  };
  return add(root) ? pieces.join('') : null;
}
