// Hypothesis's own JSON (its API's annotation format, as its "Export" and search API write it): read as notes, and notes written in it.
import type { Note } from '../note-types';
import { copyRange } from '../note-range';
import type { ImportSkips } from './import-skips';
import { ErrorList, checkUniqueIds, isRecord, kindOf } from './note-validation';
import { annotationId, readAnnotation } from './web-annotation';

/*
 * The format (h.readthedocs.io, API "Annotation" schema; the client's AnnotationsExporter): an annotation
 * is `{ id, created, updated, uri, text, tags, references?, document: { title: [..] }, target: [{ source,
 * selector: [RangeSelector, TextPositionSelector, TextQuoteSelector] }] }`. Files come as the client's
 * export `{ export_date, export_userid, client_version, annotations: [..] }`, a search answer
 * `{ total, rows: [..] }`, or a bare list. Each annotation is turned into the Web Annotation it stands for
 * and read by the same code as any Web Annotation, so both routes give a Hypothesis annotation the same
 * note (same id: the annotation's address, https://hypothes.is/a/<id>, hashed).
 */

/** Whether a value is one Hypothesis API annotation: it has a page address and a list of targets. */
function isHypothesisAnnotation(value: unknown): value is Record<string, unknown> {
  return (
    isRecord(value) &&
    typeof value.uri === 'string' &&
    Array.isArray(value.target) &&
    value.type === undefined &&
    value['@type'] === undefined
  );
}

/** The annotations of a Hypothesis file, or undefined when the value is not one. */
function listOf(value: unknown): unknown[] | undefined {
  if (Array.isArray(value)) return value;
  if (!isRecord(value)) return undefined;
  if (Array.isArray(value.annotations) && ('export_date' in value || 'client_version' in value)) {
    return value.annotations;
  }
  if (Array.isArray(value.rows) && 'total' in value) return value.rows;
  return undefined;
}

/** Whether a parsed file is Hypothesis JSON: an export, a search answer or a list of its annotations. */
export function isHypothesisDocument(value: unknown): boolean {
  const list = listOf(value);
  // An empty export or search answer says what it is; an empty bare list does not.
  return (
    list !== undefined && (list.length > 0 || !Array.isArray(value)) && list.every(isHypothesisAnnotation)
  );
}

/** Ids ClaimLens writes into its Hypothesis JSON (annotationId): read back as the note they came from. */
const CLAIMLENS_ID = /^urn:(uuid|claimlens:note):/i;

/** The annotation's identity as a Web Annotation id: Hypothesis's own ids (22 URL-safe characters) become its address. */
function annotationAddress(id: unknown): string | undefined {
  if (typeof id !== 'string' || id.trim() === '') return undefined;
  return CLAIMLENS_ID.test(id.trim()) ? id.trim() : `https://hypothes.is/a/${id.trim()}`;
}

/** The Web Annotation a Hypothesis annotation stands for (text and tags become bodies). */
function asWebAnnotation(h: Record<string, unknown>): Record<string, unknown> {
  const body: unknown[] = [];
  // Hypothesis writes Markdown; ClaimLens keeps it as the characters it is.
  if (typeof h.text === 'string' && h.text.trim() !== '') {
    body.push({ type: 'TextualBody', value: h.text, purpose: 'commenting', format: 'text/markdown' });
  } else if (h.text !== undefined && typeof h.text !== 'string') {
    body.push({ type: 'TextualBody', value: h.text, purpose: 'commenting' }); // refused with its path
  }
  if (Array.isArray(h.tags)) {
    for (const tag of h.tags) body.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });
  }
  const targets = (h.target as unknown[]).map((t) =>
    isRecord(t) && t.source === undefined ? { ...t, source: h.uri } : t,
  );
  const id = annotationAddress(h.id);
  return {
    type: 'Annotation',
    ...(id ? { id } : {}),
    ...(h.created !== undefined ? { created: h.created } : {}),
    ...(h.updated !== undefined ? { modified: h.updated } : {}),
    body,
    target: targets,
  };
}

function titleOf(h: Record<string, unknown>): string {
  const title = isRecord(h.document) ? h.document.title : undefined;
  const first = Array.isArray(title) ? title[0] : title;
  return typeof first === 'string' ? first.trim().slice(0, 1000) : '';
}

/**
 * The notes of a Hypothesis file. Replies (`references` not empty), page notes (no selector) and
 * annotations without a quote are counted in `skips`, not refused; every other problem goes to `errors`.
 */
export function readHypothesisDocument(
  value: unknown,
  errors: ErrorList,
  skips: ImportSkips,
  options: { now?: number } = {},
): Note[] {
  const now = options.now ?? Date.now();
  const list = listOf(value) ?? [];
  const base = Array.isArray(value)
    ? ''
    : isRecord(value) && Array.isArray(value.rows)
      ? 'rows'
      : 'annotations';
  const read: { note: Note; path: string }[] = [];
  list.forEach((item, i) => {
    const path = `${base}[${i}]`;
    if (!isHypothesisAnnotation(item)) {
      errors.add(path, `expected a Hypothesis annotation, got ${kindOf(item)}`);
      return;
    }
    if (Array.isArray(item.references) && item.references.length > 0) {
      skips.replies++;
      return;
    }
    const note = readAnnotation(asWebAnnotation(item), path, errors, now, {
      skips,
      pageTitle: titleOf(item),
      positionUnits: 'utf16',
    });
    if (note) read.push({ note, path });
  });
  checkUniqueIds(read, errors);
  return read.map((r) => r.note);
}

export interface HypothesisWriteOptions {
  /** The reader's name from the options: the annotations' user, as Hypothesis lists it on import. */
  creator?: string;
  /** The ClaimLens version that writes the file. */
  version?: string;
  /** When the file is made (milliseconds; default now). */
  now?: number;
}

/** An account name in Hypothesis's `acct:name@authority` form, under an authority that cannot exist. */
function accountOf(name: string): string {
  const user = name
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}._-]+/gu, '_')
    .slice(0, 30);
  return `acct:${user === '' || user === '_' ? 'claimlens' : user}@claimlens.invalid`;
}

/**
 * The notes in Hypothesis's export format (what its client's "Export" writes and its "Import" reads:
 * `{ export_date, export_userid, client_version, annotations }`). Each note is a private annotation of the
 * reader's, with its passage as the three selectors Hypothesis writes (RangeSelector, TextPositionSelector,
 * TextQuoteSelector). Hypothesis's import attaches every annotation to the page it is open on: export one
 * page's notes at a time for it. Colours, the page's language, linked groups and incidents are not in the
 * format and are left out.
 */
export function toHypothesisJson(notes: readonly Note[], options: HypothesisWriteOptions = {}): string {
  const name = options.creator?.trim() ?? '';
  const user = accountOf(name);
  const annotations = notes.map((note) => {
    const { quote, position, range } = note.selectors;
    const selector: Record<string, unknown>[] = [];
    if (range) selector.push({ type: 'RangeSelector', ...copyRange(range) });
    // UTF-16 units of the page's text, as Hypothesis counts them (it checks them against the quote).
    if (position) selector.push({ type: 'TextPositionSelector', start: position.start, end: position.end });
    selector.push({
      type: 'TextQuoteSelector',
      exact: quote.exact,
      prefix: quote.prefix,
      suffix: quote.suffix,
    });
    return {
      id: annotationId(note.id),
      created: new Date(note.createdAt).toISOString(),
      updated: new Date(note.updatedAt).toISOString(),
      user,
      ...(name !== '' ? { user_info: { display_name: name } } : {}),
      uri: note.url,
      text: note.text,
      tags: [...note.tags],
      permissions: { read: [user] },
      target: [{ source: note.url, selector }],
      document: note.pageTitle !== '' ? { title: [note.pageTitle] } : {},
    };
  });
  return JSON.stringify(
    {
      export_date: new Date(options.now ?? Date.now()).toISOString(),
      export_userid: user,
      client_version: options.version ? `ClaimLens ${options.version}` : 'ClaimLens',
      annotations,
    },
    null,
    2,
  );
}
