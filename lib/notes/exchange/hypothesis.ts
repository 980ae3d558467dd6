// Hypothesis's own JSON (its API's annotation format, as its "Export" and search API write it) read as notes.
import type { Note } from '../note-types';
import type { ImportSkips } from './import-skips';
import { ErrorList, checkUniqueIds, isRecord, kindOf } from './note-validation';
import { readAnnotation } from './web-annotation';

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
  return list !== undefined && list.length > 0 && list.every(isHypothesisAnnotation);
}

function annotationAddress(id: unknown): string | undefined {
  return typeof id === 'string' && id.trim() !== '' ? `https://hypothes.is/a/${id.trim()}` : undefined;
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
    const note = readAnnotation(asWebAnnotation(item), path, errors, now, skips, titleOf(item));
    if (note) read.push({ note, path });
  });
  checkUniqueIds(read, errors);
  return read.map((r) => r.note);
}
