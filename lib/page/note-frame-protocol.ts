/**
 * What the content script and the notes frame (entrypoints/notes-frame, an extension page shown in an
 * iframe inside ClaimLens's closed shadow root) tell each other over the MessageChannel port the
 * content script hands the frame once, with the secret it put in the frame's address. The reader's
 * own words (note text, tags) never cross it: the frame reads and writes them through the background.
 */
import { messageGuards } from '../message-guards';
import type { NoteDraft } from '../messaging';
import { isColorId } from '../notes/note-types';

/** One frame floats beside a passage (note card, note editor); the other sits in a corner (notices). */
export type FrameRole = 'panel' | 'notice';

/** Content script → frame: what to show. */
export type ToFrame =
  /** The editor for a passage the reader just selected; the frame adds the text, tags and colour. */
  | { type: 'newNote'; quote: string; draft: NoteDraft }
  /** A saved note's card (`edit`: its editor at once). */
  | { type: 'note'; id: string; edit: boolean }
  /** Saved passages that could not be found on the page. */
  | { type: 'orphans'; ids: string[] }
  /** Re-linking an orphan: the text selected on the page so far, and what went wrong, if anything. */
  | { type: 'relink'; id: string; selected: string | null; error?: string }
  | { type: 'clear' };

/** Frame → content script: what the reader did there, and how big the frame must be. */
export type FromFrame =
  | { type: 'size'; width: number; height: number }
  /** The reader closed the panel (Escape, ×, Cancel) or the frame has nothing left to show. */
  | { type: 'close' }
  /** The reader is writing in an editor: passing the pointer over a mark must not replace it. */
  | { type: 'editing'; editing: boolean }
  /** A new passage is being saved (drawn at once), was saved, or could not be (taken back). */
  | { type: 'saving'; id: string; color: string }
  | { type: 'saved'; id: string; color: string }
  | { type: 'unsaved'; id: string }
  /** A saved note's colour may have changed. */
  | { type: 'changed'; id: string; color: string }
  /** Deleted from its card (the frame offers Undo for a while); put back by Undo, with its colour. */
  | { type: 'deleted'; id: string }
  | { type: 'restored'; id: string; color: string }
  /** Orphans: re-link this one; attach the selected passage; cancel; dismiss the notice. */
  | { type: 'relink'; id: string }
  | { type: 'attach' }
  | { type: 'cancelRelink' }
  | { type: 'dismiss' };

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isId = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 200;
const isSize = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 100_000;

/** Whether data from the port is a message the frame may act on (checked even though the port is ours). */
export function isToFrame(d: unknown): d is ToFrame {
  if (!isObj(d)) return false;
  switch (d.type) {
    case 'newNote':
      return typeof d.quote === 'string' && d.quote.length <= 100_000 && messageGuards.saveNote(d.draft);
    case 'note':
      return isId(d.id) && typeof d.edit === 'boolean';
    case 'orphans':
      return Array.isArray(d.ids) && d.ids.length <= 5000 && d.ids.every(isId);
    case 'relink':
      return (
        isId(d.id) &&
        (d.selected === null || (typeof d.selected === 'string' && d.selected.length <= 100_000)) &&
        (d.error === undefined || (typeof d.error === 'string' && d.error.length <= 2000))
      );
    case 'clear':
      return true;
    default:
      return false;
  }
}

/** Whether data from the port is a message the content script may act on. */
export function isFromFrame(d: unknown): d is FromFrame {
  if (!isObj(d)) return false;
  switch (d.type) {
    case 'size':
      return isSize(d.width) && isSize(d.height);
    case 'editing':
      return typeof d.editing === 'boolean';
    case 'saving':
    case 'saved':
    case 'changed':
    case 'restored':
      return isId(d.id) && isColorId(d.color);
    case 'unsaved':
    case 'deleted':
    case 'relink':
      return isId(d.id);
    case 'close':
    case 'attach':
    case 'cancelRelink':
    case 'dismiss':
      return true;
    default:
      return false;
  }
}

/**
 * The frame's address: its role in the query, the page's theme and the secret of the port it will be
 * handed in the fragment (which the frame takes out of its address as it starts).
 */
export function frameAddress(base: string, role: FrameRole, theme: 'light' | 'dark', secret: string): string {
  return `${base}?${role}#${theme}:${secret}`;
}

export function readFrameAddress(
  search: string,
  hash: string,
): { role: FrameRole; theme: 'light' | 'dark'; secret: string } | null {
  const role = /^\?(panel|notice)$/.exec(search)?.[1] as FrameRole | undefined;
  const match = /^#(light|dark):([A-Za-z0-9-]{32,100})$/.exec(hash);
  return role && match ? { role, theme: match[1] as 'light' | 'dark', secret: match[2]! } : null;
}

/** The notes frame's page in the extension (web-accessible with a dynamic address). */
export const NOTES_FRAME_PATH = '/notes-frame.html';
