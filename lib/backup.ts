/**
 * Everything the reader has in ClaimLens as one file: notes, installed packs (with where they came
 * from and whether they are enabled), settings and My pack (what the reader recorded). Reading a backup checks all of it before anything
 * is written: a file with one bad part changes nothing. Settings are taken only as ClaimLens writes
 * them: an unknown or malformed one refuses the file (it is never "cleaned" into a default that would
 * replace the reader's own, such as the paused sites); a pack is held to the same 30 MB as any other.
 */
import { validatePack } from './knowledge/pack-validator';
import type { KnowledgePack } from './knowledge/pack-types';
import { CLAIMLENS_VERSION, readClaimLensDocument, toClaimLensJson } from './notes/exchange/json';
import { ErrorList, isRecord, kindOf } from './notes/exchange/note-validation';
import type { Note } from './notes/note-types';
import { cleanColorLabels, type ColorLabels } from './notes/color-labels';
import { cleanExportIdentity, type ExportIdentity } from './notes/export-identity';
import { cleanDisplay, type DisplaySettings } from './display-settings';
import { cleanPause, type PauseSettings } from './pause-settings';
import { MAX_PACK_BYTES, checkPackUrl, megabytes } from './packs/pack-fetch';
import { localize } from './reader-messages';
import type { PackOrigin } from './packs/packs-db';
import type { MyPackState } from './mypack/my-pack';
import { readMyPackPart } from './mypack/my-pack-backup';

export const BACKUP_FORMAT = 'claimlens-backup';
export const BACKUP_VERSION = 1;
export const MAX_BACKUP_CHARS = 200 * 1024 * 1024;

export interface BackupSettings {
  pause: PauseSettings;
  display: DisplaySettings;
  colorLabels: ColorLabels;
  exportIdentity: ExportIdentity;
}

/** The settings a backup holds; one it leaves out is left as the profile has it. */
const SETTINGS: { [K in keyof BackupSettings]: (value: unknown) => BackupSettings[K] } = {
  pause: cleanPause,
  display: cleanDisplay,
  colorLabels: cleanColorLabels,
  exportIdentity: cleanExportIdentity,
};

export interface BackupPack {
  origin: PackOrigin;
  enabled: boolean;
  /** Absent for the bundled pack: only whether it is enabled is kept. */
  pack?: KnowledgePack;
}

export interface Backup {
  notes: Note[];
  packs: BackupPack[];
  settings: Partial<BackupSettings>;
  /** What the reader recorded (lib/mypack); absent when nothing was. */
  myPack?: MyPackState;
}

export function toBackupJson(backup: Backup, exportedAt: Date): string {
  return JSON.stringify(
    {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: exportedAt.toISOString(),
      notes: JSON.parse(toClaimLensJson(backup.notes, { now: exportedAt.getTime() })),
      packs: backup.packs,
      settings: backup.settings,
      ...(backup.myPack ? { myPack: backup.myPack } : {}),
    },
    null,
    1,
  );
}

export type ParsedBackup = { ok: true; backup: Backup } | { ok: false; errors: string[] };

/** Checks a whole backup; every problem is listed with its path. `maxPackBytes`: each pack's limit, as for any pack. */
export function parseBackup(text: string, { maxPackBytes = MAX_PACK_BYTES } = {}): ParsedBackup {
  if (text.length > MAX_BACKUP_CHARS)
    return { ok: false, errors: [localize('fileTooLarge', megabytes(MAX_BACKUP_CHARS))] };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [localize('fileNotJson', (error as Error).message)] };
  }
  const errors = new ErrorList();
  if (!isRecord(value) || value.format !== BACKUP_FORMAT) {
    return { ok: false, errors: [localize('backupWrongFormat')] };
  }
  if (value.version !== BACKUP_VERSION) {
    return { ok: false, errors: [localize('backupWrongVersion', String(BACKUP_VERSION))] };
  }

  const notesErrors = new ErrorList();
  const notes = readClaimLensDocument(value.notes, notesErrors);
  for (const message of notesErrors.toArray()) errors.add('notes', message);
  if (isRecord(value.notes) && value.notes.version !== CLAIMLENS_VERSION)
    errors.add('notes.version', 'unsupported');

  const packs: BackupPack[] = [];
  if (!Array.isArray(value.packs)) errors.add('packs', `expected a list, got ${kindOf(value.packs)}`);
  else
    value.packs.forEach((item: unknown, i) => {
      const path = `packs[${i}]`;
      if (!isRecord(item)) return errors.add(path, `expected an object, got ${kindOf(item)}`);
      const origin = readOrigin(item.origin, `${path}.origin`, errors);
      if (typeof item.enabled !== 'boolean') errors.add(`${path}.enabled`, 'expected true or false');
      if (!origin) return;
      if (origin.type === 'bundled') return packs.push({ origin, enabled: item.enabled === true });
      if (JSON.stringify(item.pack ?? null).length > maxPackBytes)
        return errors.add(`${path}.pack`, localize('packTooLarge', megabytes(maxPackBytes)));
      const result = validatePack(item.pack);
      if (!result.ok) {
        for (const problem of result.problems.slice(0, 20))
          errors.add(`${path}.pack.${problem.path}`, problem.message);
        return;
      }
      packs.push({ origin, enabled: item.enabled === true, pack: result.pack });
    });

  const settings = readSettings(value.settings, errors);
  const myPack =
    value.myPack === undefined
      ? undefined
      : readMyPackPart(value.myPack, errors, maxPackBytes, localize('packTooLarge', megabytes(maxPackBytes)));

  if (errors.size > 0) return { ok: false, errors: errors.toArray() };
  return { ok: true, backup: { notes, packs, settings, ...(myPack ? { myPack } : {}) } };
}

/**
 * The settings of a backup, each exactly as ClaimLens writes it: a setting it does not know, or one
 * that ClaimLens would have to change to use (junk, a value out of range), is an error.
 */
function readSettings(value: unknown, errors: ErrorList): Partial<BackupSettings> {
  const settings: Record<string, unknown> = {};
  if (!isRecord(value)) {
    errors.add('settings', `expected an object, got ${kindOf(value)}`);
    return settings;
  }
  for (const [key, given] of Object.entries(value)) {
    const clean = SETTINGS[key as keyof BackupSettings];
    if (!Object.hasOwn(SETTINGS, key) || !clean) {
      errors.add(`settings.${key}`, 'unknown setting');
      continue;
    }
    if (given === undefined) continue;
    const cleaned = clean(given);
    if (!isRecord(given) || !sameData(cleaned, given)) {
      errors.add(`settings.${key}`, 'malformed: not as ClaimLens writes it');
      continue;
    }
    settings[key] = cleaned;
  }
  return settings as Partial<BackupSettings>;
}

/** Whether two JSON values are equal, whatever the order of their keys. */
function sameData(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b))
    return (
      Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameData(x, b[i]))
    );
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && sameData(a[k], b[k]))
    );
  }
  return Object.is(a, b);
}

function readOrigin(value: unknown, path: string, errors: ErrorList): PackOrigin | undefined {
  if (!isRecord(value)) {
    errors.add(path, `expected an object, got ${kindOf(value)}`);
    return undefined;
  }
  if (value.type === 'bundled') return { type: 'bundled' };
  if (value.type === 'file' && typeof value.fileName === 'string')
    return { type: 'file', fileName: value.fileName.slice(0, 300) };
  if (value.type === 'url' && typeof value.url === 'string') {
    const checked = checkPackUrl(value.url);
    if (checked.ok) return { type: 'url', url: checked.url.href };
    errors.add(`${path}.url`, checked.error);
    return undefined;
  }
  errors.add(path, 'expected a bundled, file or url origin');
  return undefined;
}
