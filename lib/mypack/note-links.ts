/**
 * Links between what the reader recorded and their notes (pure): a recorded source whose passage is
 * the passage of a note (same page, same quote at the same place) keeps the note's id, set when the
 * item is recorded or when the note is saved, whichever comes second. The links are read on the
 * extension's own origin only (the notes frame, the options page): a page never learns of them.
 */
import type { ClaimStance, StatementStance } from '../knowledge/pack-types';
import type { Note, NoteSelectors } from '../notes/note-types';
import { normalizeUrl, pageKeyFor } from '../notes/page-identity';
import { browseMyPack } from './my-pack-edit';
import type { MyPackState, Passage } from './my-pack';

/** A note as linking needs it: where its passage is, never its words. */
export type NoteRef = Pick<Note, 'id' | 'pageKey' | 'url' | 'selectors'>;

/** A recorded item as the note it is linked to shows it. */
export interface RecordedLink {
  /** The item's key (lib/mypack/my-pack-edit.ts): where the options page shows it. */
  key: string;
  kind: 'claim' | 'statement';
  actor: string;
  stance: ClaimStance | StatementStance;
  incident: string;
}

/**
 * The words without the spaces between them: a note saved when a `<br>` gave its quote no space ("group" and
 * "said" run together) and a passage recorded since with one are the same words.
 */
const squash = (text: string) => text.replace(/\s+/g, '');

/** The key notes are kept under for the page a passage was recorded on (its source's canonical counts where the address confirms it). */
export function passagePageKey(passage: Pick<Passage, 'url'>, canonical?: string): string | undefined {
  try {
    return pageKeyFor({ url: passage.url, canonical });
  } catch {
    return undefined;
  }
}

/** The same words at the same place: where both say where they start, or with the same words around them (spaces aside). */
export function sameQuote(a: NoteSelectors, b: NoteSelectors): boolean {
  if (squash(a.quote.exact) !== squash(b.quote.exact)) return false;
  if (a.position && b.position) return a.position.start === b.position.start;
  return (
    squash(a.quote.prefix) === squash(b.quote.prefix) && squash(a.quote.suffix) === squash(b.quote.suffix)
  );
}

/** Whether a note is on the passage a source was recorded from. */
export function samePassage(note: NoteRef, passage: Passage, canonical?: string): boolean {
  const samePage =
    note.pageKey === passagePageKey(passage, canonical) || safeNormal(note.url) === safeNormal(passage.url);
  return samePage && sameQuote(note.selectors, passage.selectors);
}

function safeNormal(url: string): string | undefined {
  try {
    return normalizeUrl(url);
  } catch {
    return undefined;
  }
}

/**
 * Links each recorded passage to a note of `notes` on the same passage: a link it has to one of them
 * is kept, any other (a note since deleted, or another note on the passage) gives way to the first of
 * them. Undefined when nothing changed, so that nothing is written.
 */
export function linkNotes(state: MyPackState, notes: readonly NoteRef[]): MyPackState | undefined {
  if (notes.length === 0) return undefined;
  let changed = false;
  const passages = { ...state.passages };
  for (const [sourceId, passage] of Object.entries(passages)) {
    const canonical = state.pack.sources.find((s) => s.id === sourceId)?.url;
    const matching = notes.filter((n) => samePassage(n, passage, canonical));
    if (matching.length === 0 || matching.some((n) => n.id === passage.noteId)) continue;
    passages[sourceId] = { ...passage, noteId: matching[0]!.id };
    changed = true;
  }
  return changed ? { ...state, passages } : undefined;
}

/** The recorded items with a source linked to the note `noteId`. */
export function recordedForNote(state: MyPackState, noteId: string): RecordedLink[] {
  return browseMyPack(state).flatMap((incident) =>
    incident.items
      .filter((item) => item.sources.some((s) => s.passage?.noteId === noteId))
      .map((item) => ({
        key: item.key,
        kind: item.kind,
        actor: item.actor,
        stance: item.stance,
        incident: incident.name,
      })),
  );
}

/** The ids of the notes My pack's passages are linked to. */
export function linkedNoteIds(state: MyPackState): string[] {
  return [...new Set(Object.values(state.passages).flatMap((p) => (p.noteId ? [p.noteId] : [])))];
}
