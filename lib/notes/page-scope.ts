// The notes a content script may touch: those of the page it runs in (the background's check before it changes a note for a page).
import type { Note } from './note-types';
import type { NotesRepository } from './notes-repository';
import { normalizeUrl, pageKeyFor } from './page-identity';

type Repo = Pick<NotesRepository, 'pageAliases' | 'existing'>;

/**
 * Whether notes filed under `key` are notes of the page loaded at `url` (the address the browser
 * gives for the sender): the page's own key, a canonical the page confirms (page-identity.ts), or a
 * key linked to it in one step by the pages table — the same notes `openPage` hands the page.
 */
export async function keyBelongsTo(repo: Repo, key: string, url: string): Promise<boolean> {
  let own: string;
  let address: string;
  try {
    if (pageKeyFor({ url, canonical: key }) === key) return true;
    own = pageKeyFor({ url });
    address = normalizeUrl(url);
  } catch {
    return false; // not a web page: it has no notes
  }
  if (key === address) return true;
  const [ofKey, ofOwn] = await Promise.all([repo.pageAliases(key), repo.pageAliases(own)]);
  return ofKey.includes(address) || ofKey.includes(own) || ofOwn.includes(key);
}

/** The notes among `ids` that belong to the page loaded at `url` (others, and unknown ids, left out). */
export async function notesOfPage(
  repo: Repo,
  ids: readonly string[],
  url: string,
): Promise<Map<string, Note>> {
  const found = await repo.existing(ids);
  const verdicts = new Map<string, Promise<boolean>>();
  const owned = new Map<string, Note>();
  for (const [id, note] of found) {
    let verdict = verdicts.get(note.pageKey);
    if (!verdict) verdicts.set(note.pageKey, (verdict = keyBelongsTo(repo, note.pageKey, url)));
    if (await verdict) owned.set(id, note);
  }
  return owned;
}

/**
 * Whether a page may put back this note (the undo of its own delete): the note is filed under a key
 * of the page, says it was saved on the page, and its id is not a note of another page that it would
 * overwrite.
 */
export async function mayRestore(
  repo: Repo,
  note: Pick<Note, 'id' | 'pageKey' | 'url'>,
  url: string,
): Promise<boolean> {
  if (!(await keyBelongsTo(repo, note.pageKey, url))) return false;
  if (!(await keyBelongsTo(repo, note.pageKey, note.url))) return false;
  const stored = (await repo.existing([note.id])).get(note.id);
  return !stored || (await keyBelongsTo(repo, stored.pageKey, url));
}
