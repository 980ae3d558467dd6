import { describe, expect, it } from 'vitest';
import { NotesRepository } from '../../../lib/notes/notes-repository';
import { freshDb, noteInput, testClock } from './helpers';

describe('recent notes', () => {
  it('lists notes newest first, up to the limit', async () => {
    const clock = testClock();
    const repo = new NotesRepository(freshDb(), { now: clock.now });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      ids.push((await repo.save(noteInput())).id);
      clock.tick();
    }
    expect((await repo.recent()).map((n) => n.id)).toEqual([...ids].reverse());
    expect((await repo.recent(2)).map((n) => n.id)).toEqual([ids[4], ids[3]]);
  });
});
