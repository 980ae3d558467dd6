// The notes database: one typed Dexie class, its schema history and data migrations, and the shared instance.
import Dexie, { type DexieOptions, type EntityTable, type Transaction } from 'dexie';
import {
  ANCHOR_STATUSES,
  DEFAULT_COLOR,
  isColorId,
  type AnchorStatus,
  type Note,
  type Page,
} from './note-types';
import { siteOf } from './page-identity';
import { termsOf } from './search-terms';

export const NOTES_DB_NAME = 'claimlens';

/**
 * Notes and the pages they were made on, in the extension's own origin (background worker and extension
 * pages only, never a content script: there IndexedDB would belong to the page's site).
 *
 * Schema history: every `version(n)` stays declared forever, so that a database left by any earlier
 * release opens and is migrated step by step. A change of schema or of derived data (such as how `terms`
 * are computed) is a new version with its own `.upgrade()`, never an edit of an old one.
 */
export class NotesDatabase extends Dexie {
  notes!: EntityTable<Note, 'id'>;
  pages!: EntityTable<Page, 'key'>;

  /** `name` is for tests, which open a fresh database each. */
  constructor(name = NOTES_DB_NAME, options?: DexieOptions) {
    super(name, options);
    // Version 1, release 0.1: notes by id, page and creation time.
    this.version(1).stores({
      notes: 'id, pageKey, createdAt',
      pages: 'key',
    });
    // Version 2: search terms, tags, colours, sites, linked groups/incidents; page aliases.
    this.version(2)
      .stores({
        notes: 'id, pageKey, createdAt, updatedAt, color, site, *tags, *entityIds, *incidentIds, *terms',
        pages: 'key, *aliases',
      })
      .upgrade(upgradeToV2);
  }
}

async function upgradeToV2(tx: Transaction): Promise<void> {
  await tx
    .table('notes')
    .toCollection()
    .modify((old: Record<string, unknown>, ref: { value: unknown }) => {
      ref.value = noteFromV1(old);
    });
  await tx
    .table('pages')
    .toCollection()
    .modify((page: Record<string, unknown>) => {
      if (!Array.isArray(page.aliases)) page.aliases = [];
    });
}

function stringOr(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}

function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function siteFrom(...urls: unknown[]): string {
  for (const url of urls) {
    try {
      if (typeof url === 'string') return siteOf(url);
    } catch {
      // try the next one
    }
  }
  return '';
}

/**
 * A note as version 1 wrote it, in the version 2 shape: `site`, `entityIds`, `incidentIds`,
 * `anchorStatus` ('unknown' until the page is open again) and `terms` filled; missing or malformed fields
 * get their defaults; fields this code does not know are kept.
 */
export function noteFromV1(old: Record<string, unknown>): Note {
  const quote = ((old.selectors as { quote?: Record<string, unknown> } | undefined)?.quote ?? {}) as Record<
    string,
    unknown
  >;
  const position = (old.selectors as { position?: unknown } | undefined)?.position;
  const createdAt = typeof old.createdAt === 'number' ? old.createdAt : Date.now();
  const note = {
    ...old,
    id: String(old.id),
    pageKey: stringOr(old.pageKey, ''),
    url: stringOr(old.url, stringOr(old.pageKey, '')),
    pageTitle: stringOr(old.pageTitle, ''),
    site: typeof old.site === 'string' ? old.site : siteFrom(old.url, old.pageKey),
    selectors: {
      ...(old.selectors as object | undefined),
      quote: {
        exact: stringOr(quote.exact, ''),
        prefix: stringOr(quote.prefix, ''),
        suffix: stringOr(quote.suffix, ''),
      },
      ...(position ? { position: position as { start: number; end: number } } : {}),
    },
    text: stringOr(old.text, ''),
    tags: stringsOf(old.tags),
    // A colour this release does not know would make the note impossible to edit: it becomes the default.
    color: isColorId(old.color) ? old.color : DEFAULT_COLOR,
    entityIds: stringsOf(old.entityIds),
    incidentIds: stringsOf(old.incidentIds),
    createdAt,
    updatedAt: typeof old.updatedAt === 'number' ? old.updatedAt : createdAt,
    anchorStatus: ANCHOR_STATUSES.includes(old.anchorStatus as AnchorStatus)
      ? (old.anchorStatus as AnchorStatus)
      : 'unknown',
  };
  return { ...note, terms: termsOf(note) };
}

let shared: NotesDatabase | undefined;

/**
 * The extension's notes database, created on first use. Refuses to run in a web page's origin (a content
 * script), where IndexedDB would store the reader's notes with the site's own data.
 */
export function notesDb(): NotesDatabase {
  if (typeof location !== 'undefined' && /^https?:$/.test(location.protocol)) {
    throw new Error('ClaimLens notes are stored by the background worker and extension pages only.');
  }
  return (shared ??= new NotesDatabase());
}
