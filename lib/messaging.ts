/**
 * The typed protocol between the content script and the background: one line of doc per message.
 * Every message's data is checked on arrival in the background (lib/message-guards.ts).
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { Card } from './knowledge/cards';
import type { PageText, TextMatches } from './matching/text-matcher';
import type { AnchorStatus, Note, NoteSelectors } from './notes/note-types';
import type { PassageNote, PassageResult } from './notes/passage-note';
import type { DisplaySettings } from './display-settings';
import type { KnownHit, KnownWhat, RecordAnswer } from './mypack/record-answers';
import type { RecordRequest } from './mypack/record';
import type { RecordedLink } from './mypack/note-links';

export interface PageTiming {
  /** performance.now() when the content script started (the page's clock). */
  startedAt: number;
  /** From start until the marks were drawn and what was found was filed, waits included. */
  totalMs: number;
  /** Main-thread time the content script used, and its longest uninterrupted stretch. */
  busyMs: number;
  longestTaskMs: number;
  textNodes: number;
  characters: number;
  /** Characters of the page's `textContent` looked at first (0: too long to look at, read at once). */
  glanced: number;
  /** Main-thread time by phase (collect, send, draw, report…). */
  phases: Record<string, number>;
}

/** What ClaimLens found on a page: the toolbar badge and the popup show it. */
export interface PageFindings {
  url: string;
  published?: string;
  entities: { id: string; name: string; kind: string; aliases: string[]; mentions: number }[];
  incidents: {
    id: string;
    name: string;
    aliases: string[];
    confidence: number;
    why: string;
    /** Distinct outfits that claimed it. */
    competingClaimants: number;
  }[];
}

/** What a page found and what it cost the page: asked of the page by `npm run scan`, the bench and the E2E tests. */
export interface PageReport extends PageFindings {
  timing: PageTiming;
}

/** A passage the reader is saving, as the content script knows it. */
export interface NoteDraft {
  /** Made when the reader acts, so that a retried save stores one note. */
  id: string;
  url: string;
  /** The page's link[rel=canonical], if any. */
  canonical?: string;
  pageTitle: string;
  /** The page's declared language (`<html lang>`), when it declares a well-formed one. */
  language?: string;
  selectors: NoteSelectors;
  text: string;
  tags: string[];
  color: string;
  entityIds: string[];
  incidentIds: string[];
}

/** The answer to a change of the notes: the note as stored, or an error a reader understands. */
export type NoteResult = { ok: true; note: Note } | { ok: false; error: { kind: string; message: string } };

/** The answer to a change of several notes at once (one transaction): the notes changed, or why nothing was. */
export type NotesResult =
  { ok: true; notes: Note[] } | { ok: false; error: { kind: string; message: string } };

/** An orphan note attached to a passage the reader selected on its page. */
export interface RelinkRequest {
  id: string;
  selectors: NoteSelectors;
  entityIds: string[];
  incidentIds: string[];
}

export interface PageNotes {
  pageKey: string;
  /** The saved passages, without the reader's words (lib/notes/passage-note.ts). */
  notes: PassageNote[];
  /** A note the reader asked to see (opened from the popup): brought into view once anchored. */
  focus?: string;
}

/** The page as the notes store knows it (lib/page/page-address.ts). */
export interface PageAddress {
  url: string;
  canonical?: string;
  title: string;
}

/**
 * A page's first look at itself: its `textContent` (hidden text and nested scripts included, no
 * breaks; lib/page/glance-text.ts), got without walking its DOM. The background says whether it may name
 * anything (lib/matching/glance.ts); most pages do not, and never walk their text.
 */
export interface PageGlance {
  glance: string;
}

/** Longest `textContent` a page sends as its first look; a longer page sends its visible text at once. */
export const MAX_GLANCE = 500_000;

/**
 * The background's answer to a glance that may name something: read the visible text and send it.
 * With `edges`, only if a text node under the page's root starts with one of them (or is the start of
 * one): a name was found there between two letters, which is a word's edge only where a node starts
 * (lib/matching/glance.ts); the page checks (lib/page/glance-probe.ts), and is done if none does.
 */
export interface ReadText {
  readText: true;
  edges?: string[];
}

/** What a page sends as it opens: its address, and its text (from the whole page or the article). */
export interface PageOpeningRequest {
  address: PageAddress;
  /** The page's `textContent` (a glance), or, on a page too long for that, its visible text (the first part). */
  page: PageGlance | PageText;
  /** Where the text was read: the whole page, or only the article (the display setting the page knew). */
  scope: DisplaySettings['scope'];
}

/**
 * Matches as the background answers a content script: it files them as what the page found (badge,
 * popup; lib/page/page-findings.ts) unless it says `unfiled` — it does not know the page as it is (its
 * worker was stopped since the page opened, or the page files its own findings): the page then sends
 * what it shows itself (`reportPage`).
 */
export type FiledMatches = TextMatches & { unfiled?: true };

export interface PageOpening {
  paused: boolean;
  display: DisplaySettings;
  notes: PageNotes;
  /**
   * The known names and incidents in the text sent (for a glance that names nothing: none), or
   * `readText` (a glance that may name something); null when it was not matched: paused here, not an
   * http(s) page, or the reader marks another scope than the text was read from (the page reads it
   * again from there and sends it with `scanText`).
   */
  found: FiledMatches | ReadText | null;
}

export interface ProtocolMap {
  /** Saves a passage as a note (idempotent by id); the answer names the passage, not the words. */
  saveNote(data: NoteDraft): PassageResult;
  /**
   * A page opens (or starts again after a settings change) and sends the text it read: whether
   * ClaimLens is paused on it (then the text is dropped unread), what the reader has marked, the
   * notes saved on it (under its key or any URL it was seen under; the visit is recorded), and the
   * matches in its text. One message, so that a page that names nothing pays for one.
   */
  openPage(data: PageOpeningRequest): PageOpening;
  /** Changes a note's text, tags or colour. */
  updateNote(data: { id: string; text?: string; tags?: string[]; color?: string }): NoteResult;
  /** Deletes a note; the answer holds it, for undo. */
  deleteNote(data: { id: string }): NoteResult;
  /** Puts a deleted note back as it was. */
  restoreNote(data: Note): NoteResult;
  /** Deletes several notes in one transaction (the popup's selection); the answer holds them, for undo. */
  deleteNotes(data: { ids: string[] }): NotesResult;
  /** Puts back notes deleted together, all or none. */
  restoreNotes(data: { notes: Note[] }): NotesResult;
  /** Adds and/or removes a tag on several notes in one transaction; the answer holds the notes changed. */
  retagNotes(data: { ids: string[]; add?: string; remove?: string }): NotesResult;
  /** Gives an orphan note the passage the reader selected (new selectors and links; same id, text, tags, colour). */
  relinkNote(data: RelinkRequest): PassageResult;
  /** Asks a tab to let the reader choose a new passage for an orphan note (the popup); false if it cannot. */
  startRelink(data: { tabId: number; id: string }): boolean;
  /** Records whether each note's passage was found again. */
  setAnchorStatus(data: { updates: { id: string; status: AnchorStatus }[] }): void;
  /** Every tag in use, for type-ahead. */
  listTags(data: Record<string, never>): string[];
  /**
   * Notes by id, for the notes frame (an extension page inside the reader's tab): the only way the
   * page side sees what the reader wrote. Answered to ClaimLens's own pages only, never to a content script.
   */
  getNotes(data: { ids: string[] }): Note[];
  /** What ClaimLens found on a tab (the popup). */
  tabReport(data: { tabId: number }): PageFindings | null;
  /** Scrolls a tab to the first mark of a group or incident and opens its tooltip (the popup). */
  showMark(data: { tabId: number; targetId: string }): boolean;
  /** Shows a note on its page: the tab that has it open, else a new tab at its address. */
  openNote(data: { id: string }): { ok: boolean; message?: string };
  /**
   * The known names and incidents in a page's visible text (filed as what the page found); null when
   * ClaimLens does not read this URL.
   */
  scanText(data: PageText & { url: string }): FiledMatches | null;
  /**
   * Finishes a scan that asked for the date (`needsDate` with `resume`) on the text the background
   * holds; `resend` when it no longer holds it (worker restarted), and the page sends the text again.
   */
  scanWithDate(data: { resume: string; declaredDate?: string }): FiledMatches | { resend: true };
  /** Tooltip cards for entity and incident ids (unknown ids are left out). */
  getCards(data: { ids: string[] }): Card[];
  /**
   * What the page found, for the toolbar badge and the popup. The background takes a page to have
   * found nothing as it opens, and then what it answered it (`FiledMatches`), counted as the page
   * counts what it draws: a page sends this only when what it shows differs from that (text it could
   * not draw, marks gone with their nodes), and from then on whenever what it shows changes. A page
   * that draws what it was answered sends no message besides its text.
   */
  reportPage(data: PageFindings): void;
  /** The record form (extension pages only): known incidents or names matching what the reader typed. */
  searchKnown(data: { query: string; what: KnownWhat }): KnownHit[];
  /** The record form: what the ids the page marked in and around the passage name (to prefill it). */
  knownNames(data: { ids: string[] }): KnownHit[];
  /** Records a claim or statement in My pack (extension pages only): validated, merged, pages re-read. */
  recordItem(data: RecordRequest): RecordAnswer;
  /** The recorded items linked to a note (same passage), for the notes frame (extension pages only). */
  recordedForNote(data: { id: string }): RecordedLink[];
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();

/** What the reader's keys, the context menu and the selection toolbar ask of the selected passage. */
export type PageCommand = 'save-highlight' | 'add-note' | 'record-claim' | 'record-statement';

/** Background → content script (commands and context-menu items act on the page's selection). */
export interface PageProtocolMap {
  /**
   * Pause, display settings or packs changed (to every tab). `restart`: what is marked changed, so a
   * page that is running reads itself again (`openPage`). `paused`: whether ClaimLens is now paused
   * on the tab's page (unknown where the background cannot see the tab's address: the page opens
   * again to learn it). `display`: what is marked now, so that a page starting again reads the right
   * part of itself at once.
   */
  settingsChanged(data: { restart: boolean; paused?: boolean; display: DisplaySettings }): void;
  /** Save the current selection as a highlight, open the note editor for it, or the record form. */
  runCommand(data: { command: PageCommand }): void;
  /** Which page this tab shows (to find the tab that has a note's page open). */
  pageAddress(data: Record<string, never>): PageAddress;
  /** Brings a saved passage into view and opens its note. */
  focusNote(data: { id: string }): void;
  /** Scrolls to the first mark of a group or incident and opens its tooltip; false if there is none. */
  focusMark(data: { targetId: string }): boolean;
  /**
   * What the page found and what that cost it (`npm run scan`, `npm run bench`, E2E tests, through
   * the worker); null until its first reading is done.
   */
  pageReport(data: Record<string, never>): PageReport | null;
  /** Re-link mode for an orphan note: the reader selects its passage and attaches it; false if the page does not have the note. */
  startRelink(data: { id: string }): boolean;
  /**
   * Whether the page of the frame asked is still open and running (asked of the frames on file when
   * their tab's top page opens, lib/tab-findings.ts): a frame that does not answer is gone.
   */
  stillOpen(data: Record<string, never>): true;
}

export const pageMessaging = defineExtensionMessaging<PageProtocolMap>();
