/** Checks the data of each message as it arrives in the background: a page must not be able to feed it junk. */
import { isLanguageTag } from './notes/page-language';
import {
  MAX_GLANCE,
  type NoteDraft,
  type PageGlance,
  type PageOpeningRequest,
  type PageFindings,
  type ProtocolMap,
  type RelinkRequest,
} from './messaging';
import { ANCHOR_STATUSES, isColorId, type AnchorStatus, type Note } from './notes/note-types';
import type { PageText } from './matching/text-matcher';
import { MAX_DATE_LENGTH } from './page/article-date';
import { isRecordRequest } from './mypack/record-guard';
import { isSelectors } from './notes/selectors-guard';
import { KNOWN_WHATS, type KnownWhat } from './mypack/record-answers';

type Guards = { [K in keyof ProtocolMap]: (data: unknown) => data is Parameters<ProtocolMap[K]>[0] };

const MAX_MENTIONS = 2000;
const MAX_TEXT = 4000;
/** One message carries at most this much page text; longer pages are sent in parts. */
export const MAX_PAGE_TEXT = 2_000_000;
const MAX_BREAKS = 500_000;

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown, max = MAX_TEXT): v is string => typeof v === 'string' && v.length <= max;
const optStr = (v: unknown, max = MAX_TEXT) => v === undefined || isStr(v, max);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
/** No holes: `every` skips them, and a structured clone (unlike JSON) keeps them. */
const isDense = (v: unknown[]): boolean => {
  for (let i = 0; i < v.length; i++) if (!(i in v)) return false;
  return true;
};
const strList = (v: unknown, maxItems: number, maxLen = 200): v is string[] =>
  Array.isArray(v) && v.length <= maxItems && isDense(v) && v.every((s) => isStr(s, maxLen));

/**
 * Longest note text a message may carry: ten times what a note may hold, so that a note over the
 * limit (NOTE_LIMITS.textLength) reaches the repository, whose answer says the limit, instead of
 * being refused here as a malformed request.
 */
const MAX_NOTE_TEXT = 1_000_000;
const ID = /^[A-Za-z0-9-]{8,100}$/;

const isTags = (v: unknown): v is string[] => strList(v, 50, 100) && v.every((t) => t.trim().length > 0);

const isDraft = (d: unknown): d is NoteDraft =>
  isObj(d) &&
  isStr(d.id, 100) &&
  ID.test(d.id) &&
  isStr(d.url, 8192) &&
  optStr(d.canonical, 8192) &&
  isStr(d.pageTitle, 1000) &&
  (d.language === undefined || isLanguageTag(d.language)) &&
  isSelectors(d.selectors) &&
  isStr(d.text, MAX_NOTE_TEXT) &&
  isTags(d.tags) &&
  isColorId(d.color) &&
  strList(d.entityIds, 500) &&
  strList(d.incidentIds, 500);

/** Most notes one bulk message may name (the popup's selection; a database of 10,000 notes fits). */
export const MAX_BULK = 50_000;
/** Ids of stored notes: made by ClaimLens, or read from an imported file (the repository's limit). */
const isNoteId = (v: unknown): v is string => isStr(v, 200) && v.length > 0;
const isIds = (v: unknown): v is string[] =>
  Array.isArray(v) && v.length <= MAX_BULK && isDense(v) && v.every(isNoteId);
const isTag = (v: unknown): v is string => isStr(v, 100) && v.trim().length > 0;

const isNote = (d: unknown): d is Note =>
  isObj(d) &&
  isNoteId(d.id) &&
  isDraft({ ...d, id: 'stored-note', canonical: undefined }) &&
  isStr(d.pageKey, 8192) &&
  isStr(d.site, 300) &&
  isNum(d.createdAt) &&
  isNum(d.updatedAt) &&
  ANCHOR_STATUSES.includes(d.anchorStatus as AnchorStatus) &&
  optStr(d.originalQuote, 100_000) &&
  strList(d.terms, 20_000, 200);

/** A page's text as sent to be matched: bounded, with sorted block breaks inside it. */
const isPageText = (d: unknown): d is PageText =>
  isObj(d) &&
  typeof d.text === 'string' &&
  d.text.length <= MAX_PAGE_TEXT &&
  optStr(d.declaredDate, MAX_DATE_LENGTH) &&
  (d.dateUnread === undefined || typeof d.dateUnread === 'boolean') &&
  (d.plainIds === undefined || strList(d.plainIds, 5000)) &&
  Array.isArray(d.breaks) &&
  d.breaks.length <= MAX_BREAKS &&
  isDense(d.breaks) &&
  d.breaks.every(
    (b, i, all) =>
      Number.isInteger(b) && b >= 0 && b <= (d.text as string).length && (i === 0 || b >= all[i - 1]!),
  );

const isPageGlance = (d: unknown): d is PageGlance =>
  isObj(d) && typeof d.glance === 'string' && d.glance.length <= MAX_GLANCE;

export const messageGuards: Guards = {
  searchKnown: (d): d is { query: string; what: KnownWhat } =>
    isObj(d) && isStr(d.query, 200) && KNOWN_WHATS.includes(d.what as KnownWhat),
  knownNames: (d): d is { ids: string[] } => isObj(d) && strList(d.ids, 200),
  recordItem: isRecordRequest,
  recordedForNote: (d): d is { id: string } => isObj(d) && isStr(d.id, 200),
  saveNote: isDraft,
  openPage: (d): d is PageOpeningRequest =>
    isObj(d) &&
    isObj(d.address) &&
    isStr(d.address.url, 8192) &&
    optStr(d.address.canonical, 8192) &&
    isStr(d.address.title, 1000) &&
    // One or the other, never both: the background reads it as a glance if it has one.
    (isObj(d.page) && 'glance' in d.page ? isPageGlance(d.page) : isPageText(d.page)) &&
    (d.scope === 'page' || d.scope === 'article'),
  updateNote: (d): d is { id: string; text?: string; tags?: string[]; color?: string } =>
    isObj(d) &&
    isStr(d.id, 100) &&
    (d.text === undefined || isStr(d.text, MAX_NOTE_TEXT)) &&
    (d.tags === undefined || isTags(d.tags)) &&
    (d.color === undefined || isColorId(d.color)),
  deleteNote: (d): d is { id: string } => isObj(d) && isStr(d.id, 100),
  restoreNote: isNote,
  deleteNotes: (d): d is { ids: string[] } => isObj(d) && isIds(d.ids),
  restoreNotes: (d): d is { notes: Note[] } =>
    isObj(d) &&
    Array.isArray(d.notes) &&
    d.notes.length <= MAX_BULK &&
    isDense(d.notes) &&
    d.notes.every(isNote),
  retagNotes: (d): d is { ids: string[]; add?: string; remove?: string } =>
    isObj(d) &&
    isIds(d.ids) &&
    (d.add === undefined || isTag(d.add)) &&
    (d.remove === undefined || isTag(d.remove)) &&
    (d.add !== undefined || d.remove !== undefined),
  relinkNote: (d): d is RelinkRequest =>
    isObj(d) &&
    isNoteId(d.id) &&
    isSelectors(d.selectors) &&
    strList(d.entityIds, 500) &&
    strList(d.incidentIds, 500),
  startRelink: (d): d is { tabId: number; id: string } =>
    isObj(d) && Number.isInteger(d.tabId) && isNoteId(d.id),
  setAnchorStatus: (d): d is { updates: { id: string; status: AnchorStatus }[] } =>
    isObj(d) &&
    Array.isArray(d.updates) &&
    d.updates.length <= 5000 &&
    isDense(d.updates) &&
    d.updates.every(
      (u) => isObj(u) && isStr(u.id, 100) && ANCHOR_STATUSES.includes(u.status as AnchorStatus),
    ),
  listTags: (d): d is Record<string, never> => isObj(d),
  getNotes: (d): d is { ids: string[] } =>
    isObj(d) && Array.isArray(d.ids) && d.ids.length <= 5000 && isIds(d.ids),
  tabReport: (d): d is { tabId: number } => isObj(d) && Number.isInteger(d.tabId),
  openNote: (d): d is { id: string } => isObj(d) && isStr(d.id, 200),
  showMark: (d): d is { tabId: number; targetId: string } =>
    isObj(d) && Number.isInteger(d.tabId) && isStr(d.targetId, 200),
  scanText: (d): d is PageText & { url: string } => isObj(d) && isStr(d.url, 8192) && isPageText(d),
  scanWithDate: (d): d is { resume: string; declaredDate?: string } =>
    isObj(d) && isStr(d.resume, 100) && optStr(d.declaredDate, MAX_DATE_LENGTH),
  getCards: (d): d is { ids: string[] } => isObj(d) && strList(d.ids, 500),
  reportPage: (d): d is PageFindings =>
    isObj(d) &&
    isStr(d.url, 8192) &&
    optStr(d.published, 100) &&
    Array.isArray(d.entities) &&
    d.entities.length <= MAX_MENTIONS &&
    isDense(d.entities) &&
    d.entities.every(
      (e) =>
        isObj(e) &&
        isStr(e.id, 200) &&
        isStr(e.name, 200) &&
        isStr(e.kind, 40) &&
        strList(e.aliases, 200, 400) &&
        isNum(e.mentions),
    ) &&
    Array.isArray(d.incidents) &&
    d.incidents.length <= MAX_MENTIONS &&
    isDense(d.incidents) &&
    d.incidents.every(
      (i) =>
        isObj(i) &&
        isStr(i.id, 200) &&
        isStr(i.name, 200) &&
        strList(i.aliases, 200, 400) &&
        isNum(i.confidence) &&
        isStr(i.why, 1000) &&
        isNum(i.competingClaimants),
    ),
};
