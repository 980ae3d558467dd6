// Answers the content script's note messages over the repository: page identity, idempotent saves,
// and every failure turned into a result with a message the reader understands (nothing thrown).
import { passageOf } from './passage-note';
import type { NoteDraft, NoteResult, NotesResult, PageAddress, PageNotes, RelinkRequest } from '../messaging';
import type { AnchorStatus, Note } from './note-types';
import type { NotesRepository } from './notes-repository';
import { normalizeUrl, pageKeyFor } from './page-identity';
import { localize } from '../reader-messages';
import { NotesStorageError, toStorageError, type Failed } from './storage-errors';

function failure(error: unknown, failed: Failed): { ok: false; error: { kind: string; message: string } } {
  const err = error instanceof NotesStorageError ? error : toStorageError(error, failed);
  return { ok: false, error: { kind: err.kind, message: err.message } };
}

export async function saveNote(repo: NotesRepository, draft: NoteDraft): Promise<NoteResult> {
  try {
    const pageKey = pageKeyFor({ url: draft.url, canonical: draft.canonical });
    const note = await repo.save({
      id: draft.id,
      pageKey,
      url: draft.url,
      pageTitle: draft.pageTitle,
      selectors: draft.selectors,
      text: draft.text,
      tags: draft.tags,
      color: draft.color,
      entityIds: draft.entityIds,
      incidentIds: draft.incidentIds,
    });
    await repo
      .recordPageVisit({ key: pageKey, url: draft.url, title: draft.pageTitle })
      .catch(() => undefined);
    return { ok: true, note };
  } catch (error) {
    return failure(error, 'failedNoteNotSaved');
  }
}

/** The passages saved on a page, for its content script: where they are, not what the reader wrote. */
export async function pageNotes(repo: NotesRepository, page: PageAddress): Promise<PageNotes> {
  const pageKey = pageKeyFor(page);
  const visit = await repo
    .recordPageVisit({ key: pageKey, url: page.url, title: page.title })
    .catch(() => undefined);
  // Notes made under another URL of the same page (a redirect, an AMP copy) come back too.
  const aliases = [...new Set([normalizeUrl(page.url), ...(visit?.aliases ?? [])])];
  return { pageKey, notes: (await repo.forPage(pageKey, aliases)).map(passageOf) };
}

export async function updateNote(
  repo: NotesRepository,
  change: { id: string; text?: string; tags?: string[]; color?: string },
): Promise<NoteResult> {
  try {
    const { id, ...patch } = change;
    const note = await repo.update(id, patch);
    return note
      ? { ok: true, note }
      : { ok: false, error: { kind: 'invalid', message: localize('errorNoteGone') } };
  } catch (error) {
    return failure(error, 'failedNoteNotChanged');
  }
}

export async function deleteNote(repo: NotesRepository, id: string): Promise<NoteResult> {
  try {
    const note = await repo.delete(id);
    return note
      ? { ok: true, note }
      : { ok: false, error: { kind: 'invalid', message: localize('errorNoteGone') } };
  } catch (error) {
    return failure(error, 'failedNoteKept');
  }
}

export async function restoreNote(repo: NotesRepository, note: Note): Promise<NoteResult> {
  try {
    return { ok: true, note: await repo.restore(note) };
  } catch (error) {
    return failure(error, 'failedNoteNotRestored');
  }
}

export async function setAnchorStatus(
  repo: NotesRepository,
  updates: readonly { id: string; status: AnchorStatus }[],
): Promise<void> {
  await repo.setAnchorStatuses(updates);
}

/** Deletes the reader's selection of notes in one transaction; the answer holds them, for undo. */
export async function deleteNotes(repo: NotesRepository, ids: readonly string[]): Promise<NotesResult> {
  try {
    return { ok: true, notes: await repo.deleteMany(ids) };
  } catch (error) {
    return failure(error, 'failedNotesKept');
  }
}

/** Puts back notes deleted together (undo), all or none. */
export async function restoreNotes(repo: NotesRepository, notes: readonly Note[]): Promise<NotesResult> {
  try {
    await repo.restoreAll(notes, 'failedNotesNotRestored');
    return { ok: true, notes: [...notes] };
  } catch (error) {
    return failure(error, 'failedNotesNotRestored');
  }
}

/** Adds and/or removes a tag on the reader's selection of notes, in one transaction. */
export async function retagNotes(
  repo: NotesRepository,
  change: { ids: readonly string[]; add?: string; remove?: string },
): Promise<NotesResult> {
  try {
    return { ok: true, notes: await repo.retag(change.ids, { add: change.add, remove: change.remove }) };
  } catch (error) {
    return failure(error, 'failedTagsNotChanged');
  }
}

/** Attaches an orphan note to the passage the reader selected on its page. */
export async function relinkNote(repo: NotesRepository, request: RelinkRequest): Promise<NoteResult> {
  try {
    const { id, ...passage } = request;
    const note = await repo.relink(id, passage);
    return note
      ? { ok: true, note }
      : { ok: false, error: { kind: 'invalid', message: localize('errorNoteGone') } };
  } catch (error) {
    return failure(error, 'failedNoteNotRelinked');
  }
}
