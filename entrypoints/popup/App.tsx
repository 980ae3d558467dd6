/**
 * The popup: what is on the current tab (findings by kind, its notes, re-link an orphan), and every
 * saved note (search first; filters folded; export and import in one menu; rows with the note's colour,
 * passage, page and note; edit in place under the row; delete with undo; select several to delete, tag
 * or export). A settings link, and a banner while ClaimLens is paused here or everywhere.
 */
import { downloadText } from '../../components/download';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from '#imports';
import { BulkBar } from '../../components/popup/BulkBar';
import { ExchangeMenu, type ExportFormat } from '../../components/popup/ExchangeMenu';
import { I18n, plural } from '../../components/i18n';
import { NoteEditor } from '../../components/notes/NoteEditor';
import { NoteFilters } from '../../components/popup/NoteFilters';
import { NotesList } from '../../components/popup/NotesList';
import { ThisPage } from '../../components/popup/ThisPage';
import { translate as t } from '../../lib/i18n';
import { conflictSummary } from '../../lib/knowledge/conflict-summary';
import { sendMessage, type NotesResult, type PageFindings } from '../../lib/messaging';
import { COLOR_LABELS_KEY, cleanColorLabels, type ColorLabels } from '../../lib/notes/color-labels';
import { IMPORT_PAGE_PATH, importsInPopup } from '../../lib/notes/exchange/import-place';
import { filterChoices, filterNotes, type NoteFilter } from '../../lib/notes/note-filter';
import type { ColorId, Note } from '../../lib/notes/note-types';
import { normalizeUrl, pageKeyFor } from '../../lib/notes/page-identity';
import { EXPORT_IDENTITY_KEY, cleanExportIdentity } from '../../lib/notes/export-identity';
import { PAUSE_KEY, cleanPause, withSite, type PauseSettings } from '../../lib/pause-settings';

type View = 'page' | 'all';

/**
 * The notes database, loaded after the first render (Dexie and the repository are most of the popup's
 * code; the tabs and the pause switches are drawn without them).
 */
const notesRepository = () => import('../../lib/notes/notes-repository').then((m) => m.notesRepository());

/** Notes drawn before the whole list has been read: a screenful and a little more. */
const FIRST_SCREEN = 40;

/** Firefox may close the popup when a file picker opens: there the options page imports (import-place.ts). */
const IMPORT_HERE = importsInPopup(import.meta.env.BROWSER);

/** Names of the groups and incidents these ids stand for, from the packs (ids stand in where unknown). */
async function namesOf(ids: readonly string[]): Promise<Record<string, string>> {
  if (ids.length === 0) return {};
  const cards = await sendMessage('getCards', { ids: [...ids].slice(0, 2000) }).catch(() => []);
  return Object.fromEntries(cards.map((c) => [c.id, c.name]));
}

export function App() {
  const [view, setView] = useState<View>('page');
  const [report, setReport] = useState<PageFindings | null>(null);
  const [pageNotes, setPageNotes] = useState<Note[]>([]);
  const [allNotes, setAllNotes] = useState<Note[]>([]);
  const [query, setQuery] = useState('');
  const [deleted, setDeleted] = useState<Note[] | null>(null);
  const [error, setError] = useState('');
  const [outcome, setOutcome] = useState<{ report?: string; errors?: string[] } | null>(null);
  const [filter, setFilter] = useState<NoteFilter>({});
  const [editing, setEditing] = useState<Note | null>(null);
  const [editError, setEditError] = useState<string>();
  const [pause, setPause] = useState<PauseSettings>({ everywhere: false, sites: [] });
  const [host, setHost] = useState('');
  const [tabId, setTabId] = useState<number>();
  const [names, setNames] = useState<Record<string, string>>({});
  const [claimants, setClaimants] = useState<Record<string, string[]>>();
  const [colorLabels, setColorLabels] = useState<ColorLabels>({});
  const [grouped, setGrouped] = useState(false);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [bulkStatus, setBulkStatus] = useState('');
  // Worked out again only when the notes or the filter change, not on every click (10,000 notes).
  const shown = useMemo(() => filterNotes(allNotes, filter), [allNotes, filter]);
  const choices = useMemo(() => filterChoices(allNotes), [allNotes]);
  const picked = useMemo(() => shown.filter((n) => selected.has(n.id)), [shown, selected]);
  const pickedTags = useMemo(() => [...new Set(picked.flatMap((n) => n.tags))].sort(), [picked]);

  const fail = (e: unknown) => setError(t('popupStorageError', (e as Error).message));

  useEffect(() => {
    // The database code loads while the first view is on screen, ready for the notes.
    const warm = setTimeout(() => void notesRepository(), 0);
    void (async () => {
      // popup.html?tab=<id> shows that tab (the popup opened in a tab of its own, as the E2E tests do).
      const asked = Number(new URLSearchParams(location.search).get('tab'));
      const [tab] =
        Number.isInteger(asked) && asked > 0
          ? [await browser.tabs.get(asked).catch(() => undefined)]
          : await browser.tabs.query({ active: true, currentWindow: true });
      const stored = await browser.storage.local.get([PAUSE_KEY, COLOR_LABELS_KEY]);
      setPause(cleanPause(stored[PAUSE_KEY]));
      setColorLabels(cleanColorLabels(stored[COLOR_LABELS_KEY]));
      if (tab?.id === undefined) return;
      setTabId(tab.id);
      const found = await sendMessage('tabReport', { tabId: tab.id }).catch(() => null);
      setReport(found);
      // Who claimed each incident on the page, named from its card.
      if (found && found.incidents.length > 0) {
        sendMessage('getCards', { ids: found.incidents.map((i) => i.id) })
          .then((cards) => {
            const named: Record<string, string[]> = {};
            for (const card of cards) {
              if (card.type !== 'incident') continue;
              const summary = conflictSummary(card);
              named[card.id] = [...summary.claimants, ...summary.uncertainClaimants].map((c) => c.name);
            }
            setClaimants(named);
          })
          .catch(() => undefined);
      }
      // The tab's address: known through activeTab when the reader opened the popup, else from its report.
      const url = tab.url ?? found?.url;
      if (!url || !/^https?:/.test(url)) return;
      setHost(new URL(url).hostname);
      try {
        setPageNotes(await (await notesRepository()).forPage(pageKeyFor({ url }), [normalizeUrl(url)]));
      } catch (e) {
        fail(e);
      }
    })();
    return () => clearTimeout(warm);
  }, []);

  // The list: newest first, or the search's results (term index, no full scan) as the reader types.
  useEffect(() => {
    if (view !== 'all') return;
    let stale = false;
    const loading = notesRepository();
    if (query.trim()) {
      loading
        .then((repo) => repo.search(query, { limit: 1000 }))
        .then((found) => !stale && setAllNotes(found), fail);
      return () => {
        stale = true;
      };
    }
    // The newest first, at once; then all of them (for scrolling and the filters' choices).
    let repo: Awaited<typeof loading>;
    loading
      .then((loaded) => (repo = loaded).recent(FIRST_SCREEN))
      .then((first) => {
        if (!stale) setAllNotes(first);
        return first.length < FIRST_SCREEN ? first : repo.recent();
      })
      .then((all) => !stale && setAllNotes(all), fail);
    return () => {
      stale = true;
    };
  }, [view, query]);

  // Names for the groups and incidents the notes mention (the filter menu shows names, not ids).
  const mentionKey = choices.mentions.join(',');
  useEffect(() => {
    if (!mentionKey) return;
    void namesOf(mentionKey.split(',')).then(setNames);
  }, [mentionKey]);

  const dropFromList = (gone: readonly Note[]) => {
    const ids = new Set(gone.map((n) => n.id));
    setAllNotes((notes) => notes.filter((n) => !ids.has(n.id)));
    setSelected((current) => new Set([...current].filter((id) => !ids.has(id))));
  };
  const putInList = (notes: readonly Note[]) => {
    const byId = new Map(notes.map((n) => [n.id, n]));
    setAllNotes((list) => {
      const kept = list.map((n) => byId.get(n.id) ?? n);
      const known = new Set(list.map((n) => n.id));
      const back = notes.filter((n) => !known.has(n.id));
      return back.length === 0 ? kept : [...back, ...kept].sort((a, b) => b.createdAt - a.createdAt);
    });
  };

  const remove = async (note: Note) => {
    try {
      await (await notesRepository()).delete(note.id);
      dropFromList([note]);
      setDeleted([note]);
    } catch (e) {
      fail(e);
    }
  };
  const undo = async () => {
    if (!deleted) return;
    try {
      if (deleted.length === 1) await (await notesRepository()).restore(deleted[0]!);
      else {
        const result = await sendMessage('restoreNotes', { notes: deleted });
        if (!result.ok) return setError(t('popupBulkFailed', result.error.message));
      }
      putInList(deleted);
      setDeleted(null);
    } catch (e) {
      fail(e);
    }
  };

  // Several notes at once: one message, one transaction in the background.
  const bulk = async (run: () => Promise<NotesResult>, done: (notes: Note[]) => void) => {
    setBusy(true);
    setBulkStatus('');
    try {
      const result = await run();
      if (result.ok) done(result.notes);
      else setError(t('popupBulkFailed', result.error.message));
    } catch (e) {
      setError(t('popupBulkFailed', (e as Error).message));
    } finally {
      setBusy(false);
    }
  };
  const deletePicked = () =>
    bulk(
      () => sendMessage('deleteNotes', { ids: picked.map((n) => n.id) }),
      (notes) => {
        dropFromList(notes);
        setDeleted(notes);
      },
    );
  const retagPicked = (change: { add?: string; remove?: string }) =>
    bulk(
      () => sendMessage('retagNotes', { ids: picked.map((n) => n.id), ...change }),
      (notes) => {
        putInList(notes);
        setBulkStatus(plural(t, 'popupBulkTagged', notes.length));
      },
    );
  const select = (ids: readonly string[], on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });

  const open = async (note: Note) => {
    const result = await sendMessage('openNote', { id: note.id }).catch(() => ({
      ok: false,
      message: undefined,
    }));
    if (result.ok) window.close();
    else setError(result.message ?? t('popupOpenFailed'));
  };
  const relink = async (note: Note) => {
    if (tabId === undefined) return;
    const started = await sendMessage('startRelink', { tabId, id: note.id }).catch(() => false);
    if (started) window.close();
    else setError(t('popupRelinkFailed'));
  };
  const saveEdit = async (note: Note, values: { text: string; tags: string[]; color: ColorId }) => {
    try {
      const saved = await (await notesRepository()).update(note.id, values);
      setEditing(null);
      setEditError(undefined);
      if (saved) putInList([saved]);
      focusRow(note.id);
    } catch (e) {
      setEditError((e as Error).message);
    }
  };

  const savePause = async (next: PauseSettings) => {
    setPause(next);
    await browser.storage.local.set({ [PAUSE_KEY]: next }).catch(fail);
  };
  const site = host.replace(/^www\./, '');

  // The selection, else everything listed. The exporters load when first used.
  const exportNotes = async (format: ExportFormat) => {
    const notes = picked.length > 0 ? picked : shown;
    const { exportFile } = await import('../../lib/notes/exchange/export-file');
    const stored = await browser.storage.local.get(EXPORT_IDENTITY_KEY).catch(() => ({}));
    const mentioned = [...new Set(notes.flatMap((n) => [...n.entityIds, ...n.incidentIds]))];
    const file = exportFile(notes, format, {
      version: browser.runtime.getManifest().version,
      creator: cleanExportIdentity((stored as Record<string, unknown>)[EXPORT_IDENTITY_KEY]).name,
      names: { ...names, ...(await namesOf(mentioned.filter((id) => !(id in names)))) },
      colorLabels,
    });
    downloadText(
      file.content,
      file.type,
      `claimlens-notes-${new Date().toISOString().slice(0, 10)}.${file.extension}`,
    );
  };

  // All or nothing: a file with any problem changes nothing and says what is wrong.
  const importNotes = async (text: string) => {
    const { importNotesFile } = await import('../../lib/notes/exchange/import-file');
    const repo = await notesRepository();
    const result = await importNotesFile(text, repo);
    setOutcome(result);
    if (result.errors) return;
    setQuery('');
    setAllNotes(await repo.recent().catch(() => allNotes));
  };
  const importInTab = async () => {
    await browser.tabs.create({ url: browser.runtime.getURL(IMPORT_PAGE_PATH as '/options.html') });
    window.close();
  };
  const openSettings = async () => {
    await browser.runtime.openOptionsPage();
    window.close();
  };
  const pausedHere = pause.everywhere || (site !== '' && pause.sites.includes(site));

  const editor = editing && (
    <NoteEditor
      quote={editing.selectors.quote.exact}
      initial={{ text: editing.text, tags: editing.tags, color: editing.color as ColorId }}
      knownTags={choices.tags}
      colorLabels={colorLabels}
      error={editError}
      onSave={(values) => void saveEdit(editing, values)}
      onCancel={() => {
        setEditing(null);
        focusRow(editing.id);
      }}
    />
  );

  return (
    <I18n.Provider value={t}>
      <header class="top">
        <span class="brand">
          <img src="/icon-32.png" alt="" width={18} height={18} />
          ClaimLens
        </span>
        <div role="tablist" aria-label={t('popupTabsLabel')}>
          <button type="button" role="tab" aria-selected={view === 'page'} onClick={() => setView('page')}>
            {t('popupTabPage')}
          </button>
          <button type="button" role="tab" aria-selected={view === 'all'} onClick={() => setView('all')}>
            {t('popupTabAll')}
          </button>
        </div>
        <button
          type="button"
          class="icon settings"
          aria-label={t('popupSettings')}
          title={t('popupSettings')}
          onClick={() => void openSettings()}
        >
          <svg viewBox="0 0 16 16" aria-hidden="true">
            <path d="M2.5 4.5h6M11.5 4.5h2M2.5 11.5h2M7.5 11.5h6" />
            <circle cx="10" cy="4.5" r="1.5" />
            <circle cx="6" cy="11.5" r="1.5" />
          </svg>
        </button>
      </header>
      <main>
        {pausedHere && (
          <div class="banner" role="status">
            <span>{pause.everywhere ? t('popupPausedEverywhere') : t('popupPausedSite', site)}</span>
            <button
              type="button"
              onClick={() =>
                void savePause(
                  pause.everywhere ? { ...pause, everywhere: false } : withSite(pause, host, false),
                )
              }
            >
              {t('popupResume')}
            </button>
          </div>
        )}
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        {view === 'page' ? (
          <>
            <ThisPage
              report={report}
              notes={pageNotes}
              claimants={claimants}
              onShow={(targetId) => {
                if (tabId === undefined) return;
                void sendMessage('showMark', { tabId, targetId }).then((shown) => shown && window.close());
              }}
              onOpenNote={(note) => void open(note)}
              onRelink={(note) => void relink(note)}
              t={t}
            />
            <fieldset class="pause">
              <legend>{t('popupPause')}</legend>
              {site && (
                <label>
                  <input
                    type="checkbox"
                    checked={pause.sites.includes(site)}
                    onChange={(e) =>
                      void savePause(withSite(pause, host, (e.target as HTMLInputElement).checked))
                    }
                  />
                  {t('popupPauseSite', site)}
                </label>
              )}
              <label>
                <input
                  type="checkbox"
                  checked={pause.everywhere}
                  onChange={(e) =>
                    void savePause({ ...pause, everywhere: (e.target as HTMLInputElement).checked })
                  }
                />
                {t('popupPauseEverywhere')}
              </label>
            </fieldset>
          </>
        ) : (
          <div class="all-notes">
            <div class="search">
              <svg viewBox="0 0 16 16" aria-hidden="true">
                <circle cx="7" cy="7" r="4.5" />
                <path d="M10.5 10.5l3.5 3.5" />
              </svg>
              <input
                type="search"
                value={query}
                placeholder={t('popupSearchPlaceholder')}
                aria-label={t('popupSearchLabel')}
                onInput={(event) => setQuery((event.target as HTMLInputElement).value)}
              />
            </div>
            <NoteFilters
              choices={choices}
              filter={filter}
              onChange={setFilter}
              names={names}
              colorLabels={colorLabels}
              t={t}
            >
              <ExchangeMenu
                count={picked.length > 0 ? picked.length : shown.length}
                selection={picked.length > 0}
                onExport={(format) => void exportNotes(format)}
                onImport={IMPORT_HERE ? (text) => void importNotes(text) : undefined}
                onImportElsewhere={IMPORT_HERE ? undefined : () => void importInTab()}
                t={t}
              />
            </NoteFilters>
            {outcome?.report && (
              <p class="outcome" role="status">
                {outcome.report}
              </p>
            )}
            {outcome?.errors && (
              <div class="outcome error" role="alert">
                <p>{t('popupImportRefused')}</p>
                <ul>
                  {outcome.errors.slice(0, 20).map((e, i) => (
                    <li key={i}>{e}</li>
                  ))}
                </ul>
              </div>
            )}
            {picked.length > 0 && (
              <BulkBar
                count={picked.length}
                tags={pickedTags}
                busy={busy}
                onDelete={() => void deletePicked()}
                onAddTag={(tag) => void retagPicked({ add: tag })}
                onRemoveTag={(tag) => void retagPicked({ remove: tag })}
                onClear={() => setSelected(new Set())}
                t={t}
              />
            )}
            {bulkStatus && (
              <p class="bulk-status" role="status">
                {bulkStatus}
              </p>
            )}
            {deleted && (
              <p class="undo" role="status">
                {deleted.length === 1 ? t('popupDeleted') : plural(t, 'popupDeletedMany', deleted.length)}{' '}
                <button type="button" class="link" onClick={() => void undo()}>
                  {t('popupUndo')}
                </button>
              </p>
            )}
            {shown.length > 0 && (
              <div class="list-options">
                <label class="select-all">
                  <input
                    type="checkbox"
                    checked={picked.length === shown.length}
                    indeterminate={picked.length > 0 && picked.length < shown.length}
                    onChange={(e) =>
                      select(
                        shown.map((n) => n.id),
                        (e.target as HTMLInputElement).checked,
                      )
                    }
                  />
                  {t('popupSelectAll', shown.length.toLocaleString())}
                </label>
                <label class="group-toggle">
                  <input
                    type="checkbox"
                    checked={grouped}
                    onChange={(e) => setGrouped((e.target as HTMLInputElement).checked)}
                  />
                  {t('popupGroupByPage')}
                </label>
              </div>
            )}
            <NotesList
              notes={shown}
              grouped={grouped}
              onDelete={(note) => void remove(note)}
              onOpen={(note) => void open(note)}
              onEdit={(note) => {
                setEditError(undefined);
                setEditing(editing?.id === note.id ? null : note);
              }}
              editing={editing && editor ? { id: editing.id, editor } : undefined}
              empty={
                query || allNotes.length > 0 ? (
                  <p class="empty">{t('popupNoResults')}</p>
                ) : (
                  <>
                    <p class="empty-title">{t('popupEmptyTitle')}</p>
                    <p class="empty">{t('popupEmptyAll')}</p>
                  </>
                )
              }
              selected={selected}
              onSelect={select}
              height={picked.length > 0 ? 300 : 400}
              t={t}
            />
          </div>
        )}
      </main>
    </I18n.Provider>
  );
}

/** Back to a row's edit button after its editor closes (keyboard readers keep their place). */
function focusRow(id: string) {
  requestAnimationFrame(() =>
    document.querySelector<HTMLElement>(`[data-note="${CSS.escape(id)}"] .edit`)?.focus(),
  );
}
