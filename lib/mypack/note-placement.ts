/**
 * A note is put on a passage in two ways: saved there, or re-linked there when its own passage was
 * lost. Either way, a passage the reader recorded a claim or statement from (My pack) that is the
 * note's passage is linked to it (note-links.ts): the background answers `saveNote` and
 * `relinkNote` through here, so that both go through one link.
 */
import * as noteRequests from '../notes/note-requests';
import type { NotesRepository } from '../notes/notes-repository';
import type { NoteDraft, NoteResult, RelinkRequest } from '../messaging';
import type { MyPackStore } from './my-pack-store';
import { linkNotes, type NoteRef } from './note-links';

/** Links the recorded passage a note now sits on to it (no pack change is announced: cards do not show it). */
export async function linkPlacedNote(store: MyPackStore, note: NoteRef): Promise<void> {
  await store
    .change(
      (state) => {
        const linked = linkNotes(state, [note]);
        return linked ? { ok: true as const, state: linked } : { ok: false as const };
      },
      { announce: false },
    )
    // A link, not the note: the note is saved whether or not My pack can be written.
    .catch((error: unknown) => console.error('ClaimLens: a note could not be linked to My pack', error));
}

/** Saves a note; a recorded passage it is on is linked to it. */
export async function saveNote(
  repo: NotesRepository,
  store: MyPackStore,
  draft: NoteDraft,
): Promise<NoteResult> {
  const result = await noteRequests.saveNote(repo, draft);
  if (result.ok) await linkPlacedNote(store, result.note);
  return result;
}

/** Attaches an orphan note to the passage the reader selected; a recorded passage it is now on is linked to it. */
export async function relinkNote(
  repo: NotesRepository,
  store: MyPackStore,
  request: RelinkRequest,
): Promise<NoteResult> {
  const result = await noteRequests.relinkNote(repo, request);
  if (result.ok) await linkPlacedNote(store, result.note);
  return result;
}
