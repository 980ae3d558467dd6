/** Background: owns the compiled knowledge, answers the content script's messages, keeps the badge. */
import { browser, defineBackground, type ScriptPublicPath } from '#imports';
import { KnowledgeHolder } from '../../lib/packs/knowledge-holder';
import { PACKS_CHANGED_KEY, PACKS_REVISION_KEY } from '../../lib/packs/pack-keys';
import { packManager } from '../../lib/packs/pack-manager-instance';
import type { KnowledgePack } from '../../lib/knowledge/pack-types';
import { messageGuards } from '../../lib/message-guards';
import { DISPLAY_KEY, cleanDisplay } from '../../lib/display-settings';
import { PAUSE_KEY, cleanPause, isPaused } from '../../lib/pause-settings';
import { readSettings } from '../../lib/data-controls';
import {
  SPOTTER_FILES,
  pagesToStart,
  registerSpotter,
  spotterFiles,
  type ScriptingPort,
} from '../../lib/page/spotter-registration';
import type { BackupSettings } from '../../lib/backup';
import { HeldTexts } from '../../lib/matching/held-texts';
import type { PageText } from '../../lib/matching/text-matcher';
import {
  onMessage,
  pageMessaging,
  type PageGlance,
  type PageFindings,
  type ProtocolMap,
} from '../../lib/messaging';
import * as noteRequests from '../../lib/notes/note-requests';
import { addressWithFragment, showsNotePage } from '../../lib/notes/open-note';
import { notesRepository } from '../../lib/notes/notes-repository';
import { generateNotes } from '../../lib/bench/generated-notes';
import { badgeText } from '../../lib/badge';
import { TabFindings } from '../../lib/tab-findings';
import { translate as t } from '../../lib/i18n';
import { isWebAddress } from '../../lib/safe-url';

export default defineBackground(() => {
  // The enabled packs, merged and compiled once; built again once whenever they change.
  let testPacks: readonly KnowledgePack[] | null = null;
  const holder = new KnowledgeHolder(
    async () => (testPacks ? { packs: testPacks } : await packManager().enabled()),
    // The compiled matcher outlives the worker: a restarted worker reads it instead of compiling.
    {
      get: (key) => packManager().compiledFor(key),
      put: (key, bundle) => packManager().keepCompiled(key, bundle),
    },
  );
  const knowledge = async () => (await holder.current()).service;
  // Built as the worker starts, so that the first page it reads does not wait for the compile.
  void holder.current();
  // What pages ask for as they open (pause, what is marked): read once, kept until it changes.
  let settings: Promise<Pick<BackupSettings, 'pause' | 'display'>> | undefined;
  const pageSettings = () =>
    (settings ??= readSettings(browser.storage.local).catch(() => {
      settings = undefined; // read again on the next page
      return { pause: cleanPause(undefined), display: cleanDisplay(undefined) };
    }));
  // The content script is registered here, leaving out the sites where the reader paused ClaimLens
  // (lib/page/spotter-registration.ts): checked as the worker starts, changed with the settings.
  // One change at a time, each with the settings as they are when its turn comes.
  const scripting = browser.scripting as unknown as ScriptingPort;
  let registering = Promise.resolve();
  const register = () =>
    (registering = registering
      .then(async () => {
        const { pause, display } = await pageSettings();
        await registerSpotter(scripting, pause, display.scope);
      })
      .catch((error: unknown) => console.error('ClaimLens: the content script was not registered', error)));
  const registered = register();
  // Listening has the browser start the worker with the profile, so the registration is checked
  // before the first pages of a session load, whatever the browser kept of it.
  browser.runtime.onStartup.addListener(() => void registered);
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local') return;
    const display = DISPLAY_KEY in changes || PACKS_REVISION_KEY in changes;
    const pauseChange = changes[PAUSE_KEY];
    if (!display && !pauseChange) return;
    settings = undefined;
    const before = cleanPause(pauseChange?.oldValue);
    const after = cleanPause(pauseChange?.newValue);
    const ready = pauseChange || DISPLAY_KEY in changes ? register() : Promise.resolve();
    // Every open page is told: paused, resumed, or to read itself again with what is now marked. A
    // page that was opened while paused has no content script to tell: resumed, it is given one
    // (not while it is loading: the registration gives it one then).
    void Promise.all([browser.tabs.query({}), pageSettings(), ready]).then(([tabs, settings]) => {
      const toStart = pauseChange ? pagesToStart(tabs, before, after) : [];
      const files = spotterFiles(settings.display.scope) as ScriptPublicPath[];
      for (const tab of tabs) {
        const tabId = tab.id;
        if (tabId === undefined) continue;
        const paused = tab.url === undefined ? undefined : isPaused(settings.pause, tab.url);
        const change = { restart: display, paused, display: settings.display };
        pageMessaging.sendMessage('settingsChanged', change, tabId).catch(async () => {
          if (!toStart.includes(tab) || tab.status === 'loading') return;
          const target = { tabId };
          await browser.scripting.insertCSS({ target, files: SPOTTER_FILES.css }).catch(() => undefined);
          await browser.scripting.executeScript({ target, files }).catch(() => undefined);
        });
      }
    });
  });
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local' || !(PACKS_CHANGED_KEY in changes)) return;
    void holder.reload().then(async ({ skipped, buildMs }) => {
      for (const s of skipped) console.warn(`ClaimLens: pack "${s.id}" left out (${s.problems} problems)`);
      console.info(`ClaimLens: packs rebuilt in ${Math.round(buildMs)} ms`);
      // Open pages read themselves again with the new knowledge.
      await browser.storage.local.set({ [PACKS_REVISION_KEY]: Date.now() });
    });
  });

  // Subscribed packs: checked once a day (a failed or invalid update keeps the previous version).
  const UPDATE_ALARM = 'claimlens:pack-updates';
  void browser.alarms?.get(UPDATE_ALARM).then((alarm) => {
    if (!alarm) void browser.alarms.create(UPDATE_ALARM, { delayInMinutes: 5, periodInMinutes: 24 * 60 });
  });
  browser.alarms?.onAlarm.addListener((alarm) => {
    if (alarm.name === UPDATE_ALARM) void packManager().checkForUpdates();
  });
  /** What each tab's pages found (the top page and its frames): nothing as it opens, then what they send. */
  const findings = new TabFindings();
  const pageOpened = (tabId: number, url: string) => {
    if (findings.opened(tabId, url)) void setBadge(tabId, '');
  };
  /** What the tab's top page found and what it cost it, asked of the page (null: no page answers). */
  const askPage = (tabId: number) =>
    pageMessaging.sendMessage('pageReport', {}, { tabId, frameId: 0 }).catch(() => null);
  /** What the tab's page found: as it filed it, else (the worker was stopped since) as the page says. */
  const findingsOf = async (tabId: number): Promise<PageFindings | null> => {
    const known = findings.get(tabId);
    if (known) return known;
    const report = await askPage(tabId);
    if (!report) return null;
    const { timing: _timing, ...found } = report;
    findings.filed(tabId, found);
    return found;
  };

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

  // A text that names a place waits here while its page reads its date, so it is sent only once.
  const awaitingDate = new HeldTexts<PageText>();
  const senderKey = (sender: chrome.runtime.MessageSender) =>
    `${sender.tab?.id}:${sender.frameId}:${sender.documentId ?? ''}`;
  const scanPage = async (page: PageText, sender: chrome.runtime.MessageSender) => {
    const found = (await knowledge()).scan(page);
    if (!found.needsDate) return found;
    return { ...found, resume: awaitingDate.hold(senderKey(sender), page) };
  };
  // A glance (the page's textContent) that names nothing is answered with no matches: the page is done.
  const openingMatches = async (page: PageGlance | PageText, sender: chrome.runtime.MessageSender) =>
    'glance' in page ? (await knowledge()).glanceAt(page.glance) : scanPage(page, sender);
  onMessage('scanText', async ({ data, sender }) => {
    if (!accept('scanText', data, sender)) return null;
    if (!isWebAddress(data.url) || isPaused((await pageSettings()).pause, data.url)) return null;
    const { url: _url, ...page } = data;
    return scanPage(page, sender);
  });
  onMessage('scanWithDate', async ({ data, sender }) => {
    if (!accept('scanWithDate', data, sender)) return { resend: true as const };
    const page = awaitingDate.take(senderKey(sender), data.resume);
    if (!page) return { resend: true as const };
    const { dateUnread: _unread, ...rest } = page;
    return (await knowledge()).scan({ ...rest, declaredDate: data.declaredDate });
  });

  onMessage('getCards', async ({ data, sender }) => {
    if (!accept('getCards', data, sender)) return [];
    return (await knowledge()).getCards(data.ids);
  });

  onMessage('reportPage', async ({ data, sender }) => {
    const tabId = sender.tab?.id;
    if (!accept('reportPage', data, sender) || tabId === undefined) return;
    // Each frame files what it found; the badge counts the tab.
    findings.filed(tabId, data, sender.frameId ?? 0);
    await setBadge(tabId, badgeText(findings.get(tabId)!));
  });

  // Saved passages: the database lives here, in the extension's own origin, never in a page's.
  onMessage('saveNote', async ({ data, sender }) => {
    if (!accept('saveNote', data, sender)) return refused();
    await pause(saveDelays.before);
    const result = await noteRequests.saveNote(notesRepository(), data);
    await pause(saveDelays.after);
    return result;
  });
  // Notes opened from the popup in a new tab: the page is told which one to show once it has loaded.
  const pendingFocus = new Map<number, string>();
  onMessage('openPage', async ({ data, sender }) => {
    const nothing = { pageKey: '', notes: [] };
    if (!accept('openPage', data, sender))
      return { paused: true, display: cleanDisplay(undefined), notes: nothing, found: null };
    const { pause, display } = await pageSettings();
    // Paused here (a page that opened while the registration was changing): the text is dropped unread.
    if (isPaused(pause, data.address.url)) return { paused: true, display, notes: nothing, found: null };
    const frameId = sender.frameId ?? 0;
    if (sender.tab?.id !== undefined && frameId === 0) pageOpened(sender.tab.id, data.address.url);
    else if (sender.tab?.id !== undefined && findings.frameOpened(sender.tab.id, frameId))
      void setBadge(sender.tab.id, badgeText(findings.get(sender.tab.id)!));
    const readable = isWebAddress(data.address.url) && data.scope === display.scope;
    // The notes come back even if matching fails (a pack store that cannot be read): no marks then.
    // Notes belong to the top page: a frame is only read and marked.
    const [notes, found] = await Promise.all([
      frameId === 0 ? noteRequests.pageNotes(notesRepository(), data.address) : nothing,
      readable
        ? openingMatches(data.page, sender).catch((error: unknown) => {
            console.error('ClaimLens: a page could not be matched', error);
            return null;
          })
        : null,
    ]);
    const tabId = frameId === 0 ? sender.tab?.id : undefined;
    const focus = tabId === undefined ? undefined : pendingFocus.get(tabId);
    if (tabId !== undefined) pendingFocus.delete(tabId);
    return { paused: false, display, notes: focus ? { ...notes, focus } : notes, found };
  });
  onMessage('showMark', async ({ data, sender }) => {
    if (!accept('showMark', data, sender)) return false;
    await browser.tabs.update(data.tabId, { active: true }).catch(() => undefined);
    return pageMessaging
      .sendMessage('focusMark', { targetId: data.targetId }, { tabId: data.tabId, frameId: 0 })
      .catch(() => false);
  });
  onMessage('openNote', async ({ data, sender }) => {
    if (!accept('openNote', data, sender)) return { ok: false };
    const repo = notesRepository();
    const note = await repo.get(data.id);
    if (!note) return { ok: false, message: t('errorNoteGone') };
    // Ask every tab which page it shows (no "tabs" permission needed): the first match is focused.
    const tabs = await browser.tabs.query({});
    const aliases = await repo.pageAliases(note.pageKey);
    const answers = await Promise.all(
      tabs.map(async (tab) => {
        if (tab.id === undefined) return undefined;
        const address = await pageMessaging
          .sendMessage('pageAddress', {}, { tabId: tab.id, frameId: 0 })
          .catch(() => undefined);
        return address && showsNotePage(address, note, aliases) ? tab : undefined;
      }),
    );
    const tab = answers.find((t) => t !== undefined);
    if (tab?.id !== undefined) {
      await browser.tabs.update(tab.id, { active: true });
      if (tab.windowId !== undefined)
        await browser.windows.update(tab.windowId, { focused: true }).catch(() => undefined);
      await pageMessaging
        .sendMessage('focusNote', { id: note.id }, { tabId: tab.id, frameId: 0 })
        .catch(() => undefined);
      return { ok: true };
    }
    const created = await browser.tabs.create({ url: addressWithFragment(note) });
    if (created.id !== undefined) pendingFocus.set(created.id, note.id);
    return { ok: true };
  });
  onMessage('updateNote', ({ data, sender }) =>
    accept('updateNote', data, sender) ? noteRequests.updateNote(notesRepository(), data) : refused(),
  );
  onMessage('deleteNote', ({ data, sender }) =>
    accept('deleteNote', data, sender) ? noteRequests.deleteNote(notesRepository(), data.id) : refused(),
  );
  onMessage('restoreNote', ({ data, sender }) =>
    accept('restoreNote', data, sender) ? noteRequests.restoreNote(notesRepository(), data) : refused(),
  );
  // The popup's selection of notes: one message, one transaction, whatever its size.
  onMessage('deleteNotes', ({ data, sender }) =>
    accept('deleteNotes', data, sender) ? noteRequests.deleteNotes(notesRepository(), data.ids) : refused(),
  );
  onMessage('restoreNotes', ({ data, sender }) =>
    accept('restoreNotes', data, sender)
      ? noteRequests.restoreNotes(notesRepository(), data.notes)
      : refused(),
  );
  onMessage('retagNotes', ({ data, sender }) =>
    accept('retagNotes', data, sender) ? noteRequests.retagNotes(notesRepository(), data) : refused(),
  );
  // Re-linking an orphan: the popup asks the tab to let the reader select the passage; the page sends it back.
  onMessage('startRelink', async ({ data, sender }) => {
    if (!accept('startRelink', data, sender)) return false;
    await browser.tabs.update(data.tabId, { active: true }).catch(() => undefined);
    return pageMessaging
      .sendMessage('startRelink', { id: data.id }, { tabId: data.tabId, frameId: 0 })
      .catch(() => false);
  });
  onMessage('relinkNote', ({ data, sender }) =>
    accept('relinkNote', data, sender) ? noteRequests.relinkNote(notesRepository(), data) : refused(),
  );
  onMessage('setAnchorStatus', async ({ data, sender }) => {
    if (accept('setAnchorStatus', data, sender))
      await noteRequests.setAnchorStatus(notesRepository(), data.updates);
  });
  onMessage('tabReport', ({ data, sender }) =>
    accept('tabReport', data, sender) ? findingsOf(data.tabId) : null,
  );
  onMessage('listTags', async ({ data, sender }) =>
    accept('listTags', data, sender) ? notesRepository().listTags() : [],
  );

  // The keyboard shortcuts and the context menu act on the selection in the page.
  const runInTab = (tabId: number | undefined, command: 'save-highlight' | 'add-note', frameId = 0) => {
    if (tabId === undefined) return;
    pageMessaging.sendMessage('runCommand', { command }, { tabId, frameId }).catch(() => undefined);
  };
  browser.commands?.onCommand.addListener(async (command, tab) => {
    if (command !== 'save-highlight' && command !== 'add-note') return;
    const target = tab ?? (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0];
    runInTab(target?.id, command);
  });
  browser.runtime.onInstalled.addListener(() => {
    // A new version may compile differently, and its bundled pack may say something new.
    void packManager()
      .forgetCompiled()
      .then(() => holder.reload());
    browser.contextMenus?.removeAll().then(() => {
      browser.contextMenus.create({
        id: 'save-highlight',
        title: t('menuSaveHighlight'),
        contexts: ['selection'],
      });
      browser.contextMenus.create({ id: 'add-note', title: t('menuAddNote'), contexts: ['selection'] });
    });
  });
  browser.contextMenus?.onClicked.addListener((info, tab) => {
    if (info.menuItemId === 'save-highlight' || info.menuItemId === 'add-note')
      runInTab(tab?.id, info.menuItemId, info.frameId ?? 0);
  });

  browser.tabs.onRemoved.addListener((tabId) => findings.forget(tabId));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading' && change.url) {
      findings.forget(tabId);
      void setBadge(tabId, '');
    }
  });

  // Messages received, by type, for the tools below (a busy page must not send one per edit).
  const received = new Map<string, number>();
  browser.runtime.onMessage.addListener((message: unknown) => {
    const type = (message as { type?: unknown } | null)?.type;
    if (typeof type === 'string') received.set(type, (received.get(type) ?? 0) + 1);
    return undefined;
  });

  // For `npm run scan`, `npm run bench` and the E2E tests, which drive the extension from its own
  // worker. Nothing here is reachable from a web page.
  (globalThis as { claimlens?: unknown }).claimlens = {
    /** What each open page found and what it cost it, asked of the pages themselves (null until done). */
    reports: async () => {
      const all = await Promise.all(
        findings.tabs().map(async (tabId) => {
          const report = await askPage(tabId);
          return report ? { tabId, ...report } : null;
        }),
      );
      return all.filter((r) => r !== null);
    },
    /** Messages received since the worker started (or since the last `resetMessages`), by type. */
    messages: () => Object.fromEntries(received),
    resetMessages: () => received.clear(),
    /** Resolves once the content script is registered for the settings this worker started with. */
    registered: () => registered,
    /** Replaces the packs in use (null: back to the installed packs); resolves once compiled. */
    usePacks: async (packs: KnowledgePack[] | null) => {
      testPacks = packs;
      await holder.reload();
    },
    /** Every alias text of the packs in use, for the benchmark's baselines. */
    aliases: async () => (await knowledge()).aliasTexts(),
    /** How many times the knowledge was built since the worker started (E2E: once per change). */
    builds: () => holder.builds,
    /** How the knowledge in use was built: read from the store (a restarted worker) or compiled. */
    lastBuild: async () => {
      const { fromStore, buildMs, skipped } = await holder.current();
      return { fromStore, buildMs, skipped: skipped.length };
    },
    /** How many notes are stored, and which (E2E tests). */
    notes: async () => ({
      count: await notesRepository().count(),
      ids: (await notesRepository().search('')).map((n) => n.id),
    }),
    /** Stores generated notes (the benchmark's popup at 10,000 notes). */
    seedNotes: async (count: number) => notesRepository().restoreAll(generateNotes(count)),
    /** Holds saves before and after writing, so a test can stop the worker in the middle of one. */
    delaySaves: (before: number, after: number) => {
      saveDelays.before = before;
      saveDelays.after = after;
    },
  };
});

const saveDelays = { before: 0, after: 0 };

function pause(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}

function refused() {
  return {
    ok: false as const,
    error: { kind: 'invalid', message: t('errorRefused') },
  };
}

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
