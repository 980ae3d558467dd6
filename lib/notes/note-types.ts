// Shapes of what the notes store keeps: notes (highlighted passages with the reader's notes) and pages.

/**
 * Where a note's passage is on its page: the quote with some context, its text position when known, and
 * when known the elements it starts and ends in (Hypothesis's RangeSelector convention:
 * lib/anchoring/range-selector.ts), which other tools anchor by and ClaimLens tries before the quote.
 */
export interface NoteSelectors {
  quote: { exact: string; prefix: string; suffix: string };
  position?: { start: number; end: number };
  range?: NoteRange;
}

/** Start and end as element paths under the body (`/article[1]/p[2]`) and offsets into their text. */
export interface NoteRange {
  startContainer: string;
  startOffset: number;
  endContainer: string;
  endOffset: number;
}

/** Whether the passage was found again the last time its page was open. */
export type AnchorStatus = 'anchored' | 'fuzzy' | 'orphan' | 'unknown';

export const ANCHOR_STATUSES: readonly AnchorStatus[] = ['anchored', 'fuzzy', 'orphan', 'unknown'];

export interface Note {
  /** Made by the client when the user acts (crypto.randomUUID()), so a retried save cannot duplicate. */
  id: string;
  /** Page identity (see page-identity.ts). */
  pageKey: string;
  /** The URL the note was made on. */
  url: string;
  pageTitle: string;
  /** The language the page declared when the note was saved (its `<html lang>`, BCP 47), when it did. */
  language?: string;
  /** Hostname without `www.`. */
  site: string;
  selectors: NoteSelectors;
  /**
   * The passage the note was first saved on, once the reader re-linked it to another (an orphan whose
   * text changed): kept so that the old wording is never lost; absent while it never moved.
   */
  originalQuote?: string;
  /** The note (Markdown allowed, shown as text). */
  text: string;
  tags: string[];
  /** One of the colour ids (DEFAULT_COLORS). */
  color: string;
  /** Groups the passage mentions. */
  entityIds: string[];
  /** Incidents the passage mentions. */
  incidentIds: string[];
  /** Milliseconds since the epoch. */
  createdAt: number;
  updatedAt: number;
  anchorStatus: AnchorStatus;
  /** Derived: folded words of note text, quote, tags, page title, site (multi-entry index for search). */
  terms: string[];
}

export interface Page {
  key: string;
  url: string;
  title: string;
  /** Other normalised URLs the same page was seen under. */
  aliases: string[];
  seenAt: number;
}

export const DEFAULT_COLORS = [
  { id: 'highlight', label: 'Highlight' },
  { id: 'claim', label: 'Claim' },
  { id: 'official', label: 'Official statement' },
  { id: 'disputed', label: 'Disputed' },
  { id: 'follow-up', label: 'Follow up' },
] as const;

export type ColorId = (typeof DEFAULT_COLORS)[number]['id'];

export const DEFAULT_COLOR: ColorId = 'highlight';

export function isColorId(value: unknown): value is ColorId {
  return DEFAULT_COLORS.some((c) => c.id === value);
}
