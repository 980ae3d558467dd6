/**
 * What the content script and its lazily loaded UI (entrypoints/page-ui) hand each other. The UI —
 * Preact, floating panels, the note editor, anchoring — loads the first time it is needed (a mark
 * opened, text selected, a page with saved notes), so that every other page pays nothing for it.
 */
import type { ContentScriptContext } from '#imports';
import type { Card } from '../knowledge/cards';
import type { NoteDraft, PageCommand, PageNotes, RelinkRequest } from '../messaging';
import type { AnchorStatus } from '../notes/note-types';
import type { MarkInteractionHandlers } from './mark-interaction';
import type { Spotter, Mark } from './spotter';
import type { PassageResult } from '../notes/passage-note';

/**
 * What the page side sends about notes: highlights (no text), anchoring, re-linking. Notes with the
 * reader's words are written, changed and deleted by the notes frame, never from the page side.
 */
export interface NotesPorts {
  saveNote(draft: NoteDraft): Promise<PassageResult>;
  setAnchorStatus(data: { updates: { id: string; status: AnchorStatus }[] }): Promise<void>;
  /** Gives a note (an orphan) the passage the reader selected. */
  relinkNote(request: RelinkRequest): Promise<PassageResult>;
}

export interface PageUiDeps {
  ctx: ContentScriptContext;
  /** Aborts when ClaimLens is paused on the page or the extension reloads: the UI takes itself away. */
  signal: AbortSignal;
  doc: Document;
  spotter: Spotter;
  notesPorts: NotesPorts;
  loadCards(ids: string[]): Promise<Card[]>;
  /** Called when the saved passages' marks change, so the content script can hit-test them too. */
  onNoteMarksChanged(): void;
  /** All marks in reading order (entities, incidents, notes). */
  allMarks(): readonly Mark[];
}

export interface PageUi {
  /** Opens and closes panels for marks (hover, click, keyboard). */
  panel: MarkInteractionHandlers;
  /** Whether an event happened inside ClaimLens's own UI rather than on the page beneath it. */
  owns(event: Event): boolean;
  /** A trusted click on ClaimLens's own UI, heard first by the gesture relay: tells the reader if the page stops it. */
  clickedOwnUi(event: Event): void;
  notes: {
    /** Anchors and draws the notes saved on this page. */
    show(page: PageNotes): void;
    getMarks(): readonly Mark[];
    /** The reader selected a passage with their own gesture: offer the toolbar (or hide it for null). */
    selectionChanged(range: Range | null): void;
    /** Saves the passage the reader selected (taken at their gesture) as a highlight, or opens the editor or the record form. */
    runCommand(command: PageCommand, range: Range | null): void;
    /** Brings a saved passage into view and opens its note. */
    focus(id: string): void;
    /** Re-link mode for a note of this page (an orphan); false when the page does not have it. */
    startRelink(id: string, selected: Range | null): boolean;
  };
}

/** The page UI's module in the extension; web-accessible, imported by the content script when first needed. */
export const PAGE_UI_PATH = '/page-ui.js';

/** The UI script registers its factory here when it loads (the content script's own world). */
export const PAGE_UI_GLOBAL = '__claimlensPageUi';

export type PageUiFactory = (deps: PageUiDeps) => PageUi;
