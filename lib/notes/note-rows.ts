// The rows of the popup's list: notes alone, or each page's heading followed by its notes, with the
// position of every row, so that a window of them can be drawn at any scroll position.
import type { Note } from './note-types';

export type NoteRow =
  | {
      type: 'page';
      key: string;
      title: string;
      site: string;
      url: string;
      count: number;
      top: number;
      height: number;
    }
  | { type: 'note'; key: string; note: Note; top: number; height: number };

type RowWithoutTop = NoteRow extends infer R ? (R extends unknown ? Omit<R, 'top'> : never) : never;

export const NOTE_ROW_HEIGHT = 104;
/** A row whose note has no text of the reader's: the passage and its page only. */
export const BARE_NOTE_ROW_HEIGHT = 84;
export const PAGE_ROW_HEIGHT = 34;

export interface NoteRowOptions {
  /** The note whose row is open (its editor drawn under it) and how much taller that makes it. */
  open?: { id: string; height: number };
}

/** A note's row height: taller when it has text of the reader's, and by `open.height` when open. */
function heightOf(note: Note, options: NoteRowOptions): number {
  const base = note.text.trim() ? NOTE_ROW_HEIGHT : BARE_NOTE_ROW_HEIGHT;
  return options.open?.id === note.id ? base + options.open.height : base;
}

/** Rows in order; grouped: pages in the order of their newest note, each page's notes under it. */
export function noteRows(notes: readonly Note[], grouped: boolean, options: NoteRowOptions = {}): NoteRow[] {
  const rows: NoteRow[] = [];
  let top = 0;
  const push = (row: RowWithoutTop) => {
    rows.push({ ...row, top } as NoteRow);
    top += row.height;
  };
  if (!grouped) {
    for (const note of notes) push({ type: 'note', key: note.id, note, height: heightOf(note, options) });
    return rows;
  }
  const pages = new Map<string, Note[]>();
  for (const note of notes) {
    const list = pages.get(note.pageKey);
    if (list) list.push(note);
    else pages.set(note.pageKey, [note]);
  }
  for (const [key, list] of pages) {
    const first = list[0]!;
    push({
      type: 'page',
      key: `page:${key}`,
      title: first.pageTitle || first.url,
      site: first.site,
      url: first.url,
      count: list.length,
      height: PAGE_ROW_HEIGHT,
    });
    for (const note of list) push({ type: 'note', key: note.id, note, height: heightOf(note, options) });
  }
  return rows;
}

/** Index of the first row visible at `scrollTop` (binary search on the rows' positions); rows.length past the end. */
export function firstVisibleRow(rows: readonly NoteRow[], scrollTop: number): number {
  let lo = 0;
  let hi = rows.length - 1;
  let found = rows.length; // past the end: nothing in view
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (rows[mid]!.top + rows[mid]!.height <= scrollTop) lo = mid + 1;
    else {
      found = mid;
      hi = mid - 1;
    }
  }
  return found;
}
