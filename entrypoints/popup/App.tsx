/** The popup: what is on the current tab, and every saved note (search, delete with undo). */
import { useEffect, useState } from 'preact/hooks';
import { browser } from '#imports';
import { ExchangeBar, type ExportFormat } from '../../components/popup/ExchangeBar';
import { NoteEditor } from '../../components/notes/NoteEditor';
import { NoteFilters } from '../../components/popup/NoteFilters';
import { NotesList } from '../../components/popup/NotesList';
import { filterChoices, filterNotes, type NoteFilter } from '../../lib/notes/note-filter';
import { PAUSE_KEY, cleanPause, withSite, type PauseSettings } from '../../lib/pause-settings';
import { toCsv } from '../../lib/notes/exchange/csv';
import { importReport, parseImport, planImport } from '../../lib/notes/exchange/import-notes';
import { toClaimLensJson } from '../../lib/notes/exchange/json';
import { toMarkdown } from '../../lib/notes/exchange/markdown';
import { toWebAnnotation } from '../../lib/notes/exchange/web-annotation';
import { ThisPage } from '../../components/popup/ThisPage';
import { sendMessage, type PageReport } from '../../lib/messaging';
import type { ColorId, Note } from '../../lib/notes/note-types';
import { notesRepository } from '../../lib/notes/notes-repository';
import { normalizeUrl, pageKeyFor } from '../../lib/notes/page-identity';

const t = (key: string, substitutions?: string | string[]) =>
  (browser.i18n.getMessage as (k: string, s?: string | string[]) => string)(key, substitutions) || key;

type View = 'page' | 'all';

/** Notes drawn before the whole list has been read: a screenful and a little more. */
const FIRST_SCREEN = 40;

export function App() {
  const [view, setView] = useState<View>('page');
  const [report, setReport] = useState<PageReport | null>(null);
  const [pageNotes, setPageNotes] = useState<Note[]>([]);
  const [allNotes, setAllNotes] = useState<Note[]>([]);
  const [query, setQuery] = useState('');
  const [deleted, setDeleted] = useState<Note | null>(null);
  const [error, setError] = useState('');
  const [outcome, setOutcome] = useState<{ report?: string; errors?: string[] } | null>(null);
  const [filter, setFilter] = useState<NoteFilter>({});
  const [editing, setEditing] = useState<Note | null>(null);
  const [editError, setEditError] = useState<string>();
  const [pause, setPause] = useState<PauseSettings>({ everywhere: false, sites: [] });
  const [host, setHost] = useState('');
  const [tabId, setTabId] = useState<number>();
  const [names, setNames] = useState<Record<string, string>>({});
  const shown = filterNotes(allNotes, filter);
  const choices = filterChoices(allNotes);

  const fail = (e: unknown) => setError(t('popupStorageError', (e as Error).message));

  useEffect(() => {
    void (async () => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      const stored = await browser.storage.local.get(PAUSE_KEY);
      setPause(cleanPause(stored[PAUSE_KEY]));
      if (tab?.url && /^https?:/.test(tab.url)) setHost(new URL(tab.url).hostname);
      if (tab?.id === undefined) return;
      setTabId(tab.id);
      setReport(await sendMessage('tabReport', { tabId: tab.id }).catch(() => null));
      if (!tab.url || !/^https?:/.test(tab.url)) return;
      try {
        setPageNotes(await notesRepository().forPage(pageKeyFor({ url: tab.url }), [normalizeUrl(tab.url)]));
      } catch (e) {
        fail(e);
      }
    })();
  }, []);

  // The list: newest first, or the search's results (term index, no full scan) as the reader types.
  useEffect(() => {
    if (view !== 'all') return;
    const repo = notesRepository();
    if (query.trim()) {
      repo.search(query, { limit: 1000 }).then(setAllNotes, fail);
      return;
    }
    // The newest first, at once; then all of them (for scrolling and the filters' choices).
    let stale = false;
    repo
      .recent(FIRST_SCREEN)
      .then((first) => {
        if (!stale) setAllNotes(first);
        return first.length < FIRST_SCREEN ? first : repo.recent();
      })
      .then((all) => !stale && setAllNotes(all), fail);
    return () => {
      stale = true;
    };
  }, [view, query, deleted]);

  // Names for the groups and incidents the notes mention (the filter menu shows names, not ids).
  const mentionKey = choices.mentions.join(',');
  useEffect(() => {
    if (!mentionKey) return;
    sendMessage('getCards', { ids: mentionKey.split(',').slice(0, 500) })
      .then((cards) => setNames(Object.fromEntries(cards.map((c) => [c.id, c.name]))))
      .catch(() => undefined); // ids stand in for names
  }, [mentionKey]);

  const remove = async (note: Note) => {
    try {
      await notesRepository().delete(note.id);
      setDeleted(note);
    } catch (e) {
      fail(e);
    }
  };
  const open = async (note: Note) => {
    const result = await sendMessage('openNote', { id: note.id }).catch(() => ({
      ok: false,
      message: undefined,
    }));
    if (result.ok) window.close();
    else setError(result.message ?? t('popupOpenFailed'));
  };
  const saveEdit = async (note: Note, values: { text: string; tags: string[]; color: ColorId }) => {
    try {
      await notesRepository().update(note.id, values);
      setEditing(null);
      setEditError(undefined);
      setAllNotes(await notesRepository().recent());
    } catch (e) {
      setEditError((e as Error).message);
    }
  };
  const undo = async () => {
    if (!deleted) return;
    try {
      await notesRepository().restore(deleted);
      setDeleted(null);
    } catch (e) {
      fail(e);
    }
  };

  const savePause = async (next: PauseSettings) => {
    setPause(next);
    await browser.storage.local.set({ [PAUSE_KEY]: next }).catch(fail);
  };
  const site = host.replace(/^www\./, '');

  const exportNotes = (format: ExportFormat) => {
    const [content, type, ext] =
      format === 'markdown'
        ? [toMarkdown(shown), 'text/markdown', 'md']
        : format === 'json'
          ? [toClaimLensJson(shown), 'application/json', 'json']
          : format === 'web-annotation'
            ? [toWebAnnotation(shown), 'application/ld+json', 'jsonld']
            : [toCsv(shown), 'text/csv', 'csv'];
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([content], { type: `${type};charset=utf-8` }));
    link.download = `claimlens-notes-${new Date().toISOString().slice(0, 10)}.${ext}`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  };

  // All or nothing: a file with any problem changes nothing and says what is wrong.
  const importNotes = async (text: string) => {
    const parsed = parseImport(text);
    if (!parsed.ok) return setOutcome({ errors: parsed.errors });
    try {
      const repo = notesRepository();
      const plan = planImport(await repo.existing(parsed.notes.map((n) => n.id)), parsed.notes);
      await repo.restoreAll([...plan.add, ...plan.update]);
      setOutcome({ report: importReport(plan) });
      setQuery('');
      setAllNotes(await repo.recent());
    } catch (e) {
      setOutcome({ errors: [(e as Error).message] });
    }
  };

  return (
    <main>
      <h1>ClaimLens</h1>
      <div role="tablist" aria-label="ClaimLens">
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
            t={t}
          />
        </>
      ) : (
        <>
          <ExchangeBar
            count={shown.length}
            onExport={exportNotes}
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
            t={t}
          />
        </>
      )}
    </main>
  );
}
