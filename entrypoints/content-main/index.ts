/**
 * What ClaimLens does on a page, imported by the content script (entrypoints/spotter.content): reads
 * and marks the page (the spotter), hit-tests marks for pointer and keyboard, and loads the page UI
 * (panels, notes, anchoring) only when it is first needed.
 */
import { browser, defineUnlistedScript, type ContentScriptContext } from '#imports';
import {
  pageMessaging,
  sendMessage,
  type PageCommand,
  type PageNotes,
  type PageOpening,
} from '../../lib/messaging';
import { DEFAULT_DISPLAY, type DisplaySettings } from '../../lib/display-settings';
import { ARTICLE_ONLY_GLOBAL } from '../../lib/page/spotter-registration';
import { watchMarks } from '../../lib/page/mark-interaction';
import { documentUrl, pageAddress } from '../../lib/page/page-address';
import {
  PAGE_UI_GLOBAL,
  PAGE_UI_PATH,
  type PageUi,
  type PageUiFactory,
} from '../../lib/page/page-ui-contract';
import { listenFirst } from '../../lib/page/event-relay';
import { ReaderSelection } from '../../lib/page/reader-selection';
import { Spotter, type Mark } from '../../lib/page/spotter';
import { CONTENT_MAIN_GLOBAL, type ContentMain } from '../../lib/page/content-main-contract';

const contentMain: ContentMain = async (ctx) => {
  const t0 = performance.now();
  // Paused on this site or everywhere (popup, options): nothing is marked or offered until the
  // reader resumes; resuming starts again without a reload. The browser does not load this script
  // on a paused site at all (lib/page/spotter-registration.ts); a page that has it anyway (a host no
  // pattern names) learns that it is paused as it opens (the answer to its first text, which the
  // background drops unread), and the background tells every page when the pause, what is marked
  // (options) or the packs change.
  let run: AbortController | undefined;
  /**
   * What is marked, as the background last said (before that: only the article, if the registration
   * put the article-scope script before this one), so that the page reads the right part at once.
   */
  let display: DisplaySettings = (globalThis as Record<string, unknown>)[ARTICLE_ONLY_GLOBAL]
    ? { ...DEFAULT_DISPLAY, scope: 'article' }
    : DEFAULT_DISPLAY;
  /** The run whose opening was answered: until then, its answer may predate a later change. */
  let answered: AbortController | undefined;
  const start = (since: number) => {
    run?.abort();
    const current = (run = new AbortController());
    // The answer to the page's first text; undefined if the background did not answer (restarting).
    const opened = (opening: PageOpening | undefined) => {
      if (run !== current) return; // a later start has the newer answer
      answered = current;
      if (opening && !opening.paused) display = opening.display;
      else {
        current.abort();
        run = undefined; // paused here, or unknown: the next word from the background starts it again
      }
    };
    startClaimLens(ctx, current.signal, display, opened, since);
  };
  const stopListening = pageMessaging.onMessage('settingsChanged', ({ data }) => {
    display = data.display;
    if (data.paused) {
      run?.abort();
      run = undefined;
    } else if (!run || run !== answered || data.restart || data.paused === undefined)
      start(performance.now());
  });
  ctx.onInvalidated(() => {
    stopListening();
    run?.abort();
  });
  start(t0);
};

/** The shortcut keys with Alt+Shift, for browsers that do not deliver the commands. */
const KEY_COMMANDS: Partial<Record<string, PageCommand>> = {
  KeyS: 'save-highlight',
  KeyA: 'add-note',
  KeyR: 'record-claim',
};

export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[CONTENT_MAIN_GLOBAL] = contentMain;
});

/**
 * Everything ClaimLens does on a page, until `signal` aborts (paused, or the extension reloaded).
 * `display`: what is marked, as far as the page knows before it opens; `onOpened`: the background's
 * answer to the page's first text. `since`: when this start began (main-thread time since then is
 * counted as the page's).
 */
function startClaimLens(
  ctx: ContentScriptContext,
  signal: AbortSignal,
  known: DisplaySettings,
  onOpened: (opening: PageOpening | undefined) => void,
  since: number,
): void {
  let display = known;
  let showNotes: (notes: PageNotes) => void = () => undefined;
  const saved = new Promise<PageNotes>((resolve) => (showNotes = resolve));
  const beforeSpotter = performance.now() - since;
  const spotter = new Spotter(
    document,
    {
      openPage: async (page, scope, canonicalHref) => {
        const address = pageAddress(document, canonicalHref);
        const opening = await sendMessage('openPage', { address, page, scope }).catch((error: unknown) => {
          onOpened(undefined);
          throw error;
        });
        onOpened(opening);
        if (opening.paused) return { display: null, found: null };
        display = opening.display;
        showNotes(opening.notes);
        return { display, found: opening.found };
      },
      scanText: (page) => sendMessage('scanText', { ...page, url: documentUrl(document) }),
      scanWithDate: (resume, declaredDate) => sendMessage('scanWithDate', { resume, declaredDate }),
      reportPage: (report) => sendMessage('reportPage', report),
    },
    signal,
    display,
  );
  // The spotter times its own work (it reads the page's text within its constructor); the rest of
  // the set-up, before and after it, is reported with it.
  const t1 = performance.now();
  spotter.countSetup(beforeSpotter, since);

  // Entity, incident and note marks, in reading order, for pointer and keyboard alike.
  let all: Mark[] = [];
  let ui: PageUi | undefined;
  const merge = () => {
    const notes = ui?.notes.getMarks() ?? [];
    // The spotter's marks come in reading order already; only saved passages need placing among them.
    all =
      notes.length === 0
        ? [...spotter.getMarks()]
        : [...spotter.getMarks(), ...notes].sort((a, b) =>
            a.range.compareBoundaryPoints(Range.START_TO_START, b.range),
          );
    // Pointer and keyboard are hit-tested against marks only once there are some: a page on which
    // nothing is known pays nothing for it.
    if (all.length > 0 && !watching) {
      watching = true;
      watchMarks(
        document,
        () => all,
        {
          open: (mark, how) => void loadUi().then((loaded) => loaded.panel.open(mark, how)),
          leave: () => ui?.panel.leave(),
          close: () => ui?.panel.close(),
          isPinned: (mark) => ui?.panel.isPinned?.(mark) ?? false,
          away: () => ui?.panel.away?.(),
          hover: (mark) => spotter.setActive(mark, 'hover'),
        },
        signal,
        // A click in ClaimLens's own panel is the panel's: never resolved against the marks beneath it.
        { hoverDelayMs: display.hoverDelayMs, isOwnUi: (event) => ui?.owns(event) ?? false },
      );
    }
  };
  let watching = false;
  spotter.onChange(merge);

  let loading: Promise<PageUi> | undefined;
  const loadUi = (): Promise<PageUi> =>
    (loading ??= import(/* @vite-ignore */ browser.runtime.getURL(PAGE_UI_PATH)).then(() => {
      const create = (globalThis as Record<string, unknown>)[PAGE_UI_GLOBAL] as PageUiFactory;
      ui = create({
        ctx,
        signal,
        doc: document,
        spotter,
        notesPorts: {
          saveNote: (draft) => sendMessage('saveNote', draft),
          setAnchorStatus: (data) => sendMessage('setAnchorStatus', data),
          relinkNote: (request) => sendMessage('relinkNote', request),
        },
        loadCards: (ids) => sendMessage('getCards', { ids }),
        onNoteMarksChanged: merge,
        allMarks: () => all,
      });
      return ui;
    }));

  // Notes saved on this page (they come with the opening): the UI loads only if there are some.
  void saved.then((notes) => {
    if (notes.notes.length === 0 || signal.aborted) return;
    void loadUi().then((loaded) => {
      loaded.notes.show(notes);
      if (notes.focus) loaded.notes.focus(notes.focus);
    });
  });

  // Notes belong to the top page: in a frame ClaimLens only marks (the background sends a frame no notes).
  const topFrame = window === window.top;
  // Only the reader's own gestures offer the toolbar, for the passage they selected: a page's script
  // can neither make ClaimLens save nor swap what it saves (lib/page/reader-selection.ts).
  const reader = new ReaderSelection(document);
  // A click on ClaimLens's own toolbar is not a new selection: taking it for one would hide the
  // toolbar (and stop its visibility check) while that click is being handled.
  const onPage = (event: Event) => event.isTrusted && !ui?.owns(event);
  const selectionMayHaveChanged = (event: Event) => {
    if (!onPage(event) || !topFrame) return;
    setTimeout(() => {
      const range = reader.offered();
      if (range) void loadUi().then((loaded) => loaded.notes.selectionChanged(range));
      else ui?.notes.selectionChanged(null);
    }, 0);
  };
  // Heard before the page's own listeners can stop them (lib/page/event-relay.ts).
  listenFirst(window, 'pointerdown', (event) => onPage(event) && reader.pointerDown(event), signal);
  listenFirst(window, 'pointerup', (event) => onPage(event) && reader.pointerUp(event), signal);
  listenFirst(window, 'mouseup', selectionMayHaveChanged, signal);
  listenFirst(
    window,
    'click',
    (event) => event.isTrusted && ui?.owns(event) && ui.clickedOwnUi(event),
    signal,
  );
  listenFirst(window, 'keydown', (event) => reader.keyDown(event), signal);
  listenFirst(
    window,
    'keyup',
    (event) => {
      if (reader.selectedByKeys()) selectionMayHaveChanged(event);
    },
    signal,
  );

  // Alt+Shift+S / Alt+Shift+A (and Alt+Shift+R, record a claim) come as browser commands; where the browser does not deliver them
  // (a shortcut taken by another extension, headless browsers) the keys themselves do the same.
  let lastCommand = -Infinity;
  const run = (command: PageCommand) => {
    if (!topFrame || performance.now() - lastCommand < 150) return;
    lastCommand = performance.now();
    const range = reader.take();
    if (range) reader.markUsed(range);
    void loadUi().then((loaded) => loaded.notes.runCommand(command, range));
  };
  const stopCommands = pageMessaging.onMessage('runCommand', ({ data }) => run(data.command));
  const stopAddress = pageMessaging.onMessage('pageAddress', () => pageAddress(document));
  // For tools only (scan, bench, E2E), through the worker: a reader's browser never asks.
  const stopReport = pageMessaging.onMessage('pageReport', () => spotter.report());
  // The background asks a frame that filed before its top page opened (lib/tab-findings.ts).
  const stopOpen = pageMessaging.onMessage('stillOpen', () => true as const);
  const stopMark = pageMessaging.onMessage('focusMark', ({ data }) => {
    const mark = all.find((m) => m.targetId === data.targetId);
    if (mark) void loadUi().then((loaded) => loaded.panel.open(mark, 'keyboard'));
    return mark !== undefined;
  });
  const stopFocus = pageMessaging.onMessage(
    'focusNote',
    ({ data }) => void loadUi().then((loaded) => loaded.notes.focus(data.id)),
  );
  // Re-linking an orphan (asked from the popup): only a page that has the note's UI loaded can.
  const stopRelink = pageMessaging.onMessage('startRelink', ({ data }) =>
    ui ? ui.notes.startRelink(data.id, reader.take()) : false,
  );
  signal.addEventListener('abort', () => {
    stopRelink();
    stopAddress();
    stopReport();
    stopOpen();
    stopMark();
    stopFocus();
  });
  listenFirst(
    window,
    'keydown',
    (event) => {
      if (!event.isTrusted || !event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return;
      const command = KEY_COMMANDS[event.code];
      if (!command || !reader.take()) return;
      event.preventDefault();
      run(command);
    },
    signal,
  );
  signal.addEventListener('abort', stopCommands);

  spotter.countSetup(performance.now() - t1);
}
