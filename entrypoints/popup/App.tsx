/**
 * The popup: what is on the current tab (re-link its orphan notes), and every saved note (search,
 * filters, edit, delete with undo, select several to delete, tag or export, import).
 */
import { downloadText } from '../../components/download';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from '#imports';
import { BulkBar } from '../../components/popup/BulkBar';
import { ExchangeBar, type ExportFormat } from '../../components/popup/ExchangeBar';
import { I18n, plural } from '../../components/i18n';
import { NoteEditor } from '../../components/notes/NoteEditor';
import { NoteFilters } from '../../components/popup/NoteFilters';
import { NotesList } from '../../components/popup/NotesList';
import { ThisPage } from '../../components/popup/ThisPage';
import { translate as t } from '../../lib/i18n';
import { sendMessage, type NotesResult, type PageFindings } from '../../lib/messaging';
import { filterChoices, filterNotes, type NoteFilter } from '../../lib/notes/note-filter';
import type { ColorId, Note } from '../../lib/notes/note-types';
import { normalizeUrl, pageKeyFor } from '../../lib/notes/page-identity';
import { PAUSE_KEY, cleanPause, withSite, type PauseSettings } from '../../lib/pause-settings';

type View = 'page' | 'all';

/**
 * The notes database, loaded after the first render (Dexie and the repository are most of the popup's
 * code; the tabs and the pause switches are drawn without them).
 */
const notesRepository = () => import('../../lib/notes/notes-repository').then((m) => m.notesRepository());

/** Notes drawn before the whole list has been read: a screenful and a little more. */
const FIRST_SCREEN = 40;

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
      const stored = await browser.storage.local.get(PAUSE_KEY);
      setPause(cleanPause(stored[PAUSE_KEY]));
      if (tab?.id === undefined) return;
      setTabId(tab.id);
      const found = await sendMessage('tabReport', { tabId: tab.id }).catch(() => null);
      setReport(found);
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
    sendMessage('getCards', { ids: mentionKey.split(',').slice(0, 500) })
      .then((cards) => setNames(Object.fromEntries(cards.map((c) => [c.id, c.name]))))
      .catch(() => undefined); // ids stand in for names
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
    const file = exportFile(notes, format, { version: browser.runtime.getManifest().version });
    downloadText(
      file.content,
      file.type,
      `claimlens-notes-${new Date().toISOString().slice(0, 10)}.${file.extension}`,
    );
  };

  // All or nothing: a file with any problem changes nothing and says what is wrong.
  const importNotes = async (text: string) => {
    const { importReport, parseImport, planImport } = await import('../../lib/notes/exchange/import-notes');
    const parsed = parseImport(text);
    if (!parsed.ok) return setOutcome({ errors: parsed.errors });
    try {
      const repo = await notesRepository();
      const plan = planImport(await repo.existing(parsed.notes.map((n) => n.id)), parsed.notes);
      await repo.restoreAll([...plan.add, ...plan.update]);
      setOutcome({ report: importReport(plan, parsed.skipped) });
      setQuery('');
      setAllNotes(await repo.recent());
    } catch (e) {
      setOutcome({ errors: [(e as Error).message] });
    }
  };

  return (
    <I18n.Provider value={t}>
      <main>
        <h1>ClaimLens</h1>
        <div role="tablist" aria-label={t('popupTabsLabel')}>
          <button type="button" role="tab" aria-selected={view === 'page'} onClick={() => setView('page')}>
            {t('popupTabPage')}
          </button>
          <button type="button" role="tab" aria-selected={view === 'all'} onClick={() => setView('all')}>
            {t('popupTabAll')}
          </button>
        </div>
        {error && <p role="alert">{error}</p>}
        {view === 'page' ? (
          <>
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
            <ThisPage
              report={report}
              notes={pageNotes}
              onShow={(targetId) => {
                if (tabId === undefined) return;
                void sendMessage('showMark', { tabId, targetId }).then((shown) => shown && window.close());
              }}
              onRelink={(note) => void relink(note)}
              t={t}
            />
          </>
        ) : (
          <>
            <ExchangeBar
              count={picked.length > 0 ? picked.length : shown.length}
              selection={picked.length > 0}
              onExport={(format) => void exportNotes(format)}
              onImport={(text) => void importNotes(text)}
              outcome={outcome}
              t={t}
            />
            {editing && (
              <NoteEditor
                quote={editing.selectors.quote.exact}
                initial={{ text: editing.text, tags: editing.tags, color: editing.color as ColorId }}
                knownTags={choices.tags}
                error={editError}
                onSave={(values) => void saveEdit(editing, values)}
                onCancel={() => setEditing(null)}
              />
            )}
            <NoteFilters choices={choices} filter={filter} onChange={setFilter} names={names} t={t} />
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
            <NotesList
              notes={shown}
              query={query}
              onQuery={setQuery}
              onDelete={(note) => void remove(note)}
              onOpen={(note) => void open(note)}
              onEdit={(note) => {
                setEditError(undefined);
                setEditing(note);
              }}
              deleted={deleted}
              onUndo={() => void undo()}
              selected={selected}
              onSelect={select}
              t={t}
            />
          </>
        )}
      </main>
    </I18n.Provider>
  );
}
