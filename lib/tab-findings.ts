/**
 * What the top page of each tab found, as the background knows it: for the toolbar badge and the
 * popup. It lives in the worker's memory, so it is lost whenever the browser stops the worker; the
 * badges the browser keeps, and the pages keep what they found (they can be asked: `pageReport`).
 */
import { badgeText } from './badge';
import type { PageFindings } from './messaging';

export class TabFindings {
  private readonly byTab = new Map<number, PageFindings>();

  /**
   * A page opens in the tab: it has found nothing yet (it says so only once it finds something).
   * Returns whether the tab's badge must be cleared: it showed something, or the worker does not
   * know what it shows (it was stopped since the tab last filed).
   */
  opened(tabId: number, url: string): boolean {
    const before = this.byTab.get(tabId);
    this.byTab.set(tabId, { url, entities: [], incidents: [] });
    return before === undefined || badgeText(before) !== '';
  }

  filed(tabId: number, findings: PageFindings): void {
    this.byTab.set(tabId, findings);
  }

  get(tabId: number): PageFindings | undefined {
    return this.byTab.get(tabId);
  }

  forget(tabId: number): void {
    this.byTab.delete(tabId);
  }

  tabs(): number[] {
    return [...this.byTab.keys()];
  }
}
