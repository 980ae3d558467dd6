// Notes as a CSV table (RFC 4180) for spreadsheets: one row per note, lists joined with semicolons.
import type { Note } from '../note-types';
import { textFragmentLink } from '../text-fragment';

export const CSV_COLUMNS = [
  'id',
  'created',
  'updated',
  'page title',
  'url',
  'site',
  'quote',
  'note',
  'tags',
  'colour',
  'entities',
  'incidents',
  'anchor status',
  'passage link',
] as const;

export interface CsvOptions {
  /**
   * Start with a UTF-8 byte order mark (default true): without it Excel reads the file in the system's
   * legacy code page and shows Arabic, emoji and accented letters as mojibake.
   */
  bom?: boolean;
}

/**
 * Characters that make a spreadsheet read a cell as a formula (OWASP's list: = + - @, and tab and carriage
 * return, which some spreadsheets skip before looking for them). A note quoting `=HYPERLINK(...)` from a
 * hostile page must stay text when the export is opened.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: defused if it could be read as a formula, quoted if it holds a separator, quote or line break. */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function isoTime(ms: number): string {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}

function row(note: Note): string {
  return [
    note.id,
    isoTime(note.createdAt),
    isoTime(note.updatedAt),
    note.pageTitle,
    note.url,
    note.site,
    note.selectors.quote.exact,
    note.text,
    note.tags.join('; '),
    note.color,
    note.entityIds.join('; '),
    note.incidentIds.join('; '),
    note.anchorStatus,
    textFragmentLink(note) ?? '',
  ]
    .map(csvCell)
    .join(',');
}

/**
 * The notes as CSV: a header row, then one row per note, lines ended with CRLF as RFC 4180 asks. Line
 * breaks inside a quote or note stay inside their quoted cell. The formula guard changes such cells (a
 * leading `'`), so this table is for reading, not for importing back (the ClaimLens JSON file is).
 */
export function toCsv(notes: readonly Note[], options: CsvOptions = {}): string {
  const lines = [CSV_COLUMNS.map(csvCell).join(','), ...notes.map(row)];
  return `${options.bom === false ? '' : '\uFEFF'}${lines.join('\r\n')}\r\n`;
}
