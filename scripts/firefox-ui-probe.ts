/**
 * How the Firefox suite reaches ClaimLens's closed UI on a page, as scripts/page-ui-probe.ts does in
 * Chromium through the DevTools protocol: WebDriver BiDi hands the test closed shadow roots
 * (`includeShadowTree: 'all'`, as the browser's own tools see them), and the test's code runs in a
 * BiDi sandbox, a realm of the test's own over the page's DOM, where the page's scripts cannot look.
 * Nothing is added to the extension and nothing is handed to the page.
 */
import type { Frame, Page } from 'puppeteer-core';
import { HIGHLIGHT_PRIORITY } from '../lib/page/mark-layer';
import {
  drag,
  elementBox,
  marksByStyle,
  poll,
  selectedText,
  selectionEnds,
  shows,
  textUnder,
  tooltipClaims,
  type UiElement,
} from './in-page-readers';

export type { UiElement } from './in-page-readers';
export type PublicStyle = keyof typeof HIGHLIGHT_PRIORITY;

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: EvaluateResult }>;
}

interface RemoteNode {
  type: 'node';
  sharedId: string;
  value?: { shadowRoot?: RemoteNode | null; mode?: 'open' | 'closed' };
}

type EvaluateResult =
  | { type: 'success'; result: { type: string; value?: unknown } }
  | { type: 'exception'; exceptionDetails: { text: string } };

/** The realm the probe's functions run in: the test's own, over the page's document. */
const SANDBOX = 'claimlens-test';

function bidi(page: Page | Frame): { connection: BidiConnection; context: string } {
  const frame = 'mainFrame' in page ? page.mainFrame() : page;
  const connection = (page as unknown as { browser(): { connection: BidiConnection } }).browser?.()
    ?.connection;
  const context = (frame as unknown as { _id: string })._id;
  if (!connection || !context) throw new Error('not a puppeteer page over WebDriver BiDi');
  return { connection, context };
}

/**
 * Calls `fn` in the test's sandbox of the page with the given nodes (BiDi shared ids) and a JSON
 * argument, and returns what it returns, as JSON. Closed shadow roots come back as shared ids.
 */
async function call(
  page: Page,
  fn: string,
  nodes: string[],
  arg: unknown,
  serialize: 'json' | 'nodes',
): Promise<EvaluateResult> {
  const { connection, context } = bidi(page);
  // tsx names functions with a __name() helper that this realm lacks.
  const wrapped =
    serialize === 'json'
      ? `(...a) => { globalThis.__name ??= (f) => f; return Promise.resolve((${fn})(...a)).then((v) => JSON.stringify(v ?? null)); }`
      : `(...a) => { globalThis.__name ??= (f) => f; return (${fn})(...a); }`;
  const { result } = await connection.send('script.callFunction', {
    functionDeclaration: wrapped,
    target: { context, sandbox: SANDBOX },
    arguments: [...nodes.map((sharedId) => ({ sharedId })), { type: 'string', value: JSON.stringify(arg) }],
    awaitPromise: true,
    serializationOptions: { maxDomDepth: 0, includeShadowTree: 'all' },
  });
  if (result.type === 'exception') throw new Error(`in the page: ${result.exceptionDetails.text}`);
  return result;
}

/** The closed shadow root of the first element `find` returns (run in the sandbox), if any. */
async function closedRootOf(page: Page, find: string, nodes: string[] = []): Promise<string | undefined> {
  const result = await call(page, find, nodes, null, 'nodes');
  if (result.type !== 'success') return undefined;
  const value = result.result.value;
  const elements = (Array.isArray(value) ? value : [result.result]) as RemoteNode[];
  for (const element of elements) {
    const root = element?.value?.shadowRoot;
    if (root && root.value?.mode === 'closed') return root.sharedId;
  }
  return undefined;
}

/** ClaimLens's closed shadow root on the page (its host has a random name), once it is made. */
export function uiRoot(page: Page): Promise<string | undefined> {
  return closedRootOf(
    page,
    '() => [...document.documentElement.children, ...(document.body?.children ?? [])]',
  );
}

/**
 * Runs `fn(root, arg)` (a function, or its source) in the test's sandbox with ClaimLens's closed shadow
 * root, and returns its result (JSON); undefined while ClaimLens has no UI on the page.
 */
export async function inUi<T, A = null>(
  page: Page,
  fn: ((root: ShadowRoot, arg: A) => T | Promise<T>) | string,
  arg?: A,
): Promise<T | undefined> {
  const root = await uiRoot(page);
  if (!root) return undefined;
  const result = await call(
    page,
    `(root, json) => (${fn.toString()})(root, JSON.parse(json))`,
    [root],
    arg ?? null,
    'json',
  );
  return result.type === 'success' ? (JSON.parse(result.result.value as string) as T) : undefined;
}

/** Elements matching a selector inside ClaimLens's shadow root, with their text and centre. */
export async function uiElements(page: Page, selector: string): Promise<UiElement[]> {
  const boxes = `(root, sel) => [...root.querySelectorAll(sel)].map(${elementBox.toString()})`;
  return (await inUi<UiElement[], string>(page, boxes, selector)) ?? [];
}

/** Waits for a shown element of ClaimLens's shadow root (with that text or label, if given). */
export function waitForUi(page: Page, selector: string, text?: string, timeout = 5000): Promise<UiElement> {
  return poll(
    async () => (await uiElements(page, selector).catch(() => [])).find((e) => shows(e, text, true)),
    () => `ClaimLens showed no ${selector}${text ? ` with “${text}”` : ''}`,
    timeout,
    100,
  );
}

/** Clicks an element of ClaimLens's shadow root with the mouse, as the reader would. */
export async function clickUi(page: Page, selector: string, text?: string): Promise<void> {
  const { x, y } = await waitForUi(page, selector, text);
  await page.mouse.click(x, y);
}

/**
 * The open tooltip's title and its claims of responsibility (the short card's lines at a glance, or the
 * full card's claims), or null when no tooltip is shown.
 */
export function openTooltip(page: Page): Promise<{ title: string; claims: string[] } | null> {
  return inUi(page, tooltipClaims).then((t) => t ?? null);
}

/** Whether the keyboard focus is inside ClaimLens's UI (its host is the page's active element). */
export async function focusInUi(page: Page): Promise<boolean> {
  return (await inUi(page, (root) => root.activeElement !== null)) ?? false;
}

/**
 * The page's text that lies under the tint boxes of saved passages (drawn in a closed shadow root of
 * their own inside ClaimLens's), one string per run of covered characters: what a reader sees
 * highlighted (only for small pages: it measures each character).
 */
export async function tintedTexts(page: Page): Promise<string[]> {
  const root = await uiRoot(page);
  if (!root) return [];
  const boxes = await closedRootOf(page, '(root) => root.querySelector(".cl-root-overlay")', [root]);
  if (!boxes) return [];
  const underBoxes = `(boxRoot) => (${textUnder.toString()})([...boxRoot.children].map((box) => box.getBoundingClientRect()))`;
  const result = await call(page, underBoxes, [boxes], null, 'json');
  return result.type === 'success' ? (JSON.parse(result.result.value as string) as string[]) : [];
}

/** The text of every public mark on the page, by style (their names are random; painting order tells the style). */
export function publicMarks(page: Page | Frame): Promise<Partial<Record<PublicStyle, string[]>>> {
  return page.evaluate(marksByStyle, HIGHLIGHT_PRIORITY);
}

/** Selects the start of an element's text with the mouse, as a reader would. */
export async function selectWithMouse(page: Page, selector: string, chars: number): Promise<string> {
  await drag(page.mouse, await page.evaluate(selectionEnds, { selector, chars }));
  return page.evaluate(selectedText);
}

/** The notes frame of a page (an extension page in an iframe of the closed root): `panel` or `notice`. */
export function noteFrame(page: Page, role: 'panel' | 'notice' = 'panel', timeout = 5000): Promise<Frame> {
  // The newest live one: a frame made again (the host was recreated, the page reloaded) replaces the
  // old one, which may linger detached for a moment.
  return poll(
    () =>
      page
        .frames()
        .filter((f) => !f.detached && f.url().includes(`/notes-frame.html?${role}`))
        .at(-1),
    () => `no ${role} notes frame on the page`,
    timeout,
    100,
  );
}
