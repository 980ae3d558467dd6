/**
 * What a page sends as its first look at itself: the text of everything under `root`, as
 * `textContent` gives it (one native call per child, no walk), without the scripts, styles and
 * templates that are `root`'s own children: on a news page those are most of `textContent` (inline
 * JSON, analytics), and the walk skips them too. Scripts deeper down stay in; the background's look
 * is loose anyway (lib/matching/glance.ts).
 */
const LEFT_OUT = new Set(['script', 'style', 'noscript', 'template']);
/** A child with more children than this is looked into rather than read whole (see below). */
const LOOK_INTO = 256;
/** How many of a large child's children are read before judging how long all of them are. */
const SAMPLE = 16;

/**
 * The glance at `root`, or null once it runs over `limit` characters (the page then walks its text).
 * A huge page is given up on early: a child with many children is read child by child, and when the
 * first few, as long as they are, would take all of its children over the limit, the glance stops
 * there (copying half a megabyte of text only to drop it costs several milliseconds).
 */
export function glanceText(root: Node, limit: number): string | null {
  const pieces: string[] = [];
  let length = 0;
  const add = (parent: Node, children: number): boolean => {
    const before = length;
    let read = 0;
    for (let node = parent.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === Node.ELEMENT_NODE) {
        const element = node as Element;
        if (LEFT_OUT.has(element.localName)) continue;
        read++;
        if (element.childElementCount > LOOK_INTO) {
          if (!add(element, element.childElementCount)) return false;
          continue;
        }
      } else if (node.nodeType !== Node.TEXT_NODE && node.nodeType !== Node.CDATA_SECTION_NODE) continue;
      const text = node.textContent ?? '';
      length += text.length;
      if (length > limit) return false;
      pieces.push(text);
      if (read === SAMPLE && children > LOOK_INTO && before + ((length - before) / SAMPLE) * children > limit)
        return false;
    }
    return true;
  };
  return add(root, 0) ? pieces.join('') : null;
}
