/** Background: owns the compiled knowledge, answers the content script's messages, keeps the badge. */
import { browser, defineBackground } from '#imports';
import { defaultPack } from '../../lib/knowledge/default-pack';
import { KnowledgeService } from '../../lib/knowledge/knowledge-service';
import { messageGuards } from '../../lib/message-guards';
import { onMessage, type PageReport, type ProtocolMap } from '../../lib/messaging';
import { badgeText } from '../../lib/badge';

export default defineBackground(() => {
  let service: KnowledgeService | undefined;
  const knowledge = () => (service ??= new KnowledgeService([defaultPack()]));
  const reports = new Map<number, PageReport>();

  /** Only ClaimLens's own content scripts and pages may talk to the background. */
  function accept<K extends keyof ProtocolMap>(
    type: K,
    data: unknown,
    sender: chrome.runtime.MessageSender,
  ): data is Parameters<ProtocolMap[K]>[0] {
    if (sender.id !== browser.runtime.id) return false;
    if (!messageGuards[type](data)) {
      console.warn(`ClaimLens: refused a malformed "${type}" message`);
      return false;
    }
    return true;
  }

  onMessage('scanText', ({ data, sender }) => {
    if (!accept('scanText', data, sender)) return null;
    if (!/^https?:/.test(data.url)) return null;
    return knowledge().scan(data);
  });

  onMessage('getCards', ({ data, sender }) => {
    if (!accept('getCards', data, sender)) return [];
    return knowledge().getCards(data.ids);
  });

  onMessage('reportPage', async ({ data, sender }) => {
    const tabId = sender.tab?.id;
    if (!accept('reportPage', data, sender) || tabId === undefined || sender.frameId !== 0) return;
    reports.set(tabId, data);
    await setBadge(tabId, badgeText(data));
  });

  browser.tabs.onRemoved.addListener((tabId) => reports.delete(tabId));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading' && change.url) {
      reports.delete(tabId);
      void setBadge(tabId, '');
    }
  });

  // For `npm run scan`, `npm run bench` and the E2E tests, which drive the extension from its own
  // worker. Nothing here is reachable from a web page.
  (globalThis as { claimlens?: unknown }).claimlens = {
    reports: () => [...reports.entries()].map(([tabId, report]) => ({ tabId, ...report })),
    /** Replaces the packs in use (null: back to the default pack). */
    usePacks: (packs: unknown[] | null) => {
      service = packs ? new KnowledgeService(packs) : undefined;
      knowledge().getMatcher();
    },
    /** Every alias text of the packs in use, for the benchmark's baselines. */
    aliases: () => knowledge().aliasTexts(),
  };
});

async function setBadge(tabId: number, text: string): Promise<void> {
  const action =
    browser.action ?? (browser as unknown as { browserAction?: typeof browser.action }).browserAction;
  try {
    await action?.setBadgeText({ tabId, text });
    await action?.setBadgeBackgroundColor({ tabId, color: '#3c4043' });
  } catch {
    // The tab closed while the page was being read.
  }
}
