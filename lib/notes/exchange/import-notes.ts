// Reading a notes file chosen by the reader and deciding what it adds to, or changes in, the notes store.
import { localize, localizeCount } from '../../reader-messages';
import type { Note } from '../note-types';
import { isClaimLensDocument, readClaimLensDocument } from './json';
import { ErrorList, noteRecord } from './note-validation';
import { isHypothesisDocument, readHypothesisDocument } from './hypothesis';
import { noSkips, type ImportSkips } from './import-skips';
import { isWebAnnotationDocument, readWebAnnotationDocument } from './web-annotation';

export const DEFAULT_MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export type ImportFormat = 'claimlens' | 'web-annotation' | 'hypothesis';

/** `skipped`: annotations left out on purpose (page notes, replies, no quote), not refused with the file. */
export type ParsedImport =
  { ok: true; notes: Note[]; format: ImportFormat; skipped: ImportSkips } | { ok: false; errors: string[] };

export interface ImportOptions {
  /** Largest file accepted, in UTF-8 bytes (default 50 MB). */
  maxBytes?: number;
  /** Time given to annotations that carry no dates (default: now). */
  now?: number;
}

const count = (n: number) => n.toLocaleString('en-US');

function describeBytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 1
    ? localize('sizeMegabytesAndBytes', [
        count(Number.isInteger(mb) ? mb : Number(mb.toFixed(1))),
        count(bytes),
      ])
    : localize('sizeBytes', count(bytes));
}

/**
 * UTF-8 size of a string, counted up to `limit + 1` only: the caller needs to know whether it is over, and
 * counting a huge string in full would be wasted work.
 */
function utf8BytesUpTo(text: string, limit: number): number {
  // Every UTF-16 unit takes at least one byte, and at most three (a pair takes four, two per unit).
  if (text.length > limit) return text.length;
  if (text.length * 3 <= limit) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= limit; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * Offset of the first syntax error in text JSON.parse refused, or -1. V8 names the position for some errors
 * only ("Unexpected token" comes without one), so the text is scanned again. Iterative: a hostile file
 * nested a million levels deep must not overflow the stack.
 */
export function jsonErrorOffset(text: string): number {
  const n = text.length;
  const stack: string[] = [];
  const scalar = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;
  let i = 0;
  const skipSpace = () => {
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const string = (): boolean => {
    if (text[i] !== '"') return false;
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return true;
      }
      if (c < 0x20) return false;
      if (c === 0x5c) {
        const escape = text[i + 1];
        if (escape === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
        else if (escape !== undefined && '"\\/bfnrt'.includes(escape)) i += 2;
        else return false;
      } else i++;
    }
    return false;
  };
  const key = (): boolean => {
    skipSpace();
    if (!string()) return false;
    skipSpace();
    if (text[i] !== ':') return false;
    i++;
    return true;
  };
  let expectValue = true;
  for (;;) {
    skipSpace();
    if (expectValue) {
      const c = text[i];
      if (c === '[' || c === '{') {
        stack.push(c);
        i++;
        skipSpace();
        if (text[i] === (c === '[' ? ']' : '}')) {
          i++;
          stack.pop();
          expectValue = false;
        } else if (c === '{' && !key()) return i;
        continue;
      }
      if (c === '"') {
        if (!string()) return i;
      } else {
        scalar.lastIndex = i;
        if (!scalar.test(text)) return i;
        i = scalar.lastIndex;
      }
      expectValue = false;
      continue;
    }
    const top = stack[stack.length - 1];
    if (top === undefined) return i < n ? i : -1;
    const c = text[i];
    if (c === ',') {
      i++;
      if (top === '{' && !key()) return i;
      expectValue = true;
    } else if (c === (top === '[' ? ']' : '}')) {
      stack.pop();
      i++;
    } else return i;
  }
}

/** Where JSON.parse gave up, as a line and column a reader can find in an editor. */
function jsonErrorMessage(error: unknown, text: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const reason = message
    .replace(/\s*\(line \d+ column \d+\)/, '')
    .replace(/\s*in JSON at position \d+/, '')
    // V8 quotes the text around the error; the line and column say where, without repeating file content.
    .replace(/, (\.\.\.)?"[\s\S]*$/, '');
  const reported = /at position (\d+)/.exec(message);
  const position = reported ? Number(reported[1]) : jsonErrorOffset(text);
  if (position < 0) return localize('fileInvalidJson', reason);
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < position; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return localize('fileInvalidJsonAt', [count(line), count(position - lineStart + 1), reason]);
}

/**
 * Reads a notes file: a ClaimLens notes export or W3C Web Annotations (a collection, a page, one
 * annotation or a list). All or nothing: any problem and no note is returned, with every problem listed
 * with the path to the value it is about (`notes[3].tags[0]: expected a string, got a number`). Text is
 * only ever kept as text: markup in a note stays the characters it was.
 */
export function parseImport(text: string, options: ImportOptions = {}): ParsedImport {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_IMPORT_BYTES;
  if (typeof text !== 'string') return { ok: false, errors: [localize('fileNotText')] };
  const size = utf8BytesUpTo(text, maxBytes);
  if (size > maxBytes) {
    return {
      ok: false,
      errors: [localize('importTooLarge', describeBytes(maxBytes))],
    };
  }
  // Editors on Windows often save JSON with a byte order mark, which JSON.parse refuses.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return { ok: false, errors: [localize('fileEmpty')] };
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    return { ok: false, errors: [jsonErrorMessage(error, body)] };
  }

  const errors = new ErrorList();
  const skipped = noSkips();
  let notes: Note[];
  let format: ImportFormat;
  if (isClaimLensDocument(value)) {
    format = 'claimlens';
    notes = readClaimLensDocument(value, errors);
  } else if (isWebAnnotationDocument(value)) {
    format = 'web-annotation';
    notes = readWebAnnotationDocument(value, errors, { now: options.now }, skipped);
  } else if (isHypothesisDocument(value)) {
    format = 'hypothesis';
    notes = readHypothesisDocument(value, errors, skipped, { now: options.now });
  } else {
    const declared =
      typeof value === 'object' && value !== null && 'format' in value
        ? JSON.stringify(String((value as { format: unknown }).format).slice(0, 40))
        : undefined;
    return {
      ok: false,
      errors: [
        declared === undefined
          ? localize('importUnknownFormat')
          : localize('importUnknownFormatDeclared', declared),
      ],
    };
  }
  if (errors.size > 0) return { ok: false, errors: errors.toArray() };
  return { ok: true, notes, format, skipped };
}

export interface ImportPlan {
  add: Note[];
  update: Note[];
  skip: Note[];
}

/** Everything a reader would see, as text; `terms` is left out as it is derived and may differ by version. */
function sameNote(a: Note, b: Note): boolean {
  const key = (note: Note) => JSON.stringify({ ...noteRecord(note), terms: undefined });
  return key(a) === key(b);
}

/**
 * What importing `incoming` into a store holding `existing` (by id) would do. A note is recognised by its id:
 * new ids are added; a stored note is replaced only by a more recently edited version of itself, so an old
 * backup never undoes later edits; identical or older versions are skipped. Within `incoming`, repeats of an
 * id are settled the same way (the most recently edited one counts, the others are skipped).
 */
export function planImport(existing: ReadonlyMap<string, Note>, incoming: readonly Note[]): ImportPlan {
  const newest = new Map<string, Note>();
  const skip: Note[] = [];
  for (const note of incoming) {
    const seen = newest.get(note.id);
    if (seen === undefined) newest.set(note.id, note);
    else if (note.updatedAt > seen.updatedAt) {
      skip.push(seen);
      newest.set(note.id, note);
    } else skip.push(note);
  }
  const add: Note[] = [];
  const update: Note[] = [];
  for (const note of newest.values()) {
    const stored = existing.get(note.id);
    if (stored === undefined) add.push(note);
    else if (sameNote(stored, note)) skip.push(note);
    else if (note.updatedAt > stored.updatedAt) update.push(note);
    else skip.push(note);
  }
  return { add, update, skip };
}

/**
 * The plan in words for the reader: "3 added, 1 updated, 2 skipped", then what the file held that cannot be
 * a note: "3 page notes skipped, 1 reply skipped".
 */
export function importReport(plan: ImportPlan, skipped: ImportSkips = noSkips()): string {
  const parts = [
    localize(
      'popupImported',
      [plan.add, plan.update, plan.skip].map((notes) => count(notes.length)),
    ),
  ];
  if (skipped.pageNotes > 0) parts.push(localizeCount('importSkippedPageNotes', skipped.pageNotes));
  if (skipped.replies > 0) parts.push(localizeCount('importSkippedReplies', skipped.replies));
  if (skipped.withoutQuote > 0) parts.push(localizeCount('importSkippedWithoutQuote', skipped.withoutQuote));
  return parts.join(', ');
}
