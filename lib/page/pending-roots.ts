/**
 * Which of the nodes a page added or edited to read: the outermost ones (a node inside another is read
 * with it), still on the page and not inside a subtree that is never read. Linear in the nodes and
 * the ancestors they share: each ancestor is judged once per call, however many nodes sit under it
 * (twenty thousand paragraphs appended to one list, or a chain five thousand deep).
 */

/** What an ancestor means for the nodes under it. */
const enum Above {
  /** Nothing above it is pending or skipped. */
  Clear,
  /** It, or a node above it, is pending: what is under it is read with that node. */
  Covered,
  /** It, or a node above it, is never read. */
  Skipped,
}

/**
 * The outermost of `pending` (in the order given) that are connected and not inside a skipped
 * subtree; `isSkipped` says whether an element's subtree is never read.
 */
export function outermostRoots(pending: Iterable<Node>, isSkipped: (element: Element) => boolean): Node[] {
  const wanted = new Set<Node>();
  for (const node of pending) if (node.isConnected) wanted.add(node);
  const known = new Map<Node, Above>();
  const path: Node[] = [];
  /** What the nodes above `node` (not `node` itself) mean for it. */
  const above = (node: Node): Above => {
    path.length = 0;
    let verdict = Above.Clear;
    for (let at = node.parentNode; at; at = at.parentNode) {
      const seen = known.get(at);
      if (seen !== undefined) {
        verdict = seen;
        break;
      }
      path.push(at);
    }
    // From the top down: each ancestor's meaning for what is under it.
    for (let i = path.length - 1; i >= 0; i--) {
      const at = path[i]!;
      if (verdict === Above.Clear) {
        if (at.nodeType === Node.ELEMENT_NODE && isSkipped(at as Element)) verdict = Above.Skipped;
        else if (wanted.has(at)) verdict = Above.Covered;
      }
      known.set(at, verdict);
    }
    return verdict;
  };
  const roots: Node[] = [];
  for (const node of wanted) {
    if (above(node) !== Above.Clear) continue;
    if (node.nodeType === Node.ELEMENT_NODE && isSkipped(node as Element)) continue;
    roots.push(node);
  }
  return roots;
}
