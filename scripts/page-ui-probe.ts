/**
 * How the E2E tests, the bench and the demo reach ClaimLens's UI on a page as a reader would, by mouse and
 * keyboard. Its host's shadow root is closed and the note UI is an extension page in a frame: they
 * are found through the DevTools protocol (as the browser's own tools do), without handing anything to
 * the page's scripts (except exposeUi, for tests that read the public tooltip).
 */
import { selectors, type CDPSession, type Frame, type Locator, type Page } from 'playwright-core';
import {
  drag,
  elementBox,
  poll,
  selectedText,
  selectionEnds,
  shows,
  textCentre,
  type UiElement,
} from './in-page-readers';

interface DomNode {
  nodeId: number;
  backendNodeId: number;
  nodeName: string;
  children?: DomNode[];
  shadowRoots?: (DomNode & { shadowRootType?: string })[];
}

async function withCdp<T>(page: Page, work: (cdp: CDPSession) => Promise<T>): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  try {
    return await work(cdp);
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** ClaimLens's host: the element with a closed shadow root (under <html>, unless a page moved it). */
async function findHost(cdp: CDPSession): Promise<DomNode | undefined> {
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  const search = (node: DomNode): DomNode | undefined => {
    if (node.shadowRoots?.some((s) => s.shadowRootType === 'closed')) return node;
    for (const child of node.children ?? []) {
      const found = search(child);
      if (found) return found;
    }
    return undefined;
  };
  return search(root);
}

/** The closed shadow root ClaimLens put on the page, if there is one yet. */
async function shadowRoot(cdp: CDPSession): Promise<DomNode | undefined> {
  return (await findHost(cdp))?.shadowRoots?.find((s) => s.shadowRootType === 'closed');
}

/** The name of ClaimLens's host element on the page (made afresh each time). */
export async function uiHostName(page: Page): Promise<string | undefined> {
  return withCdp(page, async (cdp) => (await findHost(cdp))?.nodeName.toLowerCase());
}

/** Elements matching a selector inside ClaimLens's shadow root, with their text and centre. */
export async function uiElements(page: Page, selector: string): Promise<UiElement[]> {
  return withCdp(page, async (cdp) => {
    const shadow = await shadowRoot(cdp);
    if (!shadow) return [];
    const { nodeIds } = (await cdp.send('DOM.querySelectorAll', { nodeId: shadow.nodeId, selector })) as {
      nodeIds: number[];
    };
    const found = [];
    for (const nodeId of nodeIds) {
      const { object } = (await cdp.send('DOM.resolveNode', { nodeId })) as { object: { objectId: string } };
      const { result } = (await cdp.send('Runtime.callFunctionOn', {
        objectId: object.objectId,
        functionDeclaration: `function () { return JSON.stringify((${elementBox.toString()})(this)); }`,
        returnByValue: true,
      })) as { result: { value: string } };
      found.push(JSON.parse(result.value) as UiElement);
    }
    return found;
  });
}

/** Waits for an element of ClaimLens's shadow root (with that text, if given) to be shown. */
export function waitForUi(page: Page, selector: string, text?: string, timeout = 5000): Promise<UiElement> {
  return poll(
    async () => (await uiElements(page, selector)).find((e) => shows(e, text, false)),
    () => `ClaimLens showed no ${selector}${text ? ` with “${text}”` : ''}`,
    timeout,
    50,
  );
}

/** Clicks an element of ClaimLens's shadow root with the mouse, as the reader would. */
export async function clickUi(page: Page, selector: string, text?: string): Promise<void> {
  const { x, y } = await waitForUi(page, selector, text);
  await page.mouse.click(x, y);
}

/** Clicks a button of the toolbar beside a selection. */
export async function clickToolbar(page: Page, name: 'Highlight' | 'Add note'): Promise<void> {
  await clickUi(page, '.cl-selection-toolbar button', name);
}

/** The notes frame of a page: `panel` (note card, note editor) or `notice` (orphans, re-linking). */
export function noteFrame(page: Page, role: 'panel' | 'notice' = 'panel', timeout = 5000): Promise<Frame> {
  // The newest live one: a frame made again (the host was recreated, the page reloaded) replaces the
  // old one, which may linger detached for a moment.
  return poll(
    () =>
      page
        .frames()
        .filter((f) => !f.isDetached() && f.url().includes(`/notes-frame.html?${role}`))
        .at(-1),
    () => `no ${role} notes frame on the page`,
    timeout,
    50,
  );
}

/** Selects the start of an element's text with the mouse, as a reader would. */
export async function selectWithMouse(page: Page, selector: string, chars = 60): Promise<string> {
  await drag(page.mouse, await page.evaluate(selectionEnds, { selector, chars }));
  return page.evaluate(selectedText);
}

/** Centre of the first occurrence of `text` in the page's own text, scrolled into view. */
export function pointOf(page: Page, text: string): Promise<{ x: number; y: number }> {
  return page.evaluate(textCentre, text);
}

const TEST_ROOT = '__claimlensTestUiRoot';

/**
 * For tests that read ClaimLens's public UI (the tooltip) with Playwright's locators: hands the closed
 * shadow root to the page's own world under a test-only name, through the DevTools protocol. Never
 * used on the hostile pages, whose scripts must find nothing.
 */
export async function exposeUi(page: Page): Promise<boolean> {
  return withCdp(page, async (cdp) => {
    const shadow = await shadowRoot(cdp);
    if (!shadow) return false;
    const { object } = (await cdp.send('DOM.resolveNode', { nodeId: shadow.nodeId })) as {
      object: { objectId: string };
    };
    await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: `function () { globalThis.${TEST_ROOT} = this; }`,
    });
    return true;
  });
}

/** Registers the `claimlens=` selector engine (before the browser starts): CSS inside the exposed root. */
export async function registerUiSelector(): Promise<void> {
  await selectors.register('claimlens', () => ({
    query(_root: Node, selector: string) {
      const root = (globalThis as Record<string, unknown>).__claimlensTestUiRoot as ShadowRoot | undefined;
      return root?.querySelector(selector) ?? null;
    },
    queryAll(_root: Node, selector: string) {
      const root = (globalThis as Record<string, unknown>).__claimlensTestUiRoot as ShadowRoot | undefined;
      return root ? [...root.querySelectorAll(selector)] : [];
    },
  }));
}

/** A locator inside ClaimLens's shadow root (exposed first; the host may have been made since). */
export async function inUi(page: Page, selector: string): Promise<Locator> {
  await exposeUi(page);
  return page.locator(`claimlens=${selector}`);
}
