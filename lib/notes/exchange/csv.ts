// Notes as a CSV table (RFC 4180) for spreadsheets: one row per note, lists joined with semicolons;
// what a reader reads (names, colour names, dates as "7 Dec 2026"), no ids (the JSON file keeps those).
import { readerDate } from '../../reader-date';
import type { ColorLabels } from '../color-labels';
import { DEFAULT_COLORS, type Note } from '../note-types';
import { textFragmentLink } from '../text-fragment';

export const CSV_COLUMNS = [
  'created',
  'updated',
  'page title',
  'url',
  'site',
  'quote',
  'note',
  'tags',
  'colour',
  'groups',
  'incidents',
  'passage found',
  'passage link',
] as const;

export interface CsvOptions {
  /**
   * Start with a UTF-8 byte order mark (default true): without it Excel reads the file in the system's
   * legacy code page and shows Arabic, emoji and accented letters as mojibake.
   */
  bom?: boolean;
  /** Names of groups and incidents by id (an id no pack names any more is written as it is). */
  names?: Record<string, string>;
  /** The reader's own colour names. */
  colorLabels?: ColorLabels;
  /** The language the dates are written in (the browser's when left out). */
  locale?: string;
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

/** Whether the passage was found on its page the last time it was open, in words. */
const FOUND: Record<Note['anchorStatus'], string> = {
  anchored: 'yes',
  fuzzy: 'yes, approximately',
  orphan: 'no',
  unknown: 'not checked yet',
};

function row(note: Note, options: CsvOptions): string {
  const name = (id: string) => {
    const named = options.names && Object.hasOwn(options.names, id) ? options.names[id] : undefined;
    return typeof named === 'string' && named.trim() !== '' ? named.trim() : id;
  };
  const colour =
    options.colorLabels?.[note.color as keyof ColorLabels] ??
    DEFAULT_COLORS.find((c) => c.id === note.color)?.label ??
    note.color;
  return [
    readerDate(note.createdAt, options.locale),
    readerDate(note.updatedAt, options.locale),
    note.pageTitle,
    note.url,
    note.site,
    note.selectors.quote.exact,
    note.text,
    note.tags.join('; '),
    colour,
    note.entityIds.map(name).join('; '),
    note.incidentIds.map(name).join('; '),
    FOUND[note.anchorStatus] ?? note.anchorStatus,
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
  const lines = [CSV_COLUMNS.map(csvCell).join(','), ...notes.map((note) => row(note, options))];
  return `${options.bom === false ? '' : '\uFEFF'}${lines.join('\r\n')}\r\n`;
}
