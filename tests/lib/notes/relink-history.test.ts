// Re-linking keeps the passage a note was first saved on: stored, kept through undo, in the JSON export and back.
import { describe, expect, it } from 'vitest';
import * as requests from '../../../lib/notes/note-requests';
import { fromClaimLensJson, toClaimLensJson } from '../../../lib/notes/exchange/json';
import { messageGuards } from '../../../lib/message-guards';
import { noteInput, repositoryPerTest } from './helpers';

const setup = repositoryPerTest();

const passage = (exact: string) => ({ quote: { exact, prefix: '', suffix: '' } });

describe('re-linking keeps the original passage', () => {
  it('keeps the first passage however often the note moves, and none once it is back on those words', async () => {
    const { repo } = setup();
    const orphan = await repo.save(noteInput({ anchorStatus: 'orphan' }));
    const first = orphan.selectors.quote.exact;
    expect(orphan.originalQuote).toBeUndefined();

    const moved = await requests.relinkNote(repo, {
      id: orphan.id,
      selectors: passage('Investigators have since closed that line'),
      entityIds: [],
      incidentIds: [],
    });
    expect(moved.ok && moved.note.originalQuote).toBe(first);
    expect((await repo.get(orphan.id))!.originalQuote).toBe(first);

    await requests.relinkNote(repo, {
      id: orphan.id,
      selectors: passage('A third wording of the same claim'),
      entityIds: [],
      incidentIds: [],
    });
    expect((await repo.get(orphan.id))!.originalQuote).toBe(first);

    await requests.relinkNote(repo, {
      id: orphan.id,
      selectors: passage(first),
      entityIds: [],
      incidentIds: [],
    });
    expect((await repo.get(orphan.id))!.originalQuote).toBeUndefined();
  });

  it('is put back with the note by undo, and passes the restore message’s check', async () => {
    const { repo } = setup();
    const orphan = await repo.save(noteInput({ anchorStatus: 'orphan' }));
    await requests.relinkNote(repo, {
      id: orphan.id,
      selectors: passage('Investigators have since closed that line'),
      entityIds: [],
      incidentIds: [],
    });
    const deleted = await requests.deleteNote(repo, orphan.id);
    if (!deleted.ok) throw new Error('not deleted');
    expect(messageGuards.restoreNote(deleted.note)).toBe(true);
    expect(messageGuards.restoreNote({ ...deleted.note, originalQuote: 42 })).toBe(false);
    const restored = await requests.restoreNote(repo, deleted.note);
    expect(restored.ok && restored.note).toEqual(deleted.note);
    expect(await repo.get(orphan.id)).toEqual(deleted.note);
  });

  it('goes into the JSON export and comes back from it', async () => {
    const { repo } = setup();
    const orphan = await repo.save(noteInput({ anchorStatus: 'orphan' }));
    await requests.relinkNote(repo, {
      id: orphan.id,
      selectors: passage('Investigators have since closed that line'),
      entityIds: [],
      incidentIds: [],
    });
    const note = (await repo.get(orphan.id))!;
    const file = toClaimLensJson([note], { now: 0 });
    expect(JSON.parse(file).notes[0].originalQuote).toBe(orphan.selectors.quote.exact);
    expect(fromClaimLensJson(file)).toEqual([note]);
    const wrong = JSON.parse(file);
    wrong.notes[0].originalQuote = ['not', 'text'];
    expect(() => fromClaimLensJson(JSON.stringify(wrong))).toThrow(/originalQuote/);
  });
});
