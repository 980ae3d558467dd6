import { describe, expect, it } from 'vitest';
import { NotesRepository } from '../../../lib/notes/notes-repository';
import type { Note } from '../../../lib/notes/note-types';
import { freshDb, noteInput, testClock } from './helpers';

describe('importing many notes', () => {
  it('stores them all, and tells which ids already exist', async () => {
    const repo = new NotesRepository(freshDb(), { now: testClock().now });
    const kept = await repo.save(noteInput());
    const incoming: Note[] = [
      { ...kept, id: 'imported-1', text: 'From a file' },
      { ...kept, id: 'imported-2' },
    ];
    expect(await repo.restoreAll(incoming)).toBe(2);
    expect(await repo.count()).toBe(3);
    expect([...(await repo.existing(['imported-1', 'missing', kept.id])).keys()].sort()).toEqual(
      [kept.id, 'imported-1'].sort(),
    );
  });

  it('stores nothing when one of them is refused', async () => {
    const repo = new NotesRepository(freshDb(), { now: testClock().now });
    const kept = await repo.save(noteInput());
    const bad = { ...kept, id: 'bad', color: 'no-such-colour' } as Note;
    await expect(repo.restoreAll([{ ...kept, id: 'good' }, bad])).rejects.toThrow();
    expect(await repo.count()).toBe(1);
  });
});
