/**
 * The page's half of the glance (lib/matching/glance.ts): a name the background found between two
 * letters of the page's `textContent` ("world|hamas") is a word only if a text node starts there.
 * Whether one does is asked of the browser in one XPath query, evaluated natively: no walk, and no
 * object made for the nodes it passes.
 */

/**
 * Whether a text node under `root` starts with one of `starts`, or is, whole, the start of one (a
 * node shorter than the text sent). When the browser cannot say, the answer is yes: the page then
 * reads its text, which is never wrong, only slower.
 */
export function startsTextNode(root: Node, starts: readonly string[]): boolean {
  const tests = starts
    .filter((s) => s !== '')
    .map((s) => {
      const literal = xpathLiteral(s);
      return `starts-with(., ${literal}) or starts-with(${literal}, .)`;
    });
  if (tests.length === 0) return false;
  const doc = root.ownerDocument ?? (root as Document);
  try {
    const found = doc.evaluate(
      `.//text()[string-length(.) > 0 and (${tests.join(' or ')})]`,
      root,
      null,
      XPathResult.FIRST_ORDERED_NODE_TYPE,
      null,
    );
    return found.singleNodeValue !== null;
  } catch {
    return true;
  }
}

/** A string as an XPath 1.0 literal, whatever quotes it holds (XPath has no escapes). */
export function xpathLiteral(text: string): string {
  if (!text.includes("'")) return `'${text}'`;
  if (!text.includes('"')) return `"${text}"`;
  return `concat(${text
    .split("'")
    .map((part) => `'${part}'`)
    .join(`, "'", `)})`;
}
