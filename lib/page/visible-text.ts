/**
 * Which text on a page a reader can see: skips scripts, styles, form fields, editable regions, hidden
 * subtrees and ClaimLens's own UI, and tells where blocks begin so no name is read across two of them.
 */

import { isUiHost } from './ui-host';

/** The host name earlier versions used (still skipped); the host is now named afresh (ui-host.ts). */
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
  return SKIPPED.has(element.localName) || isSkippedByAttribute(element) || isUiHost(element);
}

function isSkippedByAttribute(element: Element): boolean {
  if (element.hasAttribute('hidden')) return true;
  const editable = element.getAttribute('contenteditable');
  return editable !== null && editable.toLowerCase() !== 'false';
}

/** Whether a node sits inside a subtree that is never read (for content that arrives later). */
export function isInsideSkipped(node: Node): boolean {
  for (let el = node.nodeType === 1 ? (node as Element) : node.parentElement; el; el = el.parentElement) {
    if (isSkipped(el)) return true;
  }
  return false;
}

export interface TextVisitor {
  text(node: Text): void;
  /**
   * A block starts or ends between two text nodes: no name continues across it. True: the walk stops
   * here, before the next text node, and goes on from it at the next `next()`.
   */
  boundary(): boolean | void;
}

interface ElementInfo {
  skipped: boolean;
  /** Nearest block element at or above it (undefined above the walk's root). */
  block: Element | undefined;
}

/**
 * Reads the visible text under `root` in document order, a slice at a time: `next()` visits up to
 * `maxNodes` text nodes and returns false once everything is read. The walk visits text nodes only
 * (the cheapest walk there is); each element holding text is classified once, with its ancestors,
 * and remembered.
 */
export class VisibleTextWalker {
  private walker?: TreeWalker;
  /**
   * For a root whose children are all text (a paragraph a feed appends): the next child to look at,
   * reached by sibling (a tree walker made per paragraph costs more than the paragraph's whole read
   * when a page adds 20,000 of them). Undefined: the walk goes through a tree walker.
   */
  private flat?: ChildNode | null;
  private readonly info = new Map<Element, ElementInfo>();
  private lastBlock: Element | undefined | null = null;
  private done = false;
  /** The text node after a boundary at which the visitor stopped the walk: visited first next time. */
  private held?: Text;

  constructor(
    private readonly root: Node,
    private readonly visitor: TextVisitor,
  ) {
    if (root.nodeType === Node.TEXT_NODE) {
      visitor.text(root as Text);
      this.done = true;
    } else if ((root as ParentNode).firstElementChild === null) this.flat = root.firstChild;
    else
      this.walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, NodeFilter.SHOW_TEXT);
  }

  /**
   * The walk paused and the page ran: elements are classified again as the walk goes on, so what the
   * page hid, showed or made editable meanwhile counts. Only the elements the walk meets from now on
   * are looked at (a query of the whole root after every pause would make a long page's read
   * quadratic: a 20 MB page paused a thousand times).
   */
  resumed(): void {
    this.info.clear();
  }

  next(maxNodes: number): boolean {
    if (this.done) return false;
    if (this.held) {
      this.visitor.text(this.held);
      this.held = undefined;
    }
    for (let i = 0; i < maxNodes; i++) {
      const node = this.nextText();
      if (!node) {
        this.done = true;
        return false;
      }
      const parent = node.parentElement;
      const info = parent ? this.classify(parent) : undefined;
      if (info?.skipped) continue;
      const block = info?.block;
      const boundary = this.lastBlock !== null && block !== this.lastBlock;
      this.lastBlock = block;
      if (boundary && this.visitor.boundary() === true) {
        this.held = node;
        return true;
      }
      this.visitor.text(node);
    }
    return true;
  }

  private nextText(): Text | null {
    if (this.walker) return this.walker.nextNode() as Text | null;
    let node = this.flat ?? null;
    while (node && node.nodeType !== Node.TEXT_NODE) node = node.nextSibling;
    this.flat = node ? node.nextSibling : null;
    return node as Text | null;
  }

  private classify(element: Element): ElementInfo {
    const known = this.info.get(element);
    if (known) return known;
    // Every element reached from a text node of the walk lies under the root, so climbing stops there.
    const parent = element === this.root ? null : element.parentElement;
    const above = parent ? this.classify(parent) : undefined;
    const info: ElementInfo = {
      skipped: (above?.skipped ?? false) || SKIPPED.has(element.localName) || isSkippedByAttribute(element),
      block: BLOCKS.has(element.localName) ? element : above?.block,
    };
    this.info.set(element, info);
    return info;
  }
}
