/**
 * What the page side (the content script's world) is told of a saved note: where its passage is and
 * how it is drawn. The reader's words — the note's text and tags — never go there; they are read
 * only by extension pages (the notes frame, the popup).
 */
import type { Note } from './note-types';

export type PassageNote = Pick<Note, 'id' | 'selectors' | 'color' | 'anchorStatus'>;

/** The answer to a save or a re-link: the passage as stored, or an error a reader understands. */
export type PassageResult =
  { ok: true; note: PassageNote } | { ok: false; error: { kind: string; message: string } };

export function passageOf(note: PassageNote): PassageNote {
  return { id: note.id, selectors: note.selectors, color: note.color, anchorStatus: note.anchorStatus };
}

export function passageResult(
  result: { ok: true; note: PassageNote } | { ok: false; error: { kind: string; message: string } },
): PassageResult {
  return result.ok ? { ok: true, note: passageOf(result.note) } : result;
}
