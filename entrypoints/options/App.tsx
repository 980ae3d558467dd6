/** Options: knowledge packs, what is marked and where, colour names, and the reader's data. */
import { useEffect, useState } from 'preact/hooks';
import { browser } from '#imports';
import { downloadText } from '../../components/download';
import { ColourNames } from '../../components/options/ColourNames';
import { DataSection } from '../../components/options/DataSection';
import { DisplayForm } from '../../components/options/DisplayForm';
import { ExportName } from '../../components/options/ExportName';
import { ImportNotes } from '../../components/options/ImportNotes';
import { PackManagerView, type PackOutcome } from '../../components/options/PackManagerView';
import {
  deleteEverything,
  exportEverything,
  importEverything,
  readSettings,
  type DataStores,
} from '../../lib/data-controls';
import { DISPLAY_KEY, DEFAULT_DISPLAY, type DisplaySettings } from '../../lib/display-settings';
import { translate as t } from '../../lib/i18n';
import { COLOR_LABELS_KEY, type ColorLabels } from '../../lib/notes/color-labels';
import { EXPORT_IDENTITY_KEY, type ExportIdentity } from '../../lib/notes/export-identity';
import { notesDb } from '../../lib/notes/db';
import { notesRepository } from '../../lib/notes/notes-repository';
import { importNotesFile, type ImportOutcome } from '../../lib/notes/exchange/import-file';
import { IMPORT_ANCHOR } from '../../lib/notes/exchange/import-place';
import { checkPackUrl, originPattern } from '../../lib/packs/pack-fetch';
import { problemLines, type InstallResult } from '../../lib/packs/pack-manager';
import { packManager } from '../../lib/packs/pack-manager-instance';
import type { PackRow } from '../../lib/packs/packs-db';
import { KnowledgeBase } from '../../lib/knowledge/knowledge-base';
import type { MergeNote } from '../../lib/knowledge/pack-merge';
import { PAUSE_KEY, type PauseSettings } from '../../lib/pause-settings';
import { MyPackPanel } from './MyPackPanel';
import { myPackStore } from '../../lib/mypack/my-pack-instance';

const formatTime = (ms: number) =>
  new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function stores(): DataStores {
  return {
    notes: notesRepository(),
    clearNotes: async () => {
      const db = notesDb();
      await db.transaction('rw', db.notes, db.pages, async () => {
        await db.notes.clear();
        await db.pages.clear();
      });
    },
    packs: packManager(),
    myPack: myPackStore(),
    storage: {
      get: (keys) => browser.storage.local.get(keys),
      set: (items) => browser.storage.local.set(items),
      clear: () => browser.storage.local.clear(),
    },
  };
}

/**
 * Asks for the host permission of a pack's address; must run in the click's own turn. ClaimLens holds
 * access to http(s) sites from install (its content script needs it); the browser asks only where the
 * reader has restricted that access.
 */
function askForHost(url: string): Promise<boolean> {
  const checked = checkPackUrl(url);
  if (!checked.ok) return Promise.resolve(true); // the manager refuses it with the reason
  const wanted = { origins: [originPattern(checked.url)] };
  return browser.permissions.request(wanted).catch(() => false);
}

export function App() {
  const [rows, setRows] = useState<PackRow[]>([]);
  const [mergeNotes, setMergeNotes] = useState<readonly MergeNote[]>([]);
  const [busy, setBusy] = useState(false);
  const [packOutcome, setPackOutcome] = useState<PackOutcome | null>(null);
  /** Drawn again (read from its store) after everything was deleted or a backup restored. */
  const [myPackShown, setMyPackShown] = useState(0);
  const [display, setDisplay] = useState<DisplaySettings>(DEFAULT_DISPLAY);
  const [pause, setPause] = useState<PauseSettings>({ everywhere: false, sites: [] });
  const [labels, setLabels] = useState<ColorLabels | null>(null);
  const [identity, setIdentity] = useState<ExportIdentity | null>(null);
  const [noteCount, setNoteCount] = useState(0);
  const [dataOutcome, setDataOutcome] = useState<{ message?: string; errors?: string[] } | null>(null);
  const [notesOutcome, setNotesOutcome] = useState<ImportOutcome | null>(null);
  const [restored, setRestored] = useState<{ id: string; name: string; url: string }[]>([]);

  /** The packs again, and what merging the enabled ones could not do as their ids suggest. */
  const listPacks = async () => {
    const listed = await packManager().list();
    setRows(listed);
    const enabled = listed.filter((r) => r.enabled).length;
    setMergeNotes(enabled > 1 ? new KnowledgeBase(await packManager().enabledPacks()).mergeNotes : []);
  };

  const reload = async () => {
    const settings = await readSettings(stores().storage);
    setDisplay(settings.display);
    setPause(settings.pause);
    setLabels(settings.colorLabels);
    setIdentity(settings.exportIdentity);
    await listPacks();
    setNoteCount(
      await notesRepository()
        .count()
        .catch(() => 0),
    );
  };
  useEffect(() => {
    // Opened by the popup's "Import notes" (Firefox): the import section, once the page is drawn.
    void reload().then(() => {
      if (location.hash === `#${IMPORT_ANCHOR}`)
        requestAnimationFrame(() => document.getElementById(IMPORT_ANCHOR)?.focus());
    });
  }, []);

  /** Runs one pack operation at a time, then lists the packs again. */
  const run = async (work: () => Promise<PackOutcome | null>) => {
    setBusy(true);
    try {
      setPackOutcome(await work());
    } catch (error) {
      setPackOutcome({ error: (error as Error).message });
    } finally {
      await listPacks();
      setBusy(false);
    }
  };

  const installed = (result: InstallResult): PackOutcome =>
    result.ok
      ? {
          message: t(result.replaced ? 'optionsPackReplaced' : 'optionsPackInstalled', [
            result.row.name,
            result.row.version,
            result.row.stats.entitiesByKind.group.toLocaleString(),
            result.row.stats.incidents.toLocaleString(),
          ]),
        }
      : { error: result.error, problems: result.problems && problemLines(result.problems) };

  const saveDisplay = (next: DisplaySettings) => {
    setDisplay(next);
    void browser.storage.local.set({ [DISPLAY_KEY]: next });
  };
  const savePause = (next: PauseSettings) => {
    setPause(next);
    void browser.storage.local.set({ [PAUSE_KEY]: next });
  };

  return (
    <main>
      <h1>{t('optionsTitle')}</h1>
      <PackManagerView
        rows={rows}
        mergeNotes={mergeNotes}
        busy={busy}
        outcome={packOutcome}
        formatTime={formatTime}
        t={t}
        onToggle={(id, enabled) => {
          // Shown at once; the list is read again when the change is stored.
          setRows(rows.map((r) => (r.id === id ? { ...r, enabled } : r)));
          void run(async () => {
            await packManager().setEnabled(id, enabled);
            return null;
          });
        }}
        onRemove={(id) =>
          void run(async () => {
            const name = rows.find((r) => r.id === id)?.name ?? id;
            await packManager().remove(id);
            return { message: t('optionsPackRemoved', name) };
          })
        }
        onImportFile={(text, fileName) =>
          void run(async () => installed(await packManager().installText(text, fileName)))
        }
        onSubscribe={(url) => {
          const allowed = askForHost(url);
          void run(async () =>
            (await allowed)
              ? installed(await packManager().subscribe(url))
              : { error: t('optionsPackPermissionRefused', url) },
          );
        }}
        onCheck={(id) => {
          const urls = rows.filter((r) => r.origin.type === 'url' && (id === undefined || r.id === id));
          const allowed = Promise.all(urls.map((r) => askForHost((r.origin as { url: string }).url)));
          void run(async () => {
            await allowed;
            const results = await packManager().checkForUpdates(id);
            const lines = results.map((r) =>
              r.status === 'failed'
                ? t('optionsPackCheckFailed', [r.name, r.error ?? ''])
                : t(r.status === 'updated' ? 'optionsPackCheckUpdated' : 'optionsPackCheckUnchanged', [
                    r.name,
                    r.version,
                  ]),
            );
            return { message: lines.join(' ') || t('optionsPackCheckNone') };
          });
        }}
      />
      <MyPackPanel key={myPackShown} />
      <DisplayForm display={display} pause={pause} onDisplay={saveDisplay} onPause={savePause} t={t} />
      {labels && (
        <ColourNames
          labels={labels}
          t={t}
          onSave={(next) => browser.storage.local.set({ [COLOR_LABELS_KEY]: next })}
        />
      )}
      {identity && (
        <ExportName
          // Made again when the stored name changes (a backup imported, everything deleted).
          key={identity.name}
          identity={identity}
          t={t}
          onSave={(next) => browser.storage.local.set({ [EXPORT_IDENTITY_KEY]: next })}
        />
      )}
      <ImportNotes
        busy={busy}
        outcome={notesOutcome}
        t={t}
        onImport={(text) => {
          setBusy(true);
          void importNotesFile(text, notesRepository())
            .then(async (outcome) => {
              setNotesOutcome(outcome);
              await reload();
            })
            .finally(() => setBusy(false));
        }}
      />
      <DataSection
        notes={noteCount}
        packs={rows.filter((r) => r.origin.type !== 'bundled').length}
        busy={busy}
        outcome={dataOutcome}
        restoredSubscriptions={restored}
        onEnableSubscriptions={(ids) => {
          setBusy(true);
          void packManager()
            .confirmSubscriptions(ids)
            .then(
              async () => {
                setRestored([]);
                setDataOutcome({ message: t('optionsDataSubscriptionsEnabled') });
                await reload();
              },
              (error: Error) => setDataOutcome({ errors: [error.message] }),
            )
            .finally(() => setBusy(false));
        }}
        t={t}
        onExport={() =>
          void exportEverything(stores()).then(
            (json) => {
              downloadText(
                json,
                'application/json',
                `claimlens-backup-${new Date().toISOString().slice(0, 10)}.json`,
              );
              setDataOutcome({ message: t('optionsDataExported') });
            },
            (error: Error) => setDataOutcome({ errors: [error.message] }),
          )
        }
        onImport={(text) => {
          setBusy(true);
          void importEverything(stores(), text)
            .then(
              async (outcome) => {
                if (!outcome.ok) return setDataOutcome({ errors: outcome.errors });
                setRestored(outcome.subscriptions);
                const imported = t('optionsDataImported', [
                  outcome.notes.added.toLocaleString(),
                  outcome.notes.updated.toLocaleString(),
                  outcome.notes.skipped.toLocaleString(),
                  outcome.packs.toLocaleString(),
                ]);
                setDataOutcome({
                  message:
                    outcome.myPack > 0
                      ? `${imported} ${t('optionsDataImportedMyPack', outcome.myPack.toLocaleString())}`
                      : imported,
                });
                setMyPackShown((n) => n + 1);
                await reload();
              },
              (error: Error) => setDataOutcome({ errors: [error.message] }),
            )
            .finally(() => setBusy(false));
        }}
        onDeleteAll={() => {
          setBusy(true);
          void deleteEverything(stores())
            .then(
              async () => {
                setMyPackShown((n) => n + 1);
                setDataOutcome({ message: t('optionsDataDeleted') });
                await reload();
              },
              (error: Error) => setDataOutcome({ errors: [error.message] }),
            )
            .finally(() => setBusy(false));
        }}
      />
    </main>
  );
}
