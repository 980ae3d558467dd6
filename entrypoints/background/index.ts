/** Background: owns the compiled knowledge, answers the content script's messages, keeps the badge. */
import { browser, defineBackground, type ScriptPublicPath } from '#imports';
import { KnowledgeHolder } from '../../lib/packs/knowledge-holder';
import { PACKS_CHANGED_KEY, PACKS_REVISION_KEY } from '../../lib/packs/pack-keys';
import { packManager } from '../../lib/packs/pack-manager-instance';
import type { KnowledgePack } from '../../lib/knowledge/pack-types';
import { messageGuards } from '../../lib/message-guards';
import { senderFor, type Sender } from '../../lib/message-senders';
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
import type { PageText, TextMatches } from '../../lib/matching/text-matcher';
import {
  onMessage,
  pageMessaging,
  type PageCommand,
  type PageGlance,
  type PageFindings,
  type ProtocolMap,
} from '../../lib/messaging';
import * as noteRequests from '../../lib/notes/note-requests';
import { addressWithFragment, showsNotePage } from '../../lib/notes/open-note';
import { notesRepository } from '../../lib/notes/notes-repository';
import { mayRestore, notesOfPage } from '../../lib/notes/page-scope';
import { pageKeyFor } from '../../lib/notes/page-identity';
import { passageResult } from '../../lib/notes/passage-note';
import { installTestHooks } from './test-hooks';
import { BADGE_COLOR, badgeColor, badgeText } from '../../lib/badge';
import { TabFindings, type FilingHandle } from '../../lib/tab-findings';
import { translate as t } from '../../lib/i18n';
import { isWebAddress } from '../../lib/safe-url';
import { myPackStore } from '../../lib/mypack/my-pack-instance';
import { withMyPack } from '../../lib/mypack/with-my-pack';
import { emptyMyPack } from '../../lib/mypack/my-pack';
import { installRecordHandlers } from './record-handlers';
import * as notePlacement from '../../lib/mypack/note-placement';

export default defineBackground(() => {
  // The enabled packs and My pack (what the reader recorded, last), merged and compiled once; built
  // again once whenever they change.
  let testPacks: readonly KnowledgePack[] | null = null;
  const holder = new KnowledgeHolder(
    async () =>
      withMyPack(
        import.meta.env.CLAIMLENS_TEST_HOOKS && testPacks
          ? { packs: testPacks }
          : await packManager().enabled(),
        await myPackStore()
          .read()
          .catch(() => ({ state: emptyMyPack(''), revision: 0 })),
      ),
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
  /**
   * What each tab's pages found (the top page and its frames): nothing as it opens, then what it was
   * answered, or what it files itself when it did not draw all of that.
   */
  const findings = new TabFindings();
  const showBadge = (tabId: number) => {
    const tab = findings.get(tabId);
    return tab ? setBadge(tabId, badgeText(tab), badgeColor(tab)) : setBadge(tabId, '');
  };
  /** Changes what a tab found, and its badge if that changes what it shows. */
  const refile = <T>(tabId: number, change: () => T): T => {
    const shown = (tab = findings.get(tabId)) => (tab ? `${badgeText(tab)} ${badgeColor(tab)}` : '');
    const before = shown();
    const result = change();
    if (shown() !== before) void showBadge(tabId);
    return result;
  };
  /**
   * Files an answer to a content script as what its page found (where the filing taken as the message
   * arrived still holds); else says so (`unfiled`), and the page files its own.
   */
  const fileAnswer = <T extends TextMatches>(where: FilingHandle | null, matches: T, text: string) => {
    if (where === null || matches.needsDate) return matches;
    const filed = where !== undefined && refile(where.tabId, () => findings.answered(where, matches, text));
    return filed ? matches : { ...matches, unfiled: true as const };
  };
  /** Where an answer to a sender goes (null: not a content script, nothing is filed). */
  const filingOf = (who: Sender, sender: chrome.runtime.MessageSender) =>
    who.kind === 'page' ? findings.filingFor(who.tabId, who.frameId, sender.documentId) : null;
  /**
   * A top page opened: each frame on file is asked whether its page is still open (it may be the new
   * page's, opened first, or the page before's); its findings count again, or are dropped.
   */
  const confirmFrames = (tabId: number) => {
    for (const check of findings.unconfirmed(tabId))
      void pageMessaging
        .sendMessage('stillOpen', {}, { tabId, frameId: check.frameId })
        .then(
          () => true,
          () => false,
        )
        .then((open) => {
          if (findings.confirmed(check, open)) void showBadge(tabId);
        });
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

  /**
   * Only ClaimLens's own pages and content scripts may talk to the background, each only with the
   * messages it may send (lib/message-senders.ts): a content script is answered about the page the
   * browser says it runs in, never an address its message names.
   */
  const own = { id: browser.runtime.id, origin: browser.runtime.getURL('/' as never) as string };
  function accept<K extends keyof ProtocolMap>(
    type: K,
    data: unknown,
    sender: chrome.runtime.MessageSender,
  ): { who: Sender; data: Parameters<ProtocolMap[K]>[0] } | null {
    const who = senderFor(type, sender, own);
    if (!who) {
      console.warn(`ClaimLens: refused a "${type}" message from ${sender.url ?? 'an unknown sender'}`);
      return null;
    }
    if (!messageGuards[type](data)) {
      console.warn(`ClaimLens: refused a malformed "${type}" message`);
      return null;
    }
    return { who, data };
  }
  /** Whether a content script's page has the note (an extension page may change any). */
  const mayTouch = async (who: Sender, id: string) =>
    who.kind === 'extension' || (await notesOfPage(notesRepository(), [id], who.url)).has(id);

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
  // What the background answers a page is filed as what it found (badge, popup): the page sends its
  // own findings only when it did not draw all of it.
  onMessage('scanText', async ({ data: raw, sender }) => {
    const message = accept('scanText', raw, sender);
    if (!message) return null;
    const { who, data } = message;
    const where = filingOf(who, sender);
    const url = who.kind === 'page' ? who.url : data.url;
    if (!isWebAddress(url) || isPaused((await pageSettings()).pause, url)) return null;
    const { url: _url, ...page } = data;
    return fileAnswer(where, await scanPage(page, sender), page.text);
  });
  onMessage('scanWithDate', async ({ data: raw, sender }) => {
    const message = accept('scanWithDate', raw, sender);
    if (!message) return { resend: true as const };
    const { who, data } = message;
    const where = filingOf(who, sender);
    const page = awaitingDate.take(senderKey(sender), data.resume);
    if (!page) return { resend: true as const };
    const { dateUnread: _unread, ...rest } = page;
    const found = await (await knowledge()).scan({ ...rest, declaredDate: data.declaredDate });
    return fileAnswer(where, found, page.text);
  });

  onMessage('getCards', async ({ data: raw, sender }) => {
    const message = accept('getCards', raw, sender);
    if (!message) return [];
    return (await knowledge()).getCards(message.data.ids);
  });

  onMessage('reportPage', async ({ data: raw, sender }) => {
    const message = accept('reportPage', raw, sender);
    const who = message?.who;
    if (!message || who?.kind !== 'page') return;
    // Each frame of the sender's tab files what it found, under the address the browser gives it;
    // the badge counts the tab.
    const page = { ...message.data, url: who.url };
    if (findings.filed(who.tabId, page, who.frameId, sender.documentId)) await showBadge(who.tabId);
  });

  // Saved passages: the database lives here, in the extension's own origin, never in a page's. A
  // content script saves on the page it runs in, whatever address its draft names.
  onMessage('saveNote', async ({ data: raw, sender }) => {
    const message = accept('saveNote', raw, sender);
    if (!message) return refused();
    const { who, data } = message;
    if (import.meta.env.CLAIMLENS_TEST_HOOKS) await pause(saveDelays.before);
    const draft = who.kind === 'page' ? { ...data, url: who.url } : data;
    // A recorded passage the note is on is linked to it (lib/mypack/note-placement.ts).
    const result = await notePlacement.saveNote(notesRepository(), myPackStore(), draft);
    if (import.meta.env.CLAIMLENS_TEST_HOOKS) await pause(saveDelays.after);
    return passageResult(result);
  });
  // Notes opened from the popup in a new tab: the page is told which one to show once it has loaded.
  const pendingFocus = new Map<number, string>();
  onMessage('openPage', async ({ data: raw, sender }) => {
    const nothing = { pageKey: '', notes: [] };
    const message = accept('openPage', raw, sender);
    if (!message) return { paused: true, display: cleanDisplay(undefined), notes: nothing, found: null };
    const { who, data } = message;
    // A page is the address its tab shows; its canonical link is only trusted where the address
    // confirms it (lib/notes/page-identity.ts).
    const address = who.kind === 'page' ? { ...data.address, url: who.url } : data.address;
    const { pause, display } = await pageSettings();
    // Paused here (a page that opened while the registration was changing): the text is dropped unread.
    if (isPaused(pause, address.url)) return { paused: true, display, notes: nothing, found: null };
    const frameId = who.kind === 'page' ? who.frameId : 0;
    // The page has found nothing yet: then what it is answered (below and later) is what it found.
    const opening = { document: sender.documentId, display };
    if (who.kind === 'page' && frameId === 0) {
      if (findings.opened(who.tabId, address.url, opening)) void setBadge(who.tabId, '');
      confirmFrames(who.tabId);
    } else if (who.kind === 'page' && findings.frameOpened(who.tabId, frameId, { ...opening, url: who.url }))
      void showBadge(who.tabId);
    const where = filingOf(who, sender);
    const readable = isWebAddress(address.url) && data.scope === display.scope;
    // The notes come back even if matching fails (a pack store that cannot be read): no marks then.
    // Notes belong to the top page: a frame is only read and marked.
    const [notes, found] = await Promise.all([
      frameId === 0 ? noteRequests.pageNotes(notesRepository(), address) : nothing,
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
    // Visible text (a page too long to glance at) is matched, and filed as what the page found.
    const filed =
      found && !('readText' in found) && 'text' in data.page
        ? fileAnswer(where, found, data.page.text)
        : found;
    return { paused: false, display, notes: focus ? { ...notes, focus } : notes, found: filed };
  });
  onMessage('showMark', async ({ data: raw, sender }) => {
    const message = accept('showMark', raw, sender);
    if (!message) return false;
    const { data } = message;
    await browser.tabs.update(data.tabId, { active: true }).catch(() => undefined);
    return pageMessaging
      .sendMessage('focusMark', { targetId: data.targetId }, { tabId: data.tabId, frameId: 0 })
      .catch(() => false);
  });
  onMessage('openNote', async ({ data: raw, sender }) => {
    const message = accept('openNote', raw, sender);
    if (!message) return { ok: false };
    const { data } = message;
    const repo = notesRepository();
    const note = await repo.get(data.id);
    if (!note) return { ok: false, message: t('errorNoteGone') };
    // The tabs whose address (the browser's, seen through the host permission) is the note's page;
    // each page says only its canonical link, which counts where its address confirms it.
    const tabs = await browser.tabs.query({});
    const aliases = await repo.pageAliases(note.pageKey);
    const answers = await Promise.all(
      tabs.map(async (tab) => {
        if (tab.id === undefined || !tab.url || !isWebAddress(tab.url)) return undefined;
        const address = await pageMessaging
          .sendMessage('pageAddress', {}, { tabId: tab.id, frameId: 0 })
          .catch(() => undefined);
        const page = { url: tab.url, canonical: address?.canonical };
        return showsNotePage(page, note, aliases) ? tab : undefined;
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
  // A content script changes only the notes of its own page (lib/notes/page-scope.ts).
  onMessage('updateNote', async ({ data: raw, sender }) => {
    const message = accept('updateNote', raw, sender);
    if (!message || !(await mayTouch(message.who, message.data.id))) return refused();
    return noteRequests.updateNote(notesRepository(), message.data);
  });
  onMessage('deleteNote', async ({ data: raw, sender }) => {
    const message = accept('deleteNote', raw, sender);
    if (!message || !(await mayTouch(message.who, message.data.id))) return refused();
    return noteRequests.deleteNote(notesRepository(), message.data.id);
  });
  onMessage('restoreNote', async ({ data: raw, sender }) => {
    const message = accept('restoreNote', raw, sender);
    if (!message) return refused();
    const { who, data } = message;
    if (who.kind === 'page' && !(await mayRestore(notesRepository(), data, who.url))) return refused();
    return noteRequests.restoreNote(notesRepository(), data);
  });
  // The popup's selection of notes: one message, one transaction, whatever its size.
  onMessage('deleteNotes', ({ data: raw, sender }) => {
    const message = accept('deleteNotes', raw, sender);
    return message ? noteRequests.deleteNotes(notesRepository(), message.data.ids) : refused();
  });
  onMessage('restoreNotes', ({ data: raw, sender }) => {
    const message = accept('restoreNotes', raw, sender);
    return message ? noteRequests.restoreNotes(notesRepository(), message.data.notes) : refused();
  });
  onMessage('retagNotes', ({ data: raw, sender }) => {
    const message = accept('retagNotes', raw, sender);
    return message ? noteRequests.retagNotes(notesRepository(), message.data) : refused();
  });
  // Re-linking an orphan: the popup asks the tab to let the reader select the passage; the page sends it back.
  onMessage('startRelink', async ({ data: raw, sender }) => {
    const message = accept('startRelink', raw, sender);
    if (!message) return false;
    const { data } = message;
    await browser.tabs.update(data.tabId, { active: true }).catch(() => undefined);
    return pageMessaging
      .sendMessage('startRelink', { id: data.id }, { tabId: data.tabId, frameId: 0 })
      .catch(() => false);
  });
  onMessage('relinkNote', async ({ data: raw, sender }) => {
    const message = accept('relinkNote', raw, sender);
    if (!message || !(await mayTouch(message.who, message.data.id))) return refused();
    // Re-linked onto a recorded passage, the note is linked to it as a note saved there is.
    return passageResult(await notePlacement.relinkNote(notesRepository(), myPackStore(), message.data));
  });
  onMessage('setAnchorStatus', async ({ data: raw, sender }) => {
    const message = accept('setAnchorStatus', raw, sender);
    if (!message) return;
    const { who, data } = message;
    let updates = data.updates;
    if (who.kind === 'page') {
      const owned = await notesOfPage(
        notesRepository(),
        updates.map((u) => u.id),
        who.url,
      );
      updates = updates.filter((u) => owned.has(u.id));
    }
    await noteRequests.setAnchorStatus(notesRepository(), updates);
  });
  onMessage('tabReport', ({ data: raw, sender }) => {
    const message = accept('tabReport', raw, sender);
    return message ? findingsOf(message.data.tabId) : null;
  });
  // Tags for type-ahead: every tag for an extension page; a content script learns only its page's.
  onMessage('listTags', async ({ data: raw, sender }) => {
    const message = accept('listTags', raw, sender);
    if (!message) return [];
    if (message.who.kind === 'extension') return notesRepository().listTags();
    const url = message.who.url;
    const notes = await notesRepository().forPage(pageKeyFor({ url }), [url]);
    return [...new Set(notes.flatMap((n) => n.tags))].sort((a, b) => a.localeCompare(b));
  });
  // The notes frame (an extension page inside the web page) reads the notes it shows; never a content script.
  onMessage('getNotes', async ({ data: raw, sender }) => {
    const message = accept('getNotes', raw, sender);
    if (message?.who.kind !== 'extension') return [];
    const notes = await Promise.all(message.data.ids.map((id) => notesRepository().get(id)));
    return notes.filter((note) => note !== undefined);
  });

  // Recording claims into My pack (the record form): entrypoints/background/record-handlers.ts.
  installRecordHandlers(accept, knowledge);

  // The keyboard shortcuts and the context menu act on the selection in the page.
  const runInTab = (tabId: number | undefined, command: PageCommand, frameId = 0) => {
    if (tabId === undefined) return;
    pageMessaging.sendMessage('runCommand', { command }, { tabId, frameId }).catch(() => undefined);
  };
  browser.commands?.onCommand.addListener(async (command, tab) => {
    if (!isPageCommand(command)) return;
    const target = tab ?? (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0];
    runInTab(target?.id, command);
  });
  browser.runtime.onInstalled.addListener((details) => {
    // The first-run page, once: on install, never on an update or a browser update.
    if (details.reason === 'install')
      void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
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
      browser.contextMenus.create({
        id: 'record-claim',
        title: t('menuRecordClaim'),
        contexts: ['selection'],
      });
      browser.contextMenus.create({
        id: 'record-statement',
        title: t('menuRecordStatement'),
        contexts: ['selection'],
      });
    });
  });
  browser.contextMenus?.onClicked.addListener((info, tab) => {
    if (typeof info.menuItemId === 'string' && isPageCommand(info.menuItemId))
      runInTab(tab?.id, info.menuItemId, info.frameId ?? 0);
  });

  browser.tabs.onRemoved.addListener((tabId) => findings.forget(tabId));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading' && change.url) {
      findings.forget(tabId);
      void setBadge(tabId, '');
    }
  });

  // The tools' hooks (`npm run scan`, bench, demo, E2E): in the test build only, left out of this one.
  if (import.meta.env.CLAIMLENS_TEST_HOOKS)
    installTestHooks({
      holder,
      tabs: () => findings.tabs(),
      askPage,
      registered,
      usePacks: (packs) => (testPacks = packs),
      saveDelays,
    });
});

/** Test build only: holds saves before and after writing, so a test can stop the worker in the middle of one. */
const saveDelays = { before: 0, after: 0 };

function pause(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}

const PAGE_COMMANDS: readonly string[] = ['save-highlight', 'add-note', 'record-claim', 'record-statement'];
const isPageCommand = (command: string): command is PageCommand => PAGE_COMMANDS.includes(command);

function refused() {
  return {
    ok: false as const,
    error: { kind: 'invalid', message: t('errorRefused') },
  };
}

async function setBadge(tabId: number, text: string, color = BADGE_COLOR): Promise<void> {
  const action =
    browser.action ?? (browser as unknown as { browserAction?: typeof browser.action }).browserAction;
  try {
    await action?.setBadgeText({ tabId, text });
    await action?.setBadgeBackgroundColor({ tabId, color });
    // Chromium picks black or white text by the colour; white reads on both of ours.
    await action?.setBadgeTextColor?.({ tabId, color: '#ffffff' });
  } catch {
    // The tab closed while the page was being read.
  }
}
