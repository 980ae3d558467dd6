/**
 * Compares positions in a document without the DOM's own comparison, which finds a node's place
 * among its siblings by counting them every time (a mark in a list of 20,000 paragraphs cost
 * thousands of steps per comparison). Here each parent's children are counted once per order, and a
 * comparison climbs only as far as the two nodes' common ancestor.
 */
export class DocumentOrder {
  private readonly indexes = new Map<Node, number>();
  private readonly depths = new Map<Node, number>();

  /** Negative if (a, aOffset) comes before (b, bOffset), positive after, 0 at the same place. */
  compare(a: Node, aOffset: number, b: Node, bOffset: number): number {
    if (a === b) return aOffset - bOffset;
    let x = a;
    let y = b;
    let dx = this.depth(x);
    let dy = this.depth(y);
    // One inside the other: the outer one's position is a child offset, compared with the child.
    while (dx > dy) {
      const parent = x.parentNode!;
      if (parent === y) return this.index(x) < bOffset ? -1 : 1;
      x = parent;
      dx--;
    }
    while (dy > dx) {
      const parent = y.parentNode!;
      if (parent === x) return aOffset <= this.index(y) ? -1 : 1;
      y = parent;
      dy--;
    }
    while (x.parentNode !== y.parentNode) {
      x = x.parentNode!;
      y = y.parentNode!;
    }
    // Two nodes of different trees (one was removed): no order; leave them as they are.
    if (!x.parentNode) return 0;
    return this.index(x) - this.index(y);
  }

  private depth(node: Node): number {
    let depth = this.depths.get(node);
    if (depth === undefined) {
      const parent = node.parentNode;
      depth = parent ? this.depth(parent) + 1 : 0;
      this.depths.set(node, depth);
    }
    return depth;
  }

  /** The node's place among its parent's children: all of them are counted once, when first asked. */
  private index(node: Node): number {
    let index = this.indexes.get(node);
    if (index === undefined) {
      let i = 0;
      for (let child = node.parentNode?.firstChild ?? null; child; child = child.nextSibling)
        this.indexes.set(child, i++);
      index = this.indexes.get(node) ?? 0;
    }
    return index;
  }
}
