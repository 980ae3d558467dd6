/**
 * Which text on a page a reader can see: skips scripts, styles, form fields, editable regions, hidden
 * subtrees and ClaimLens's own UI, and tells where blocks begin so no name is read across two of them.
 */

/** Tag of the single element ClaimLens adds to a page: the host of its shadow root. */
export const UI_HOST_TAG = 'claimlens-ui';

const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'button',
  'svg',
  'math',
  'iframe',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'head',
  'title',
  UI_HOST_TAG,
]);

const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'th',
  'thead',
  'tr',
  'ul',
]);

/** Whether an element's subtree is never read. */
export function isSkipped(element: Element): boolean {
  if (SKIPPED.has(element.localName)) return true;
  if (element.hasAttribute('hidden')) return true;
  const editable = element.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
}

/** Whether a node sits inside a subtree that is never read (for content that arrives later). */
export function isInsideSkipped(node: Node): boolean {
  for (let el = node.nodeType === 1 ? (node as Element) : node.parentElement; el; el = el.parentElement) {
    if (isSkipped(el)) return true;
  }
  return false;
}

export function isBlock(element: Element): boolean {
  return BLOCKS.has(element.localName);
}

export interface TextVisitor {
  text(node: Text): void;
  /** A block starts or a line breaks: no name continues across it. */
  boundary(): void;
}

/**
 * Reads the visible text under `root` in document order, a slice at a time: `next()` visits up to
 * `maxNodes` nodes and returns false once everything is read.
 */
export class VisibleTextWalker {
  private readonly walker: TreeWalker;
  private done = false;

  constructor(
    private readonly root: Node,
    private readonly visitor: TextVisitor,
  ) {
    const doc = root.ownerDocument ?? (root as Document);
    this.walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    if (root.nodeType === Node.TEXT_NODE) {
      visitor.text(root as Text);
      this.done = true;
    }
  }

  next(maxNodes: number): boolean {
    if (this.done) return false;
    const walker = this.walker;
    const visitor = this.visitor;
    for (let i = 0; i < maxNodes; i++) {
      let node: Node | null = walker.nextNode();
      while (node && node.nodeType === 1 && isSkipped(node as Element)) node = this.skipSubtree(node);
      if (!node) {
        this.done = true;
        return false;
      }
      if (node.nodeType === 3) visitor.text(node as Text);
      else if (BLOCKS.has((node as Element).localName)) visitor.boundary();
    }
    return true;
  }

  /** Moves past `node`'s subtree; returns the next node in document order, or null at the end. */
  private skipSubtree(node: Node): Node | null {
    const walker = this.walker;
    walker.currentNode = node;
    for (let current: Node | null = node; current && current !== this.root; current = walker.parentNode()) {
      const sibling = walker.nextSibling();
      if (sibling) return sibling;
      walker.currentNode = current;
    }
    return null;
  }
}
