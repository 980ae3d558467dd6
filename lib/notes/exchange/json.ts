// ClaimLens' own notes file: every field of every note, for backups and moving notes between browsers.
import { localize } from '../../reader-messages';
import type { Note } from '../note-types';
import {
  ErrorList,
  NotesImportError,
  checkUniqueIds,
  isRecord,
  kindOf,
  noteRecord,
  validateNote,
} from './note-validation';

export const CLAIMLENS_FORMAT = 'claimlens-notes';
export const CLAIMLENS_VERSION = 1;

export interface ClaimLensJsonOptions {
  /** When the export was made (milliseconds; now when left out). Tests pass their own. */
  now?: number;
}

/**
 * The notes as a ClaimLens notes file. Lossless: reading it back with fromClaimLensJson gives the same
 * notes. The search index (`terms`) is left out: it is derived, and rebuilt on import.
 */
export function toClaimLensJson(notes: readonly Note[], options: ClaimLensJsonOptions = {}): string {
  const records = notes.map((note) => {
    const { terms: _index, ...record } = noteRecord(note);
    return record;
  });
  return JSON.stringify(
    {
      format: CLAIMLENS_FORMAT,
      version: CLAIMLENS_VERSION,
      exportedAt: new Date(options.now ?? Date.now()).toISOString(),
      notes: records,
    },
    null,
    2,
  );
}

/** Whether a parsed file says it is a ClaimLens notes file (whatever its version). */
export function isClaimLensDocument(value: unknown): boolean {
  return isRecord(value) && value.format === CLAIMLENS_FORMAT;
}

/** The notes of a parsed ClaimLens notes file; every problem goes to `errors` (then the result is unusable). */
export function readClaimLensDocument(value: unknown, errors: ErrorList): Note[] {
  if (!isRecord(value)) {
    errors.add('', `expected a ClaimLens notes file (an object), got ${kindOf(value)}`);
    return [];
  }
  if (value.format !== CLAIMLENS_FORMAT) {
    errors.add('format', `expected "${CLAIMLENS_FORMAT}"`);
    return [];
  }
  if (value.version !== CLAIMLENS_VERSION) {
    const newer = typeof value.version === 'number' && value.version > CLAIMLENS_VERSION;
    errors.add(
      'version',
      newer
        ? `version ${value.version} was written by a newer ClaimLens; this one reads version ${CLAIMLENS_VERSION}`
        : `expected ${CLAIMLENS_VERSION}`,
    );
    return [];
  }
  if (!Array.isArray(value.notes)) {
    errors.add(
      'notes',
      value.notes === undefined ? 'missing' : `expected a list, got ${kindOf(value.notes)}`,
    );
    return [];
  }
  const read: { note: Note; path: string }[] = [];
  value.notes.forEach((item: unknown, i) => {
    const path = `notes[${i}]`;
    const note = validateNote(item, path, errors);
    if (note) read.push({ note, path });
  });
  checkUniqueIds(read, errors);
  return read.map((r) => r.note);
}

/** Reads a ClaimLens notes file. Throws NotesImportError listing every problem; nothing is returned then. */
export function fromClaimLensJson(text: string): Note[] {
  const errors = new ErrorList();
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new NotesImportError([localize('fileInvalidJsonShort')]);
  }
  const notes = readClaimLensDocument(value, errors);
  if (errors.size > 0) throw new NotesImportError(errors.toArray());
  return notes;
}
