/**
 * The options page's "Your data": export everything as one file, import such a file, delete
 * everything. Works over the stores it is given, so that tests use fresh databases.
 */
import { parseBackup, toBackupJson, type BackupSettings } from './backup';
import { COLOR_LABELS_KEY } from './notes/color-labels';
import { planImport } from './notes/exchange/import-notes';
import type { NotesRepository } from './notes/notes-repository';
import { DISPLAY_KEY, cleanDisplay } from './display-settings';
import { PAUSE_KEY, cleanPause } from './pause-settings';
import { cleanColorLabels } from './notes/color-labels';
import type { PackManager } from './packs/pack-manager';

export interface SettingsStorage {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  clear(): Promise<void>;
}

export interface DataStores {
  notes: Pick<NotesRepository, 'recent' | 'existing' | 'restoreAll' | 'count'>;
  clearNotes(): Promise<void>;
  packs: PackManager;
  storage: SettingsStorage;
  now?: () => Date;
}

export async function readSettings(storage: SettingsStorage): Promise<BackupSettings> {
  const stored = await storage.get([PAUSE_KEY, DISPLAY_KEY, COLOR_LABELS_KEY]);
  return {
    pause: cleanPause(stored[PAUSE_KEY]),
    display: cleanDisplay(stored[DISPLAY_KEY]),
    colorLabels: cleanColorLabels(stored[COLOR_LABELS_KEY]),
  };
}

export async function exportEverything(stores: DataStores): Promise<string> {
  // IndexedDB counts in unsigned 32-bit integers: this is "all of them".
  const notes = await stores.notes.recent(2 ** 32 - 1);
  const packs = (await stores.packs.exportAll()).map(({ row, pack }) => ({
    origin: row.origin,
    enabled: row.enabled,
    ...(pack ? { pack } : {}),
  }));
  return toBackupJson(
    { notes, packs, settings: await readSettings(stores.storage) },
    (stores.now ?? (() => new Date()))(),
  );
}

export type ImportOutcome =
  | { ok: true; notes: { added: number; updated: number; skipped: number }; packs: number }
  | { ok: false; errors: string[] };

/** Checks the whole file first: a backup with any problem changes nothing. */
export async function importEverything(stores: DataStores, text: string): Promise<ImportOutcome> {
  const parsed = parseBackup(text);
  if (!parsed.ok) return parsed;
  const { notes, packs, settings } = parsed.backup;
  const installed = await stores.packs.restoreAll(packs);
  const plan = planImport(await stores.notes.existing(notes.map((n) => n.id)), notes);
  await stores.notes.restoreAll([...plan.add, ...plan.update]);
  await stores.storage.set({
    [PAUSE_KEY]: settings.pause,
    [DISPLAY_KEY]: settings.display,
    [COLOR_LABELS_KEY]: settings.colorLabels,
  });
  return {
    ok: true,
    notes: { added: plan.add.length, updated: plan.update.length, skipped: plan.skip.length },
    packs: installed,
  };
}

/** Every note, installed pack and setting; the bundled pack stays, enabled. */
export async function deleteEverything(stores: DataStores): Promise<void> {
  await stores.clearNotes();
  await stores.storage.clear();
  await stores.packs.clear();
}
