/**
 * What ClaimLens does on a page, imported by the content script (entrypoints/spotter.content): reads
 * and marks the page (the spotter), hit-tests marks for pointer and keyboard, and loads the page UI
 * (panels, notes, anchoring) only when it is first needed.
 */
import { browser, defineUnlistedScript, type ContentScriptContext } from '#imports';
import { PAUSE_KEY, cleanPause, isPaused, type PauseSettings } from '../../lib/pause-settings';
import { DISPLAY_KEY, cleanDisplay, type DisplaySettings } from '../../lib/display-settings';
import { PACKS_REVISION_KEY } from '../../lib/packs/pack-keys';
import { pageMessaging, sendMessage } from '../../lib/messaging';
import { watchMarks } from '../../lib/page/mark-interaction';
import { pageAddress } from '../../lib/page/page-address';
import { PAGE_UI_GLOBAL, type PageUi, type PageUiFactory } from '../../lib/page/page-ui-contract';
import { savableSelection } from '../../lib/page/selection';
import { COLOR_LABELS_KEY, cleanColorLabels } from '../../lib/notes/color-labels';
import { Spotter, type Mark } from '../../lib/page/spotter';
import { CONTENT_MAIN_GLOBAL, type ContentMain } from '../../lib/page/content-main-contract';

const contentMain: ContentMain = async (ctx) => {
  // Paused on this site or everywhere (popup, options): nothing is read, marked or offered until
  // the reader resumes; resuming starts again without a reload. A change of what is marked
  // (options) or of the packs (once the background has rebuilt its matcher) starts again too.
  let run: AbortController | undefined;
  let pause: PauseSettings = cleanPause(undefined);
  let display: DisplaySettings = cleanDisplay(undefined);
  const update = (restart = false) => {
    const paused = isPaused(pause, location.href);
    if (run && (paused || restart)) {
      run.abort();
      run = undefined;
    }
    if (!paused && !run && ctx.isValid) {
      run = new AbortController();
      startClaimLens(ctx, run.signal, display);
    }
  };
  ctx.onInvalidated(() => run?.abort());
  const stored = await browser.storage.local
    .get([PAUSE_KEY, DISPLAY_KEY])
    .catch(() => ({}) as Record<string, unknown>);
  pause = cleanPause(stored[PAUSE_KEY]);
  display = cleanDisplay(stored[DISPLAY_KEY]);
  update();
  const onChange = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local') return;
    if (PAUSE_KEY in changes) pause = cleanPause(changes[PAUSE_KEY]!.newValue);
    if (DISPLAY_KEY in changes) display = cleanDisplay(changes[DISPLAY_KEY]!.newValue);
    if (PAUSE_KEY in changes || DISPLAY_KEY in changes || PACKS_REVISION_KEY in changes)
      update(DISPLAY_KEY in changes || PACKS_REVISION_KEY in changes);
  };
  browser.storage.onChanged.addListener(onChange);
  ctx.onInvalidated(() => browser.storage.onChanged.removeListener(onChange));
};

export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[CONTENT_MAIN_GLOBAL] = contentMain;
});

/** Everything ClaimLens does on a page, until `signal` aborts (paused, or the extension reloaded). */
function startClaimLens(ctx: ContentScriptContext, signal: AbortSignal, display: DisplaySettings): void {
  const spotter = new Spotter(
    document,
    {
      scanText: (page) => sendMessage('scanText', { ...page, url: location.href }),
      reportPage: (report) => sendMessage('reportPage', report),
    },
    signal,
    display,
  );

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
  };
  spotter.onChange(merge);

  let loading: Promise<PageUi> | undefined;
  const loadUi = (): Promise<PageUi> =>
    (loading ??= import(/* @vite-ignore */ browser.runtime.getURL('/page-ui.js')).then(() => {
      const create = (globalThis as Record<string, unknown>)[PAGE_UI_GLOBAL] as PageUiFactory;
      ui = create({
        ctx,
        signal,
        doc: document,
        spotter,
        notesPorts: {
          saveNote: (draft) => sendMessage('saveNote', draft),
          updateNote: (change) => sendMessage('updateNote', change),
          deleteNote: (which) => sendMessage('deleteNote', which),
          restoreNote: (note) => sendMessage('restoreNote', note),
          setAnchorStatus: (data) => sendMessage('setAnchorStatus', data),
          listTags: () => sendMessage('listTags', {}),
          relinkNote: (request) => sendMessage('relinkNote', request),
        },
        loadCards: (ids) => sendMessage('getCards', { ids }),
        onNoteMarksChanged: merge,
        allMarks: () => all,
        colorLabels: async () =>
          cleanColorLabels((await browser.storage.local.get(COLOR_LABELS_KEY))[COLOR_LABELS_KEY]),
      });
      return ui;
    }));

  watchMarks(
    document,
    () => all,
    {
      open: (mark, how) => void loadUi().then((loaded) => loaded.panel.open(mark, how)),
      leave: () => ui?.panel.leave(),
      close: () => ui?.panel.close(),
    },
    signal,
    { hoverDelayMs: display.hoverDelayMs },
  );

  // Notes saved on this page: the UI loads only if there are some.
  sendMessage('pageNotes', pageAddress(document))
    .then(async (page) => {
      if (page.notes.length === 0) return;
      const loaded = await loadUi();
      loaded.notes.show(page);
      if (page.focus) loaded.notes.focus(page.focus);
    })
    .catch(() => undefined); // the background is restarting; the notes come back on the next visit

  // Only the reader's own gestures offer the toolbar: a page's script cannot make ClaimLens save.
  const selectionMayHaveChanged = (event: Event) => {
    if (!event.isTrusted) return;
    setTimeout(() => {
      const range = savableSelection(document);
      if (range) void loadUi().then((loaded) => loaded.notes.selectionChanged(range));
      else ui?.notes.selectionChanged(null);
    }, 0);
  };
  document.addEventListener('mouseup', selectionMayHaveChanged, { signal: signal, passive: true });
  document.addEventListener(
    'keyup',
    (event) => {
      if (event.shiftKey || event.key === 'Shift') selectionMayHaveChanged(event);
    },
    { signal: signal, passive: true },
  );

  // Alt+Shift+S / Alt+Shift+A come as browser commands; where the browser does not deliver them
  // (a shortcut taken by another extension, headless browsers) the keys themselves do the same.
  let lastCommand = -Infinity;
  const run = (command: 'save-highlight' | 'add-note') => {
    if (performance.now() - lastCommand < 150) return;
    lastCommand = performance.now();
    void loadUi().then((loaded) => loaded.notes.runCommand(command));
  };
  const stopCommands = pageMessaging.onMessage('runCommand', ({ data }) => run(data.command));
  const stopAddress = pageMessaging.onMessage('pageAddress', () => pageAddress(document));
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
    ui ? ui.notes.startRelink(data.id) : false,
  );
  signal.addEventListener('abort', () => {
    stopRelink();
    stopAddress();
    stopMark();
    stopFocus();
  });
  window.addEventListener(
    'keydown',
    (event) => {
      if (!event.isTrusted || !event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return;
      if (event.code !== 'KeyS' && event.code !== 'KeyA') return;
      if (!savableSelection(document)) return;
      event.preventDefault();
      run(event.code === 'KeyS' ? 'save-highlight' : 'add-note');
    },
    { capture: true, signal: signal },
  );
  signal.addEventListener('abort', stopCommands);
}
