/** How the E2E tests reach ClaimLens's note UI on a page, as a reader would: by the mouse and keyboard. */
import type { Locator, Page } from 'playwright-core';

/** The note panel (card, editor, notices) of a page. */
export async function noteFrame(page: Page): Promise<Page> {
  return page;
}

/** A button of the toolbar beside a selection. */
export function toolbarButton(page: Page, name: 'Highlight' | 'Add note'): Locator {
  return page.locator('claimlens-ui .cl-selection-toolbar').getByRole('button', { name });
}

/** Selects the start of an element's text with the mouse, as a reader would. */
export async function selectWithMouse(page: Page, selector: string, chars = 60): Promise<string> {
  const box = await page.evaluate(
    ([sel, n]) => {
      const element = document.querySelector(sel as string)!;
      const text = element.firstChild as Text;
      const range = document.createRange();
      range.setStart(text, 0);
      range.setEnd(text, Math.min(n as number, text.length));
      const rects = range.getClientRects();
      const first = rects[0]!;
      const last = rects[rects.length - 1]!;
      return {
        x1: first.left + 1,
        y1: first.top + first.height / 2,
        x2: last.right - 1,
        y2: last.top + last.height / 2,
      };
    },
    [selector, chars] as const,
  );
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move(box.x2, box.y2, { steps: 8 });
  await page.mouse.up();
  return page.evaluate(() => document.getSelection()!.toString());
}
