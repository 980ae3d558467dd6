/**
 * Everything the reader has in ClaimLens as one file: notes, installed packs (with where they came
 * from and whether they are enabled) and settings. Reading a backup checks all of it before anything
 * is written: a file with one bad part changes nothing.
 */
import { validatePack } from './knowledge/pack-validator';
import type { KnowledgePack } from './knowledge/pack-types';
import { CLAIMLENS_VERSION, readClaimLensDocument, toClaimLensJson } from './notes/exchange/json';
import { ErrorList, isRecord, kindOf } from './notes/exchange/note-validation';
import type { Note } from './notes/note-types';
import { cleanColorLabels, type ColorLabels } from './notes/color-labels';
import { cleanDisplay, type DisplaySettings } from './display-settings';
import { cleanPause, type PauseSettings } from './pause-settings';
import { checkPackUrl, megabytes } from './packs/pack-fetch';
import { localize } from './reader-messages';
import type { PackOrigin } from './packs/packs-db';

export const BACKUP_FORMAT = 'claimlens-backup';
export const BACKUP_VERSION = 1;
export const MAX_BACKUP_CHARS = 200 * 1024 * 1024;

export interface BackupSettings {
  pause: PauseSettings;
  display: DisplaySettings;
  colorLabels: ColorLabels;
}

export interface BackupPack {
  origin: PackOrigin;
  enabled: boolean;
  /** Absent for the bundled pack: only whether it is enabled is kept. */
  pack?: KnowledgePack;
}

export interface Backup {
  notes: Note[];
  packs: BackupPack[];
  settings: BackupSettings;
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
    },
    null,
    1,
  );
}

export type ParsedBackup = { ok: true; backup: Backup } | { ok: false; errors: string[] };

/** Checks a whole backup; every problem is listed with its path. */
export function parseBackup(text: string): ParsedBackup {
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
      const result = validatePack(item.pack);
      if (!result.ok) {
        for (const problem of result.problems.slice(0, 20))
          errors.add(`${path}.pack.${problem.path}`, problem.message);
        return;
      }
      packs.push({ origin, enabled: item.enabled === true, pack: result.pack });
    });

  const settings = isRecord(value.settings) ? value.settings : {};
  if (!isRecord(value.settings)) errors.add('settings', `expected an object, got ${kindOf(value.settings)}`);

  if (errors.size > 0) return { ok: false, errors: errors.toArray() };
  return {
    ok: true,
    backup: {
      notes,
      packs,
      settings: {
        pause: cleanPause(settings.pause),
        display: cleanDisplay(settings.display),
        colorLabels: cleanColorLabels(settings.colorLabels),
      },
    },
  };
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
