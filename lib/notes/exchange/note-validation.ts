// Checks notes read from files (exports, other tools) so that nothing malformed or hostile reaches the store.
import { isNoteRange } from '../../anchoring/range-selector';
import {
  ANCHOR_STATUSES,
  DEFAULT_COLORS,
  isColorId,
  type AnchorStatus,
  type Note,
  type NoteRange,
} from '../note-types';
import { copyRange } from '../note-range';
import { isLanguageTag } from '../page-language';
import { NOTE_LIMITS } from '../notes-repository';
import { siteOf } from '../page-identity';
import { localize, localizeCount } from '../../reader-messages';
import { termsOf } from '../search-terms';

/**
 * Beyond this many, errors are counted but not listed: a hostile 50 MB file could otherwise produce
 * millions of messages, more than anyone reads and enough to stall the page that shows them.
 */
export const MAX_LISTED_ERRORS = 200;

/** Largest magnitude a Date accepts; times beyond it would make every later export throw. */
const MAX_TIME = 8.64e15;

const count = (n: number) => n.toLocaleString('en-US');

/** Every problem found in a file, each with the path to the value it is about. */
export class ErrorList {
  private readonly listed: string[] = [];
  private total = 0;

  add(path: string, message: string): void {
    this.total++;
    if (this.listed.length < MAX_LISTED_ERRORS)
      this.listed.push(path === '' ? message : `${path}: ${message}`);
  }

  get size(): number {
    return this.total;
  }

  toArray(): string[] {
    const hidden = this.total - this.listed.length;
    return hidden > 0 ? [...this.listed, localizeCount('importMoreErrors', hidden)] : [...this.listed];
  }
}

/** Thrown by the `from…` readers; `errors` lists every problem, not just the first. */
export class NotesImportError extends Error {
  override name = 'NotesImportError';
  readonly errors: string[];

  constructor(errors: string[]) {
    const first = errors[0] ?? localize('importUnknownError');
    super(
      errors.length > 1
        ? localizeCount('importNotReadMore', errors.length - 1, first)
        : localize('importNotRead', first),
    );
    this.errors = errors;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The JSON type of a value as a reader would name it, for "expected …, got …" messages. */
export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'number') return 'a number';
  if (typeof value === 'boolean') return 'true/false';
  return typeof value;
}

interface StringRules {
  max: number;
  /** Blank (whitespace only) is refused. */
  required?: boolean;
}

export function checkString(
  value: unknown,
  path: string,
  errors: ErrorList,
  rules: StringRules,
): string | undefined {
  if (value === undefined) {
    errors.add(path, 'missing');
    return undefined;
  }
  if (typeof value !== 'string') {
    errors.add(path, `expected a string, got ${kindOf(value)}`);
    return undefined;
  }
  if (value.length > rules.max) {
    errors.add(path, `longer than ${count(rules.max)} characters (${count(value.length)})`);
    return undefined;
  }
  if (rules.required && value.trim() === '') {
    errors.add(path, 'must not be empty');
    return undefined;
  }
  return value;
}

/** An http(s) address: anything else (javascript:, data:, file:) could run code or read files when opened. */
export function checkWebUrl(value: unknown, path: string, errors: ErrorList): string | undefined {
  const url = checkString(value, path, errors, { max: NOTE_LIMITS.urlLength, required: true });
  if (url === undefined) return undefined;
  let protocol: string;
  try {
    protocol = new URL(url.trim()).protocol;
  } catch {
    errors.add(path, 'not a valid web address');
    return undefined;
  }
  if (protocol !== 'http:' && protocol !== 'https:') {
    errors.add(path, `only http and https addresses are accepted, not "${protocol.slice(0, 40)}"`);
    return undefined;
  }
  return url;
}

export function checkTime(value: unknown, path: string, errors: ErrorList): number | undefined {
  if (value === undefined) {
    errors.add(path, 'missing');
    return undefined;
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    errors.add(path, `expected a time in milliseconds (a finite number), got ${kindOf(value)}`);
    return undefined;
  }
  if (Math.abs(value) > MAX_TIME) {
    errors.add(path, 'not a time a date can hold');
    return undefined;
  }
  return value;
}

export function checkStringList(
  value: unknown,
  path: string,
  errors: ErrorList,
  rules: { maxItems: number; maxLength: number },
): string[] | undefined {
  if (value === undefined) {
    errors.add(path, 'missing');
    return undefined;
  }
  if (!Array.isArray(value)) {
    errors.add(path, `expected a list, got ${kindOf(value)}`);
    return undefined;
  }
  let ok = true;
  if (value.length > rules.maxItems) {
    errors.add(path, `more than ${count(rules.maxItems)} items (${count(value.length)})`);
    ok = false;
  }
  // Items are checked even past the limit only up to it, so one huge list cannot flood the error list.
  const checked = Math.min(value.length, rules.maxItems);
  for (let i = 0; i < checked; i++) {
    if (
      checkString(value[i], `${path}[${i}]`, errors, { max: rules.maxLength, required: true }) === undefined
    ) {
      ok = false;
    }
  }
  return ok ? (value as string[]).slice() : undefined;
}

/** A text position: whole, non-negative offsets with the end not before the start. */
export function checkPosition(
  value: unknown,
  path: string,
  errors: ErrorList,
): { start: number; end: number } | undefined {
  if (!isRecord(value)) {
    errors.add(path, `expected an object with start and end, got ${kindOf(value)}`);
    return undefined;
  }
  const { start, end } = value;
  const valid = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0;
  if (!valid(start)) errors.add(`${path}.start`, 'expected a whole number of at least 0');
  if (!valid(end)) errors.add(`${path}.end`, 'expected a whole number of at least 0');
  if (!valid(start) || !valid(end)) return undefined;
  if (end < start) {
    errors.add(path, 'the end is before the start');
    return undefined;
  }
  return { start, end };
}

/**
 * A note as ClaimLens keeps it, checked field by field; `undefined` when anything is wrong (every problem
 * is added to `errors`). The derived fields are recomputed rather than trusted: `site` from the URL, so
 * that a file cannot show one site while linking to another, and `terms` with the current folding.
 * Fields the note type does not know are left out.
 */
export function validateNote(value: unknown, path: string, errors: ErrorList): Note | undefined {
  if (!isRecord(value)) {
    errors.add(path, `expected a note (an object), got ${kindOf(value)}`);
    return undefined;
  }
  const before = errors.size;
  const id = checkString(value.id, `${path}.id`, errors, { max: NOTE_LIMITS.idLength, required: true });
  const pageKey = checkWebUrl(value.pageKey, `${path}.pageKey`, errors);
  const url = checkWebUrl(value.url, `${path}.url`, errors);
  const pageTitle = checkString(value.pageTitle, `${path}.pageTitle`, errors, {
    max: NOTE_LIMITS.titleLength,
  });
  const language = value.language;
  if (language !== undefined && !isLanguageTag(language)) {
    errors.add(`${path}.language`, 'expected a language tag such as "en" or "ar-EG"');
  }
  if (value.site !== undefined && typeof value.site !== 'string') {
    errors.add(`${path}.site`, `expected a string, got ${kindOf(value.site)}`);
  }

  const selectors = value.selectors;
  let quote: { exact: string; prefix: string; suffix: string } | undefined;
  let position: { start: number; end: number } | undefined;
  let range: NoteRange | undefined;
  if (!isRecord(selectors)) {
    errors.add(
      `${path}.selectors`,
      selectors === undefined ? 'missing' : `expected an object, got ${kindOf(selectors)}`,
    );
  } else if (!isRecord(selectors.quote)) {
    errors.add(
      `${path}.selectors.quote`,
      selectors.quote === undefined ? 'missing' : `expected an object, got ${kindOf(selectors.quote)}`,
    );
  } else {
    const q = selectors.quote;
    const qPath = `${path}.selectors.quote`;
    const exact = checkString(q.exact, `${qPath}.exact`, errors, {
      max: NOTE_LIMITS.quoteLength,
      required: true,
    });
    const prefix = checkString(q.prefix, `${qPath}.prefix`, errors, { max: NOTE_LIMITS.contextLength });
    const suffix = checkString(q.suffix, `${qPath}.suffix`, errors, { max: NOTE_LIMITS.contextLength });
    if (exact !== undefined && prefix !== undefined && suffix !== undefined)
      quote = { exact, prefix, suffix };
    if (selectors.position !== undefined)
      position = checkPosition(selectors.position, `${path}.selectors.position`, errors);
    if (selectors.range !== undefined) {
      if (isNoteRange(selectors.range)) range = selectors.range;
      else
        errors.add(
          `${path}.selectors.range`,
          'expected element paths such as "/article[1]/p[2]" with whole offsets of at least 0',
        );
    }
  }

  // Only on a note that was re-linked: the passage it was first saved on.
  const originalQuote =
    value.originalQuote === undefined
      ? undefined
      : checkString(value.originalQuote, `${path}.originalQuote`, errors, { max: NOTE_LIMITS.quoteLength });
  const text = checkString(value.text, `${path}.text`, errors, { max: NOTE_LIMITS.textLength });
  const tags = checkStringList(value.tags, `${path}.tags`, errors, {
    maxItems: NOTE_LIMITS.tags,
    maxLength: NOTE_LIMITS.tagLength,
  });
  const color = value.color;
  if (!isColorId(color)) {
    const known = DEFAULT_COLORS.map((c) => c.id).join(', ');
    errors.add(
      `${path}.color`,
      color === undefined ? 'missing' : `"${String(color).slice(0, 40)}" is not one of ${known}`,
    );
  }
  const idRules = { maxItems: NOTE_LIMITS.linkedIds, maxLength: NOTE_LIMITS.idLength };
  const entityIds = checkStringList(value.entityIds, `${path}.entityIds`, errors, idRules);
  const incidentIds = checkStringList(value.incidentIds, `${path}.incidentIds`, errors, idRules);
  const createdAt = checkTime(value.createdAt, `${path}.createdAt`, errors);
  const updatedAt = checkTime(value.updatedAt, `${path}.updatedAt`, errors);
  const anchorStatus = value.anchorStatus;
  if (!ANCHOR_STATUSES.includes(anchorStatus as AnchorStatus)) {
    errors.add(
      `${path}.anchorStatus`,
      anchorStatus === undefined
        ? 'missing'
        : `"${String(anchorStatus).slice(0, 40)}" is not one of ${ANCHOR_STATUSES.join(', ')}`,
    );
  }

  if (
    errors.size > before ||
    id === undefined ||
    pageKey === undefined ||
    url === undefined ||
    pageTitle === undefined ||
    quote === undefined ||
    text === undefined ||
    tags === undefined ||
    entityIds === undefined ||
    incidentIds === undefined ||
    createdAt === undefined ||
    updatedAt === undefined
  ) {
    return undefined;
  }
  return buildNote({
    id,
    pageKey,
    url,
    pageTitle,
    ...(isLanguageTag(language) ? { language } : {}),
    selectors: { quote, ...(position ? { position } : {}), ...(range ? { range } : {}) },
    ...(originalQuote ? { originalQuote } : {}),
    text,
    tags,
    color: color as string,
    entityIds,
    incidentIds,
    createdAt,
    updatedAt,
    anchorStatus: anchorStatus as AnchorStatus,
  });
}

/** A note with its derived fields computed: `site` from the URL, `terms` from the searchable parts. */
export function buildNote(fields: Omit<Note, 'site' | 'terms'>): Note {
  const site = siteOf(fields.url);
  const terms = termsOf({ ...fields, site });
  return noteRecord({ ...fields, site, terms });
}

/**
 * A copy of a note with only the fields of the Note type, its keys always in the same order, so that a
 * stray property on an object in memory never leaks into a file and equal notes serialise to equal text.
 */
export function noteRecord(note: Note): Note {
  const { quote, position, range } = note.selectors;
  return {
    id: note.id,
    pageKey: note.pageKey,
    url: note.url,
    pageTitle: note.pageTitle,
    ...(note.language !== undefined ? { language: note.language } : {}),
    site: note.site,
    selectors: {
      quote: { exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
      ...(position ? { position: { start: position.start, end: position.end } } : {}),
      ...(range ? { range: copyRange(range) } : {}),
    },
    ...(note.originalQuote !== undefined ? { originalQuote: note.originalQuote } : {}),
    text: note.text,
    tags: [...note.tags],
    color: note.color,
    entityIds: [...note.entityIds],
    incidentIds: [...note.incidentIds],
    createdAt: note.createdAt,
    updatedAt: note.updatedAt,
    anchorStatus: note.anchorStatus,
    terms: [...note.terms],
  };
}

/** Two notes in one file with the same id would overwrite each other on import: refused, naming both. */
export function checkUniqueIds(notes: readonly { note: Note; path: string }[], errors: ErrorList): void {
  const firstPath = new Map<string, string>();
  for (const { note, path } of notes) {
    const earlier = firstPath.get(note.id);
    if (earlier === undefined) firstPath.set(note.id, path);
    else errors.add(`${path}.id`, `"${note.id.slice(0, 80)}" is also the id of ${earlier}`);
  }
}
