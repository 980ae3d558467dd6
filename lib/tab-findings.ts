/**
 * What the pages of each tab found, as the background knows it: for the toolbar badge and the popup.
 * Each frame files on its own (the top page, and every iframe ClaimLens reads); the tab's findings
 * are all of them together. A page's findings are what the background answered it, counted as the
 * page counts what it draws (lib/page/page-findings.ts), until the page files its own (`reportPage`:
 * it did not draw all of it, or marks went with their nodes); from then on, what it files.
 * It lives in the worker's memory, so it is lost whenever the browser stops the worker; the badges
 * the browser keeps, and the pages keep what they found (they can be asked: `pageReport`).
 *
 * Content scripts run at document_idle, and a frame can get there before its top page (a fast frame,
 * a top page still loading a slow script): a frame on file when the top page opens may be one of the
 * new page's or one of the page before's (a reload: the tab's address did not change, so the tab was
 * not forgotten). Nothing the browser says tells them apart (a sender names no parent document, and
 * Firefox no document at all; a tab's 'loading' update also comes with frames' and same-document
 * navigations), so each frame is asked: as the top page opens, the frames on file are kept but not
 * counted (`unconfirmed`) until their frame answers whether its page is still open (`stillOpen`);
 * then counted again, or dropped if it does not answer. Frame ids are not reused: a frame of the page
 * before went with it.
 */
import { badgeText } from './badge';
import type { DisplaySettings } from './display-settings';
import type { PageFindings } from './messaging';
import { AnsweredFindings } from './page/page-findings';
import type { TextMatches } from './matching/text-matcher';

/** What one frame's page is on file for. */
interface Filing {
  /** The document that files here (the browser's `documentId`; undefined: not known, any document of the frame). */
  document?: string;
  findings: PageFindings;
  /** What the page was answered, while its findings are counted from that (null: it files its own). */
  answered: AnsweredFindings | null;
  /** What the reader marks, as the page was told when it opened. */
  display: Pick<DisplaySettings, 'kinds'>;
  /** A frame on file when its tab's top page opened: not counted until its frame says it is still open. */
  unconfirmed?: true;
}

interface Tab {
  /** The top page (undefined: not known to this worker, which was started after it opened). */
  top?: Filing;
  frames: Map<number, Filing>;
}

/** A page that opens: its document and what the reader marks (without it, the page files its own findings). */
export interface Opening {
  document?: string;
  display: Pick<DisplaySettings, 'kinds'>;
}

/** Where an answer is filed: the page's filing as it was when the message arrived. */
export type FilingHandle =
  { readonly tabId: number; readonly frameId: number; readonly filing: Filing } | undefined;

/** A frame on file when its tab's top page opened, to be asked whether its page is still open. */
export type FrameCheck = { readonly tabId: number; readonly frameId: number; readonly filing: Filing };

const nothing = (url: string): PageFindings => ({ url, entities: [], incidents: [] });

export class TabFindings {
  private readonly byTab = new Map<number, Tab>();

  /**
   * A page opens in the tab's top frame: it has found nothing yet. The frames on file are kept but
   * not counted until each is confirmed (`unconfirmed`, `confirmed`): they may be the new page's,
   * opened before it, or the page before's. Returns whether the tab's badge must be cleared: it
   * showed something, or the worker does not know what it shows (it was stopped since the tab last
   * filed).
   */
  opened(tabId: number, url: string, opening?: Opening): boolean {
    const before = this.get(tabId);
    const frames = this.byTab.get(tabId)?.frames ?? new Map<number, Filing>();
    for (const filing of frames.values()) filing.unconfirmed = true;
    this.byTab.set(tabId, { top: fresh(url, opening), frames });
    return before === undefined || badgeText(before) !== '';
  }

  /** The tab's frames that were on file when its top page last opened, and are not confirmed yet. */
  unconfirmed(tabId: number): FrameCheck[] {
    const frames = this.byTab.get(tabId)?.frames ?? new Map<number, Filing>();
    return [...frames]
      .filter(([, f]) => f.unconfirmed)
      .map(([frameId, filing]) => ({ tabId, frameId, filing }));
  }

  /**
   * What a frame said when asked whether its page is still open (`open`: it answered): its findings
   * are counted again, or dropped. Nothing changes if the frame filed anew meanwhile. Returns whether
   * the badge changes.
   */
  confirmed(check: FrameCheck, open: boolean): boolean {
    const { tabId, frameId, filing } = check;
    const tab = this.byTab.get(tabId);
    if (tab?.frames.get(frameId) !== filing || !filing.unconfirmed) return false;
    const before = badgeText(this.get(tabId)!);
    if (open) delete filing.unconfirmed;
    else tab.frames.delete(frameId);
    return badgeText(this.get(tabId)!) !== before;
  }

  /**
   * A page opens in one of the tab's frames: what that frame found before is gone. Returns whether
   * the badge changes.
   */
  frameOpened(tabId: number, frameId: number, opening?: Opening & { url: string }): boolean {
    let tab = this.byTab.get(tabId);
    const before = tab ? badgeText(this.get(tabId)!) : '';
    if (opening) {
      if (!tab) this.byTab.set(tabId, (tab = { frames: new Map() }));
      tab.frames.set(frameId, fresh(opening.url, opening));
    } else if (tab) tab.frames.delete(frameId);
    return tab !== undefined && badgeText(this.get(tabId)!) !== before;
  }

  /**
   * Where an answer to this sender (its tab, frame and document, as the browser says) would be filed,
   * taken as the message arrives: an answer is filed only if the page's filing is still the same when
   * it is ready (a page that opened again meanwhile is not given an answer to its earlier self).
   */
  filingFor(tabId: number, frameId: number, document: string | undefined): FilingHandle {
    const tab = this.byTab.get(tabId);
    const filing = frameId === 0 ? tab?.top : tab?.frames.get(frameId);
    if (!filing?.answered || filing.document !== document) return undefined;
    return { tabId, frameId, filing };
  }

  /**
   * Files what the background answered a page (`text`: the text the matches are in). Returns false
   * when it was not filed: the page is not known as it is (this worker started after it opened, it
   * opened again since, it files its own findings).
   */
  answered(
    handle: FilingHandle,
    matches: Pick<TextMatches, 'mentions' | 'incidents' | 'published'>,
    text: string,
  ): boolean {
    if (!handle) return false;
    const { tabId, frameId, filing } = handle;
    const tab = this.byTab.get(tabId);
    const current = frameId === 0 ? tab?.top : tab?.frames.get(frameId);
    if (current !== filing || !filing.answered) return false;
    filing.answered.add(matches, text);
    const counted = filing.answered.findings(filing.display);
    // A page that found nothing has nothing on file (not even its date), as when it opened.
    filing.findings =
      counted.entities.length > 0 || counted.incidents.length > 0
        ? { url: filing.findings.url, ...counted }
        : nothing(filing.findings.url);
    return true;
  }

  /**
   * What one frame found (0: the top page), as the page files it; from then on its answers are not
   * counted for it. `document`: the sending document; a report of another document than the one that
   * opened last in the frame is dropped (returns false).
   */
  filed(tabId: number, findings: PageFindings, frameId = 0, document?: string): boolean {
    const tab = this.byTab.get(tabId) ?? { frames: new Map<number, Filing>() };
    const known = frameId === 0 ? tab.top : tab.frames.get(frameId);
    if (known?.document !== undefined && document !== undefined && known.document !== document) return false;
    if (known) {
      // The same filing, so that a frame still to be confirmed stays so (confirmed).
      known.document ??= document;
      known.findings = findings;
      known.answered = null;
    } else {
      const filing: Filing = { document, findings, answered: null, display: { kinds: [] } };
      if (frameId === 0) tab.top = filing;
      else tab.frames.set(frameId, filing);
    }
    this.byTab.set(tabId, tab);
    return true;
  }

  /** What the tab's pages found together: the top page's address, every frame's names and incidents. */
  get(tabId: number): PageFindings | undefined {
    const tab = this.byTab.get(tabId);
    if (!tab) return undefined;
    const frames = [...tab.frames.values()].filter((f) => !f.unconfirmed).map((f) => f.findings);
    const top = tab.top?.findings ?? nothing(frames[0]?.url ?? '');
    if (frames.length === 0) return top;
    const entities = new Map<string, PageFindings['entities'][number]>();
    const incidents = new Map<string, PageFindings['incidents'][number]>();
    for (const found of [top, ...frames]) {
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
    return { ...top, entities: [...entities.values()], incidents: [...incidents.values()] };
  }

  forget(tabId: number): void {
    this.byTab.delete(tabId);
  }

  tabs(): number[] {
    return [...this.byTab.keys()];
  }
}

/** A page that opened: nothing on file yet; counted from its answers when the background knows how it opened. */
function fresh(url: string, opening: Opening | undefined): Filing {
  return {
    document: opening?.document,
    findings: nothing(url),
    answered: opening ? new AnsweredFindings() : null,
    display: opening?.display ?? { kinds: [] },
  };
}
