/**
 * ClaimLens's one element on a page, the host of its closed shadow root: named afresh each time it is
 * made (a page cannot predict the name, nor define a custom element of that name beforehand), and
 * known to ClaimLens's own code by identity, kept in the content script's world where pages cannot look.
 */

const HOSTS_KEY = '__claimlensUiHosts';

/** The hosts ClaimLens made on this page (shared by the content script's modules, not by the page). */
function hosts(): WeakSet<Element> {
  const shared = globalThis as Record<string, unknown>;
  return (shared[HOSTS_KEY] ??= new WeakSet<Element>()) as WeakSet<Element>;
}

export function registerUiHost(host: Element): void {
  hosts().add(host);
}

/** Whether a node is ClaimLens's host element or inside it. */
export function isInsideUiHost(node: Node | null): boolean {
  for (let n: Node | null = node; n; n = n.parentNode) {
    if (n.nodeType === Node.ELEMENT_NODE && hosts().has(n as Element)) return true;
  }
  return false;
}

export function isUiHost(node: Node): boolean {
  return node.nodeType === Node.ELEMENT_NODE && hosts().has(node as Element);
}

/** A fresh valid custom-element name: two random words of lower-case letters. */
export function newHostName(random: () => number = Math.random): string {
  const word = (length: number) =>
    Array.from({ length }, () => String.fromCharCode(97 + Math.floor(random() * 26))).join('');
  return `${word(5 + Math.floor(random() * 4))}-${word(5 + Math.floor(random() * 4))}`;
}
