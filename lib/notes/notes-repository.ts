// Reading and writing notes: validation, idempotent saves, page aliases and indexed search over the notes database.
import { isNoteRange } from '../anchoring/range-selector';
import { copyRange } from './note-range';
import { isLanguageTag } from './page-language';
import { notesDb, type NotesDatabase } from './db';
import {
  ANCHOR_STATUSES,
  DEFAULT_COLOR,
  DEFAULT_COLORS,
  isColorId,
  type AnchorStatus,
  type Note,
  type NoteSelectors,
  type Page,
} from './note-types';
import { PageUrlError, normalizeUrl, siteOf } from './page-identity';
import { searchPlan, termsOf } from './search-terms';
import { invalidInput, toStorageError, type Failed } from './storage-errors';
import { foldText } from '../matching/normalise';
import { localize, type MessageKey } from '../reader-messages';

/** Limits on what a note may hold. Inputs over them are refused, except page titles, which are cut. */
export const NOTE_LIMITS = {
  idLength: 200,
  urlLength: 8192,
  quoteLength: 100_000,
  contextLength: 1000,
  textLength: 100_000,
  tags: 50,
  tagLength: 100,
  linkedIds: 500,
  titleLength: 1000,
  aliasesPerPage: 20,
  searchResults: 1000,
} as const;

/** What the UI saves: a note without its derived fields. */
export interface NoteInput {
  /** Made by the client when the user acts (crypto.randomUUID()): saving the same id again never duplicates. */
  id: string;
  pageKey: string;
  url: string;
  pageTitle?: string;
  /** The page's declared language (BCP 47), when known. */
  language?: string;
  selectors: NoteSelectors;
  text?: string;
  tags?: string[];
  /** A DEFAULT_COLORS id; 'highlight' when left out. */
  color?: string;
  entityIds?: string[];
  incidentIds?: string[];
  /** When the reader made the note; the time of the first save when left out. */
  createdAt?: number;
  /** 'anchored' for a new note (it was just made from the page) and unchanged for an existing one when left out. */
  anchorStatus?: AnchorStatus;
}

/** What the reader can edit on a saved note. */
export type NotePatch = Partial<
  Pick<Note, 'text' | 'tags' | 'color' | 'entityIds' | 'incidentIds' | 'selectors' | 'pageTitle'>
>;

const PATCHABLE: readonly (keyof NotePatch)[] = [
  'text',
  'tags',
  'color',
  'entityIds',
  'incidentIds',
  'selectors',
  'pageTitle',
];

export interface SearchOptions {
  /** Most results returned, newest edits first (default 50). */
  limit?: number;
}

export interface RepositoryOptions {
  /** The clock (tests pass their own). */
  now?: () => number;
}

type NoteContent = Omit<Note, 'createdAt' | 'updatedAt' | 'anchorStatus'>;

const SAVE_FAILED: Failed = 'failedNoteNotSaved';
const count = (n: number) => n.toLocaleString('en-US');

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The note's content, checked and tidied; throws NotesStorageError('invalid') saying what is wrong. */
function buildContent(input: unknown, failed: Failed): NoteContent {
  const refuse = (reason: string) => invalidInput(reason, failed);
  if (!isRecord(input)) throw refuse(localize('reasonNoNote'));

  const id = input.id;
  if (typeof id !== 'string' || id.trim() === '') throw refuse(localize('reasonNoteNoId'));
  if (id.length > NOTE_LIMITS.idLength) throw refuse(localize('reasonNoteIdTooLong'));

  const pageKey = input.pageKey;
  if (typeof pageKey !== 'string' || pageKey === '') throw refuse(localize('reasonPageMissing'));
  if (pageKey.length > NOTE_LIMITS.urlLength) throw refuse(localize('reasonPageKeyTooLong'));

  const url = input.url;
  if (typeof url !== 'string' || url.trim() === '') throw refuse(localize('reasonPageAddressMissing'));
  if (url.length > NOTE_LIMITS.urlLength) throw refuse(localize('reasonPageAddressTooLong'));
  let site: string;
  try {
    site = siteOf(url);
  } catch (error) {
    throw refuse(
      error instanceof PageUrlError ? error.message.replace(/\.$/, '') : localize('reasonPageAddressInvalid'),
    );
  }

  const pageTitle = input.pageTitle ?? '';
  if (typeof pageTitle !== 'string') throw refuse(localize('reasonPageTitleNotText'));

  const language = input.language;
  if (language !== undefined && !isLanguageTag(language)) throw refuse(localize('reasonLanguageInvalid'));

  const selectors = input.selectors;
  const quote = isRecord(selectors) ? selectors.quote : undefined;
  if (!isRecord(selectors) || !isRecord(quote)) throw refuse(localize('reasonQuoteMissing'));
  const exact = quote.exact;
  if (typeof exact !== 'string' || exact.trim() === '') throw refuse(localize('reasonQuoteMissing'));
  if (exact.length > NOTE_LIMITS.quoteLength) {
    throw refuse(localize('reasonQuoteTooLong', count(NOTE_LIMITS.quoteLength)));
  }
  const prefix = quote.prefix ?? '';
  const suffix = quote.suffix ?? '';
  if (typeof prefix !== 'string' || typeof suffix !== 'string') {
    throw refuse(localize('reasonQuoteContextNotText'));
  }
  if (prefix.length > NOTE_LIMITS.contextLength || suffix.length > NOTE_LIMITS.contextLength) {
    throw refuse(localize('reasonQuoteContextTooLong', count(NOTE_LIMITS.contextLength)));
  }
  const position = selectors.position;
  let checkedPosition: { start: number; end: number } | undefined;
  if (position !== undefined) {
    const start = isRecord(position) ? position.start : undefined;
    const end = isRecord(position) ? position.end : undefined;
    if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || (start as number) < 0) {
      throw refuse(localize('reasonQuotePositionInvalid'));
    }
    if ((end as number) < (start as number)) throw refuse(localize('reasonQuotePositionInvalid'));
    checkedPosition = { start: start as number, end: end as number };
  }
  const range = selectors.range;
  if (range !== undefined && !isNoteRange(range)) throw refuse(localize('reasonQuoteRangeInvalid'));

  const originalQuote = input.originalQuote;
  if (
    originalQuote !== undefined &&
    (typeof originalQuote !== 'string' ||
      originalQuote.trim() === '' ||
      originalQuote.length > NOTE_LIMITS.quoteLength)
  )
    throw refuse(localize('reasonOriginalQuoteInvalid'));

  const text = input.text ?? '';
  if (typeof text !== 'string') throw refuse(localize('reasonNoteNotText'));
  if (text.length > NOTE_LIMITS.textLength) {
    throw refuse(localize('reasonNoteTooLong', count(NOTE_LIMITS.textLength)));
  }

  const tags = checkTags(input.tags ?? [], refuse);

  const color = input.color ?? DEFAULT_COLOR;
  if (!isColorId(color)) {
    const known = DEFAULT_COLORS.map((c) => c.id).join(', ');
    throw refuse(localize('reasonColorUnknown', [String(color).slice(0, 40), known]));
  }

  const entityIds = checkIds(input.entityIds ?? [], LINKED_GROUPS, refuse);
  const incidentIds = checkIds(input.incidentIds ?? [], LINKED_INCIDENTS, refuse);

  const content = {
    id,
    pageKey,
    url,
    pageTitle: pageTitle.slice(0, NOTE_LIMITS.titleLength),
    ...(language !== undefined ? { language } : {}),
    site,
    selectors: {
      quote: { exact, prefix, suffix },
      ...(checkedPosition ? { position: checkedPosition } : {}),
      ...(range ? { range: copyRange(range) } : {}),
    },
    ...(originalQuote !== undefined ? { originalQuote } : {}),
    text,
    tags,
    color,
    entityIds,
    incidentIds,
  };
  return { ...content, terms: termsOf(content) };
}

/** Tags trimmed, blank ones dropped, repeats (compared folded: "ISIS" = "isis") dropped. */
function checkTags(value: unknown, refuse: (reason: string) => Error): string[] {
  if (!Array.isArray(value)) throw refuse(localize('reasonTagsNotList'));
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const raw of value) {
    if (typeof raw !== 'string') throw refuse(localize('reasonTagNotText'));
    const tag = raw.trim();
    if (tag === '') continue;
    if (tag.length > NOTE_LIMITS.tagLength) {
      throw refuse(localize('reasonTagTooLong', [tag.slice(0, 30), String(NOTE_LIMITS.tagLength)]));
    }
    const key = foldText(tag) || tag;
    if (seen.has(key)) continue;
    seen.add(key);
    tags.push(tag);
  }
  if (tags.length > NOTE_LIMITS.tags) {
    throw refuse(localize('reasonTooManyTags', [String(NOTE_LIMITS.tags), String(tags.length)]));
  }
  return tags;
}

/** What is wrong with a list of linked ids, said of that list (its max as $1). */
interface LinkedIdsReasons {
  notList: MessageKey;
  invalidId: MessageKey;
}
const LINKED_GROUPS: LinkedIdsReasons = {
  notList: 'reasonLinkedGroupsNotList',
  invalidId: 'reasonLinkedGroupsInvalidId',
};
const LINKED_INCIDENTS: LinkedIdsReasons = {
  notList: 'reasonLinkedIncidentsNotList',
  invalidId: 'reasonLinkedIncidentsInvalidId',
};

function checkIds(value: unknown, reasons: LinkedIdsReasons, refuse: (reason: string) => Error): string[] {
  if (!Array.isArray(value) || value.length > NOTE_LIMITS.linkedIds) {
    throw refuse(localize(reasons.notList, String(NOTE_LIMITS.linkedIds)));
  }
  for (const id of value) {
    if (typeof id !== 'string' || id === '' || id.length > NOTE_LIMITS.idLength) {
      throw refuse(localize(reasons.invalidId));
    }
  }
  return [...new Set(value as string[])];
}

function checkAnchorStatus(value: unknown, failed: Failed): AnchorStatus | undefined {
  if (value === undefined) return undefined;
  if (!ANCHOR_STATUSES.includes(value as AnchorStatus)) {
    throw invalidInput(localize('reasonAnchorStatusUnknown', String(value).slice(0, 40)), failed);
  }
  return value as AnchorStatus;
}

/** Everything a reader would see change: two notes with the same content key are the same save. */
function contentKey(note: Omit<Note, 'createdAt' | 'updatedAt' | 'terms'>): string {
  const { quote, position, range } = note.selectors;
  return JSON.stringify([
    note.id,
    note.pageKey,
    note.url,
    note.pageTitle,
    note.language ?? null,
    note.site,
    quote.exact,
    quote.prefix,
    quote.suffix,
    position?.start ?? null,
    position?.end ?? null,
    range ? [range.startContainer, range.startOffset, range.endContainer, range.endOffset] : null,
    note.originalQuote ?? null,
    note.text,
    note.tags,
    note.color,
    note.entityIds,
    note.incidentIds,
    note.anchorStatus,
  ]);
}

/** A note as it was stored (a deleted one put back, an imported one), checked; its times and status kept. */
function asRestored(note: Note, failed: Failed): Note {
  const content = buildContent(note, failed);
  const anchorStatus = checkAnchorStatus(note.anchorStatus, failed) ?? 'unknown';
  const { createdAt, updatedAt } = note;
  if (!Number.isFinite(createdAt) || !Number.isFinite(updatedAt)) {
    throw invalidInput(localize('reasonTimesInvalid'), failed);
  }
  return { ...content, anchorStatus, createdAt, updatedAt };
}

/** Notes stored in the extension's IndexedDB. Every method is one transaction: it happens whole or not at all. */
export class NotesRepository {
  private readonly db: NotesDatabase;
  private readonly now: () => number;

  constructor(db: NotesDatabase, options: RepositoryOptions = {}) {
    this.db = db;
    this.now = options.now ?? Date.now;
  }

  /** A later change always gets a later `updatedAt`, even within one millisecond or after a clock change. */
  private nextUpdate(previous: number): number {
    return Math.max(this.now(), previous + 1);
  }

  /**
   * Saves a note by its id. Saving the same id again stores one note: an identical save changes nothing
   * (not even `updatedAt`), a different one replaces the note's content, keeps `createdAt` and moves `updatedAt`.
   */
  async save(input: NoteInput): Promise<Note> {
    try {
      const content = buildContent(input, SAVE_FAILED);
      const anchorStatus = checkAnchorStatus(input.anchorStatus, SAVE_FAILED);
      const createdAt = input.createdAt;
      if (createdAt !== undefined && !(Number.isFinite(createdAt) && createdAt >= 0)) {
        throw invalidInput(localize('reasonCreationTimeInvalid'), SAVE_FAILED);
      }
      return await this.db.transaction('rw', this.db.notes, async () => {
        const existing = await this.db.notes.get(content.id);
        const candidate = { ...content, anchorStatus: anchorStatus ?? existing?.anchorStatus ?? 'anchored' };
        if (existing && contentKey(existing) === contentKey(candidate)) return existing;
        const now = this.now();
        const created = existing?.createdAt ?? createdAt ?? now;
        const note: Note = {
          ...candidate,
          createdAt: created,
          updatedAt: existing ? this.nextUpdate(existing.updatedAt) : Math.max(created, now),
        };
        await this.db.notes.put(note);
        return note;
      });
    } catch (error) {
      throw toStorageError(error, SAVE_FAILED);
    }
  }

  async get(id: string): Promise<Note | undefined> {
    try {
      return await this.db.notes.get(id);
    } catch (error) {
      throw toStorageError(error, 'failedNoteNotRead');
    }
  }

  /** Edits a note; undefined when there is no such note (deleted elsewhere). Terms and `updatedAt` follow. */
  async update(id: string, patch: NotePatch): Promise<Note | undefined> {
    const failed = 'failedChangeNotSaved';
    try {
      return await this.db.transaction('rw', this.db.notes, async () => {
        const existing = await this.db.notes.get(id);
        if (!existing) return undefined;
        const merged: Record<string, unknown> = { ...existing };
        for (const key of PATCHABLE) if (patch[key] !== undefined) merged[key] = patch[key];
        const candidate = { ...buildContent(merged, failed), anchorStatus: existing.anchorStatus };
        if (contentKey(existing) === contentKey(candidate)) return existing;
        const note: Note = {
          ...candidate,
          createdAt: existing.createdAt,
          updatedAt: this.nextUpdate(existing.updatedAt),
        };
        await this.db.notes.put(note);
        return note;
      });
    } catch (error) {
      throw toStorageError(error, failed);
    }
  }

  /** Deletes a note and returns it, so that the UI can offer to undo (see restore). */
  async delete(id: string): Promise<Note | undefined> {
    try {
      return await this.db.transaction('rw', this.db.notes, async () => {
        const existing = await this.db.notes.get(id);
        if (existing) await this.db.notes.delete(id);
        return existing;
      });
    } catch (error) {
      throw toStorageError(error, 'failedNoteNotDeleted');
    }
  }

  /** Puts back a note returned by delete, exactly as it was (same times, same anchor status). */
  async restore(note: Note): Promise<Note> {
    const failed = 'failedNoteNotRestored';
    try {
      const restored = asRestored(note, failed);
      await this.db.transaction('rw', this.db.notes, () => this.db.notes.put(restored));
      return restored;
    } catch (error) {
      throw toStorageError(error, failed);
    }
  }

  /** Deletes several notes in one transaction and returns those that existed, so that all can be undone. */
  async deleteMany(ids: readonly string[]): Promise<Note[]> {
    try {
      return await this.db.transaction('rw', this.db.notes, async () => {
        const found = (await this.db.notes.bulkGet([...ids])).filter((n): n is Note => n !== undefined);
        await this.db.notes.bulkDelete(found.map((n) => n.id));
        return found;
      });
    } catch (error) {
      throw toStorageError(error, 'failedNotesKept');
    }
  }

  /**
   * Adds a tag to several notes and/or removes one from them, in one transaction: all or nothing. Tags
   * compare folded ("ISIS" = "isis"); terms and `updatedAt` follow. Returns the notes that changed.
   */
  async retag(ids: readonly string[], change: { add?: string; remove?: string }): Promise<Note[]> {
    const failed = 'failedTagsNotChanged';
    try {
      const refuse = (reason: string) => invalidInput(reason, failed);
      const [add] = change.add === undefined ? [] : checkTags([change.add], refuse);
      const [remove] = change.remove === undefined ? [] : checkTags([change.remove], refuse);
      if (add === undefined && remove === undefined) throw refuse(localize('reasonNoTagGiven'));
      const fold = (tag: string) => foldText(tag) || tag;
      return await this.db.transaction('rw', this.db.notes, async () => {
        const found = (await this.db.notes.bulkGet([...ids])).filter((n): n is Note => n !== undefined);
        const changed: Note[] = [];
        for (const note of found) {
          let tags = remove === undefined ? note.tags : note.tags.filter((t) => fold(t) !== fold(remove));
          if (add !== undefined && !tags.some((t) => fold(t) === fold(add))) tags = [...tags, add];
          if (tags.length === note.tags.length && tags.every((t, i) => t === note.tags[i])) continue;
          const content = buildContent({ ...note, tags }, failed);
          changed.push({
            ...content,
            anchorStatus: note.anchorStatus,
            createdAt: note.createdAt,
            updatedAt: this.nextUpdate(note.updatedAt),
          });
        }
        if (changed.length > 0) await this.db.notes.bulkPut(changed);
        return changed;
      });
    } catch (error) {
      throw toStorageError(error, failed);
    }
  }

  /**
   * Attaches a note to another passage on its page (an orphan re-linked by the reader): new selectors and
   * linked groups/incidents, found again at once; its id, text, tags, colour and creation time are kept,
   * and the passage it was first saved on becomes `originalQuote` (the first one, however often it moves;
   * none when it comes back to those very words). Undefined when there is no such note.
   */
  async relink(
    id: string,
    passage: Pick<Note, 'selectors' | 'entityIds' | 'incidentIds'>,
  ): Promise<Note | undefined> {
    const failed = 'failedNoteNotRelinked';
    try {
      return await this.db.transaction('rw', this.db.notes, async () => {
        const existing = await this.db.notes.get(id);
        if (!existing) return undefined;
        const original = existing.originalQuote ?? existing.selectors.quote.exact;
        const moved = original !== passage.selectors.quote.exact;
        const { originalQuote: _, ...rest } = existing;
        const content = buildContent(
          { ...rest, ...passage, ...(moved ? { originalQuote: original } : {}) },
          failed,
        );
        const note: Note = {
          ...content,
          anchorStatus: 'anchored',
          createdAt: existing.createdAt,
          updatedAt: this.nextUpdate(existing.updatedAt),
        };
        await this.db.notes.put(note);
        return note;
      });
    } catch (error) {
      throw toStorageError(error, failed);
    }
  }

  /**
   * The notes of a page, oldest first: those filed under `pageKey`, under any of `urlAliases` (normalised;
   * e.g. the URLs of a redirect chain) and under the keys the pages table links to them in one step (the
   * page's recorded aliases, and the pages that recorded one of these keys as an alias).
   */
  async forPage(pageKey: string, urlAliases: readonly string[] = []): Promise<Note[]> {
    try {
      if (typeof pageKey !== 'string' || pageKey === '') return [];
      const keys = new Set([pageKey]);
      for (const url of urlAliases) {
        try {
          keys.add(normalizeUrl(url));
        } catch {
          // an alias that is no web address cannot be a page key either
        }
      }
      return await this.db.transaction('r', this.db.notes, this.db.pages, async () => {
        const asked = [...keys];
        const pages = [
          ...(await this.db.pages.bulkGet(asked)),
          ...(await this.db.pages.where('aliases').anyOf(asked).toArray()),
        ];
        for (const page of pages) {
          if (!page) continue;
          keys.add(page.key);
          for (const alias of page.aliases) keys.add(alias);
        }
        const notes = await this.db.notes
          .where('pageKey')
          .anyOf([...keys])
          .toArray();
        return notes.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      });
    } catch (error) {
      throw toStorageError(error, 'failedPageNotesNotRead');
    }
  }

  /**
   * Records that the page with this key was open at this URL. The URL's normalised form becomes one of the
   * page's aliases when it is not the key itself (the most recent NOTE_LIMITS.aliasesPerPage are kept), so
   * that notes filed under it are found when the page is known by its key (canonical added or changed).
   */
  async recordPageVisit(visit: { key: string; url: string; title: string }): Promise<Page> {
    const failed = 'failedVisitNotRecorded';
    try {
      const { key, url } = visit;
      if (typeof key !== 'string' || key === '') throw invalidInput(localize('reasonPageKeyMissing'), failed);
      if (key.length > NOTE_LIMITS.urlLength) throw invalidInput(localize('reasonPageKeyTooLong'), failed);
      let alias: string;
      try {
        alias = normalizeUrl(url);
      } catch (error) {
        throw invalidInput(
          error instanceof PageUrlError ? error.message.replace(/\.$/, '') : localize('reasonBadUrl'),
          failed,
        );
      }
      if (alias.length > NOTE_LIMITS.urlLength)
        throw invalidInput(localize('reasonPageAddressTooLong'), failed);
      const title = (typeof visit.title === 'string' ? visit.title : '').slice(0, NOTE_LIMITS.titleLength);
      return await this.db.transaction('rw', this.db.pages, async () => {
        const existing = await this.db.pages.get(key);
        let aliases = existing?.aliases ?? [];
        if (alias !== key) {
          aliases = [...aliases.filter((a) => a !== alias), alias].slice(-NOTE_LIMITS.aliasesPerPage);
        }
        const page: Page = { key, url, title, aliases, seenAt: this.now() };
        await this.db.pages.put(page);
        return page;
      });
    } catch (error) {
      throw toStorageError(error, failed);
    }
  }

  /**
   * Records whether the passage was found again. False when there is no such note. `updatedAt` does not
   * move: it is not the reader's edit.
   */
  async setAnchorStatus(id: string, status: AnchorStatus): Promise<boolean> {
    const failed = 'failedAnchorStatusNotSaved';
    try {
      const checked = checkAnchorStatus(status, failed) ?? 'unknown';
      return await this.db.transaction('rw', this.db.notes, async () => {
        const existing = await this.db.notes.get(id);
        if (!existing) return false;
        if (existing.anchorStatus !== checked)
          await this.db.notes.put({ ...existing, anchorStatus: checked });
        return true;
      });
    } catch (error) {
      throw toStorageError(error, failed);
    }
  }

  /** Records several anchor statuses in one transaction (a page reports all its notes at once); returns how many notes exist. */
  async setAnchorStatuses(updates: readonly { id: string; status: AnchorStatus }[]): Promise<number> {
    const failed = 'failedAnchorStatusesNotSaved';
    try {
      const checked = updates.map(({ id, status }) => ({
        id,
        status: checkAnchorStatus(status, failed) ?? 'unknown',
      }));
      return await this.db.transaction('rw', this.db.notes, async () => {
        const existing = await this.db.notes.bulkGet(checked.map((u) => u.id));
        const changed: Note[] = [];
        checked.forEach(({ status }, i) => {
          const note = existing[i];
          if (note && note.anchorStatus !== status) changed.push({ ...note, anchorStatus: status });
        });
        if (changed.length > 0) await this.db.notes.bulkPut(changed);
        return existing.filter((n) => n !== undefined).length;
      });
    } catch (error) {
      throw toStorageError(error, failed);
    }
  }

  /** Every tag in use, sorted, read from the `*tags` index (for type-ahead). */
  async listTags(): Promise<string[]> {
    try {
      const tags = (await this.db.notes.orderBy('tags').uniqueKeys()) as string[];
      return tags.sort((a, b) => a.localeCompare(b));
    } catch (error) {
      throw toStorageError(error, 'failedTagsNotRead');
    }
  }

  /**
   * Notes matching a query typed as you type, most recently edited first. Every finished word must be one
   * of a note's terms; the last word, while it is being typed, is a prefix of one ("zak" finds "Zakura").
   * Case and accents do not matter. Answered from the `*terms` index (one index lookup per word, then the
   * matching notes by id): the table is never scanned. An empty query finds nothing.
   */
  async search(query: string, options: SearchOptions = {}): Promise<Note[]> {
    const failed = 'failedSearchNotRun';
    try {
      const limit = options.limit ?? 50;
      if (!Number.isSafeInteger(limit) || limit < 1)
        throw invalidInput(localize('reasonResultLimitInvalid'), failed);
      const plan = searchPlan(typeof query === 'string' ? query : '');
      if (plan.exact.length === 0 && plan.prefix === undefined) return [];
      return await this.db.transaction('r', this.db.notes, async () => {
        let ids: Set<string> | undefined;
        const narrow = (found: string[]) => {
          ids = ids === undefined ? new Set(found) : new Set(found.filter((id) => ids!.has(id)));
        };
        for (const term of plan.exact) {
          narrow(await this.db.notes.where('terms').equals(term).primaryKeys());
          if (ids!.size === 0) return [];
        }
        if (plan.prefix !== undefined) {
          narrow(await this.db.notes.where('terms').startsWith(plan.prefix).primaryKeys());
        }
        if (!ids || ids.size === 0) return [];
        const notes = (await this.db.notes.bulkGet([...ids])).filter((n): n is Note => n !== undefined);
        return notes
          .sort((a, b) => b.updatedAt - a.updatedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
          .slice(0, Math.min(limit, NOTE_LIMITS.searchResults));
      });
    } catch (error) {
      throw toStorageError(error, failed);
    }
  }

  /** Puts many notes in at once, all or nothing (an import, an undone bulk delete): one transaction. */
  async restoreAll(notes: readonly Note[], failed: Failed = 'failedNothingImported'): Promise<number> {
    try {
      const restored = notes.map((note) => asRestored(note, failed));
      await this.db.transaction('rw', this.db.notes, () => this.db.notes.bulkPut(restored));
      return notes.length;
    } catch (error) {
      throw toStorageError(error, failed);
    }
  }

  /** Notes with these ids that are already stored (to tell new from updated on import). */
  async existing(ids: readonly string[]): Promise<Map<string, Note>> {
    const found = await this.db.notes.bulkGet([...ids]);
    return new Map(found.filter((n): n is Note => n !== undefined).map((n) => [n.id, n]));
  }

  /** Other addresses the page with this key was seen under (redirects, AMP copies). */
  async pageAliases(key: string): Promise<string[]> {
    try {
      return (await this.db.pages.get(key))?.aliases ?? [];
    } catch (error) {
      throw toStorageError(error, 'failedPageNotRead');
    }
  }

  /** The newest notes first, by creation time (the popup's list). */
  async recent(limit = 10_000): Promise<Note[]> {
    try {
      return await this.db.notes.orderBy('createdAt').reverse().limit(limit).toArray();
    } catch (error) {
      throw toStorageError(error, 'failedNotesNotRead');
    }
  }

  async count(): Promise<number> {
    try {
      return await this.db.notes.count();
    } catch (error) {
      throw toStorageError(error, 'failedNotesNotCounted');
    }
  }
}

let shared: NotesRepository | undefined;

/** The extension's notes repository, over the shared database (background worker and extension pages only). */
export function notesRepository(): NotesRepository {
  return (shared ??= new NotesRepository(notesDb()));
}
