/**
 * What the pages of each tab found, as the background knows it: for the toolbar badge and the popup.
 * Each frame files on its own (the top page, and every iframe ClaimLens reads); the tab's findings
 * are all of them together. It lives in the worker's memory, so it is lost whenever the browser stops
 * the worker; the badges the browser keeps, and the pages keep what they found (they can be asked:
 * `pageReport`).
 */
import { badgeText } from './badge';
import type { PageFindings } from './messaging';

interface Tab {
  top: PageFindings;
  frames: Map<number, PageFindings>;
}

export class TabFindings {
  private readonly byTab = new Map<number, Tab>();

  /**
   * A page opens in the tab's top frame: it has found nothing yet (it says so only once it finds
   * something), nor have its frames. Returns whether the tab's badge must be cleared: it showed
   * something, or the worker does not know what it shows (it was stopped since the tab last filed).
   */
  opened(tabId: number, url: string): boolean {
    const before = this.get(tabId);
    this.byTab.set(tabId, { top: { url, entities: [], incidents: [] }, frames: new Map() });
    return before === undefined || badgeText(before) !== '';
  }

  /** A page opens in one of the tab's frames: what that frame found before is gone. Returns whether the badge changes. */
  frameOpened(tabId: number, frameId: number): boolean {
    const tab = this.byTab.get(tabId);
    if (!tab?.frames.has(frameId)) return false;
    const before = badgeText(this.get(tabId)!);
    tab.frames.delete(frameId);
    return badgeText(this.get(tabId)!) !== before;
  }

  /** What one frame found (0: the top page). */
  filed(tabId: number, findings: PageFindings, frameId = 0): void {
    const tab = this.byTab.get(tabId);
    if (frameId === 0) this.byTab.set(tabId, { top: findings, frames: tab?.frames ?? new Map() });
    else if (tab) tab.frames.set(frameId, findings);
    else
      this.byTab.set(tabId, {
        top: { url: findings.url, entities: [], incidents: [] },
        frames: new Map([[frameId, findings]]),
      });
  }

  /** What the tab's pages found together: the top page's address, every frame's names and incidents. */
  get(tabId: number): PageFindings | undefined {
    const tab = this.byTab.get(tabId);
    if (!tab) return undefined;
    if (tab.frames.size === 0) return tab.top;
    const entities = new Map<string, PageFindings['entities'][number]>();
    const incidents = new Map<string, PageFindings['incidents'][number]>();
    for (const found of [tab.top, ...tab.frames.values()]) {
      for (const entity of found.entities) {
        const known = entities.get(entity.id);
        entities.set(
          entity.id,
          known
            ? {
                ...known,
                aliases: [...new Set([...known.aliases, ...entity.aliases])],
                mentions: known.mentions + entity.mentions,
              }
            : entity,
        );
      }
      for (const incident of found.incidents) {
        const known = incidents.get(incident.id);
        if (!known || incident.confidence > known.confidence) incidents.set(incident.id, incident);
      }
    }
    return { ...tab.top, entities: [...entities.values()], incidents: [...incidents.values()] };
  }

  forget(tabId: number): void {
    this.byTab.delete(tabId);
  }

  tabs(): number[] {
    return [...this.byTab.keys()];
  }
}
