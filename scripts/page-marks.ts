/**
 * What ClaimLens drew on a page, read the way the E2E tests and `npm run bench` need it: the public
 * marks from the page's highlight registry (their names are random, their painting order tells the
 * style), and the saved passages from inside ClaimLens's closed shadow root, through the content
 * script's own world (the DevTools protocol reaches it; a page's scripts cannot). Reaching the UI
 * itself (toolbar, notes frames) as a reader would is scripts/page-ui-probe.ts.
 */
import type { CDPSession, Frame, Page } from 'playwright-core';
import { HIGHLIGHT_PRIORITY } from '../lib/page/mark-layer';
import type { ExtensionBrowser } from './browser-harness';
import { highlightNameAt, marksByStyle, overlayBoxes, textUnder } from './in-page-readers';

export type PublicStyle = keyof typeof HIGHLIGHT_PRIORITY;

/** The text of every public mark, by style (group, actor, incident, active), in a page or one of its frames. */
export function publicMarks(page: Page | Frame): Promise<Partial<Record<PublicStyle, string[]>>> {
  return page.evaluate(marksByStyle, HIGHLIGHT_PRIORITY);
}

/** The registry name of one public style on this page (null while nothing of that style is drawn). */
export function highlightNameOf(page: Page, style: PublicStyle): Promise<string | null> {
  return page.evaluate(highlightNameAt, HIGHLIGHT_PRIORITY[style]);
}

/** The content script's world in one page (made again after each navigation). */
export class ExtensionWorld {
  private contextId?: number;

  private constructor(
    private readonly cdp: CDPSession,
    private readonly origin: string,
  ) {
    cdp.on('Runtime.executionContextCreated', ({ context }) => {
      if (
        context.origin === this.origin &&
        (context.auxData as { type?: string } | undefined)?.type === 'isolated'
      )
        this.contextId = context.id;
    });
    cdp.on('Runtime.executionContextsCleared', () => (this.contextId = undefined));
  }

  static async attach(browser: ExtensionBrowser, page: Page): Promise<ExtensionWorld> {
    const cdp = await browser.context.newCDPSession(page);
    const world = new ExtensionWorld(cdp, `chrome-extension://${browser.extensionId}`);
    await cdp.send('Runtime.enable');
    return world;
  }

  /** Runs `fn` applied to `arg` (sent as JSON) in the content script's world. */
  evaluate<T>(fn: (arg: never) => T | Promise<T>, arg?: unknown): Promise<T> {
    return this.run(`(${fn.toString()})(${JSON.stringify(arg ?? null)})`);
  }

  /** Runs an expression in the content script's world, and returns its value (awaited). */
  async run<T>(expression: string): Promise<T> {
    for (let tries = 0; this.contextId === undefined; tries++) {
      if (tries > 400) throw new Error('the content script never ran in this page');
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const { result, exceptionDetails } = (await this.cdp.send('Runtime.evaluate', {
      contextId: this.contextId,
      // tsx names functions with a __name() helper that this world lacks (browser-harness.ts gives
      // pages one).
      expression: `globalThis.__name = globalThis.__name || ((f) => f);\n${expression}`,
      awaitPromise: true,
      returnByValue: true,
    })) as {
      result: { value: T };
      exceptionDetails?: { text: string; exception?: { description?: string } };
    };
    if (exceptionDetails)
      throw new Error(
        exceptionDetails.exception?.description ?? exceptionDetails.text ?? 'evaluation failed',
      );
    return result.value;
  }

  /** The tint boxes of saved passages, in viewport coordinates. */
  overlayBoxes(): Promise<{ left: number; top: number; width: number; height: number }[]> {
    return this.evaluate(overlayBoxes);
  }

  /**
   * The page's text that lies under the tint boxes, one string per run of covered characters: what a
   * reader sees highlighted (only for small pages: it measures each character).
   */
  tintedTexts(): Promise<string[]> {
    return this.run(`(${textUnder.toString()})((${overlayBoxes.toString()})())`);
  }

  detach(): Promise<void> {
    return this.cdp.detach();
  }
}
