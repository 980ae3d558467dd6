/**
 * The options page's "Your data": export everything as one file, import such a file, delete
 * everything (notes, packs, settings and My pack). Works over the stores it is given, so that tests
 * use fresh databases.
 */
import { parseBackup, toBackupJson, type BackupSettings } from './backup';
import { COLOR_LABELS_KEY } from './notes/color-labels';
import { EXPORT_IDENTITY_KEY, cleanExportIdentity } from './notes/export-identity';
import { planImport } from './notes/exchange/import-notes';
import type { NotesRepository } from './notes/notes-repository';
import { DISPLAY_KEY, cleanDisplay } from './display-settings';
import { PAUSE_KEY, cleanPause } from './pause-settings';
import { cleanColorLabels } from './notes/color-labels';
import type { PackManager } from './packs/pack-manager';
import type { MyPackStore } from './mypack/my-pack-store';
import { myPackPart, restoreMyPack } from './mypack/my-pack-backup';

export interface SettingsStorage {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  clear(): Promise<void>;
}

export interface DataStores {
  notes: Pick<NotesRepository, 'recent' | 'existing' | 'restoreAll' | 'count'>;
  clearNotes(): Promise<void>;
  packs: PackManager;
  /** What the reader recorded. */
  myPack: Pick<MyPackStore, 'read' | 'change' | 'clear'>;
  storage: SettingsStorage;
  now?: () => Date;
}

export async function readSettings(storage: SettingsStorage): Promise<BackupSettings> {
  const stored = await storage.get([PAUSE_KEY, DISPLAY_KEY, COLOR_LABELS_KEY, EXPORT_IDENTITY_KEY]);
  return {
    pause: cleanPause(stored[PAUSE_KEY]),
    display: cleanDisplay(stored[DISPLAY_KEY]),
    colorLabels: cleanColorLabels(stored[COLOR_LABELS_KEY]),
    exportIdentity: cleanExportIdentity(stored[EXPORT_IDENTITY_KEY]),
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
  const myPack = myPackPart((await stores.myPack.read()).state);
  return toBackupJson(
    { notes, packs, settings: await readSettings(stores.storage), ...(myPack ? { myPack } : {}) },
    (stores.now ?? (() => new Date()))(),
  );
}

export type ImportOutcome =
  | {
      ok: true;
      notes: { added: number; updated: number; skipped: number };
      packs: number;
      /** Claims and statements of the backup's My pack that the profile's did not have. */
      myPack: number;
      /** Subscriptions the backup restored, disabled until the reader confirms them (nothing fetched before). */
      subscriptions: { id: string; name: string; url: string }[];
    }
  | { ok: false; errors: string[] };

/** Checks the whole file first: a backup with any problem changes nothing. */
export async function importEverything(stores: DataStores, text: string): Promise<ImportOutcome> {
  const parsed = parseBackup(text);
  if (!parsed.ok) return parsed;
  const { notes, packs, settings, myPack } = parsed.backup;
  // A pack that would pass for the bundled one refuses the file, before anything is written.
  const reserved = packs.flatMap((entry, i) => {
    const why = entry.pack && stores.packs.reserved(entry.pack);
    return why ? [`packs[${i}].pack: ${why}`] : [];
  });
  if (reserved.length > 0) return { ok: false, errors: reserved };
  // So is a My pack that cannot join the profile's: tried first, written last.
  const now = (stores.now ?? (() => new Date()))();
  const today = now.toISOString().slice(0, 10);
  if (myPack) {
    const trial = restoreMyPack((await stores.myPack.read()).state, myPack, today);
    if (!trial.ok) return { ok: false, errors: [`myPack: ${trial.error}`] };
  }
  const installed = await stores.packs.restoreAll(packs);
  const plan = planImport(await stores.notes.existing(notes.map((n) => n.id)), notes);
  await stores.notes.restoreAll([...plan.add, ...plan.update]);
  const keys = {
    pause: PAUSE_KEY,
    display: DISPLAY_KEY,
    colorLabels: COLOR_LABELS_KEY,
    exportIdentity: EXPORT_IDENTITY_KEY,
  } as const;
  const items = Object.fromEntries(
    (Object.keys(keys) as (keyof typeof keys)[])
      .filter((name) => settings[name] !== undefined)
      .map((name) => [keys[name], settings[name]]),
  );
  if (Object.keys(items).length > 0) await stores.storage.set(items);
  let recorded = 0;
  if (myPack) {
    const restored = await stores.myPack.change((state) => restoreMyPack(state, myPack, today));
    if (!restored.ok) return { ok: false, errors: [`myPack: ${restored.error}`] };
    recorded = restored.added;
  }
  return {
    ok: true,
    notes: { added: plan.add.length, updated: plan.update.length, skipped: plan.skip.length },
    packs: installed,
    myPack: recorded,
    subscriptions: packs.flatMap((entry) =>
      entry.origin.type === 'url' && entry.pack
        ? [{ id: entry.pack.id, name: entry.pack.name, url: entry.origin.url }]
        : [],
    ),
  };
}

/** Every note, installed pack, setting and recorded item; the bundled pack stays, enabled. */
export async function deleteEverything(stores: DataStores): Promise<void> {
  await stores.clearNotes();
  await stores.storage.clear();
  await stores.myPack.clear();
  await stores.packs.clear();
}
