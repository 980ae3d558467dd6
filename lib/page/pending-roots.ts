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
 * Judges changed nodes one at a time, so that a caller can pause between them (twenty thousand
 * nodes cost the page tens of milliseconds): `take` each node of `pending`, then read `roots`. What
 * is learnt of an ancestor is kept for the nodes judged after it; a page that moves nodes meanwhile
 * makes at most a node read twice or late, and its change is read in the next pass anyway.
 */
export class OutermostRoots {
  /** The outermost of the nodes taken so far that are connected and not inside a skipped subtree. */
  readonly roots: Node[] = [];
  private readonly known = new Map<Node, Above>();
  private readonly path: Node[] = [];

  /** `isSkipped` says whether an element's subtree is never read. */
  constructor(
    private readonly pending: ReadonlySet<Node>,
    private readonly isSkipped: (element: Element) => boolean,
  ) {}

  /** Judges one node of `pending`: a root if nothing above it is pending or skipped. */
  take(node: Node): void {
    if (!node.isConnected || this.above(node) !== Above.Clear) return;
    if (node.nodeType === Node.ELEMENT_NODE && this.isSkipped(node as Element)) return;
    this.roots.push(node);
  }

  /** What the nodes above `node` (not `node` itself) mean for it. */
  private above(node: Node): Above {
    const path = this.path;
    path.length = 0;
    let verdict = Above.Clear;
    for (let at = node.parentNode; at; at = at.parentNode) {
      const seen = this.known.get(at);
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
        if (at.nodeType === Node.ELEMENT_NODE && this.isSkipped(at as Element)) verdict = Above.Skipped;
        else if (this.pending.has(at)) verdict = Above.Covered;
      }
      this.known.set(at, verdict);
    }
    path.length = 0;
    return verdict;
  }
}

/**
 * The outermost of `pending` (in the order given) that are connected and not inside a skipped
 * subtree, judged in one go.
 */
export function outermostRoots(pending: Iterable<Node>, isSkipped: (element: Element) => boolean): Node[] {
  const wanted = new Set(pending);
  const judge = new OutermostRoots(wanted, isSkipped);
  for (const node of wanted) judge.take(node);
  return judge.roots;
}
