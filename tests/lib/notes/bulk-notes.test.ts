// Several notes at once (the popup's selection): delete with undo, add and remove a tag, re-link an
// orphan; each one transaction, all or nothing.
import { describe, expect, it } from 'vitest';
import type { NotesRepository } from '../../../lib/notes/notes-repository';
import * as requests from '../../../lib/notes/note-requests';
import { noteInput, repositoryPerTest, spyOnCore } from './helpers';

const setup = repositoryPerTest();

async function saveThree(repo: NotesRepository) {
  return Promise.all([
    repo.save(noteInput({ tags: ['claims'] })),
    repo.save(noteInput({ tags: ['police', 'ISIS'] })),
    repo.save(noteInput({ tags: [] })),
  ]);
}

describe('deleting several notes', () => {
  it('deletes them in one write and gives them back; undo restores every one exactly', async () => {
    const { db, repo } = setup();
    const calls = spyOnCore(db);
    const [a, b, c] = await saveThree(repo);
    const before = calls.length;
    const deleted = await repo.deleteMany([a.id, c.id, 'no-such-note']);
    expect(deleted.map((n) => n.id).sort()).toEqual([a.id, c.id].sort());
    // One read of the three ids, one write deleting both.
    expect(calls.slice(before).map((call) => call.op)).toEqual(['getMany', 'mutate']);
    expect(await repo.count()).toBe(1);
    expect(await repo.get(b.id)).toEqual(b);

    const result = await requests.restoreNotes(repo, deleted);
    expect(result.ok).toBe(true);
    expect(await repo.get(a.id)).toEqual(a);
    expect(await repo.get(c.id)).toEqual(c);
    expect(await repo.search('zakura', { limit: 10 })).toHaveLength(3);
  });

  it('answers a request with the deleted notes, and an empty list when none existed', async () => {
    const { repo } = setup();
    const [a] = await saveThree(repo);
    const result = await requests.deleteNotes(repo, [a.id]);
    expect(result).toEqual({ ok: true, notes: [a] });
    expect(await requests.deleteNotes(repo, [a.id])).toEqual({ ok: true, notes: [] });
  });

  it('restores none when one of them is refused', async () => {
    const { repo } = setup();
    const [a, b] = await saveThree(repo);
    const deleted = await repo.deleteMany([a.id, b.id]);
    const result = await requests.restoreNotes(repo, [deleted[0]!, { ...deleted[1]!, color: 'nope' }]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/not restored.*colour/);
    expect(await repo.count()).toBe(1);
  });
});

describe('tagging several notes', () => {
  it('adds a tag where it is missing (compared without case), searchable at once', async () => {
    const { repo, clock } = setup();
    const [a, b, c] = await saveThree(repo);
    clock.tick();
    const changed = await repo.retag([a.id, b.id, c.id], { add: 'isis' });
    // b already has "ISIS".
    expect(changed.map((n) => n.id).sort()).toEqual([a.id, c.id].sort());
    expect((await repo.get(a.id))!.tags).toEqual(['claims', 'isis']);
    expect((await repo.get(b.id))!.tags).toEqual(['police', 'ISIS']);
    expect((await repo.get(c.id))!.updatedAt).toBe(clock.now());
    expect((await repo.get(b.id))!.updatedAt).toBe(b.updatedAt);
    expect((await repo.search('isis', { limit: 10 })).map((n) => n.id).sort()).toEqual(
      [a.id, b.id, c.id].sort(),
    );
  });

  it('removes a tag from the notes that have it, keeping the rest of each note', async () => {
    const { repo } = setup();
    const [a, b] = await saveThree(repo);
    const result = await requests.retagNotes(repo, { ids: [a.id, b.id], remove: 'Isis' });
    expect(result.ok && result.notes.map((n) => n.id)).toEqual([b.id]);
    const after = (await repo.get(b.id))!;
    expect(after.tags).toEqual(['police']);
    expect(after).toMatchObject({ text: b.text, color: b.color, createdAt: b.createdAt });
    expect(await repo.search('isis', { limit: 10 })).toEqual([]);
  });

  it('changes nothing when one note cannot take the tag (all or nothing), and says why', async () => {
    const { repo } = setup();
    const full = await repo.save(noteInput({ tags: Array.from({ length: 50 }, (_, i) => `tag ${i}`) }));
    const [a] = await saveThree(repo);
    const result = await requests.retagNotes(repo, { ids: [a.id, full.id], add: 'one more' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain('at most 50 tags');
    expect((await repo.get(a.id))!.tags).toEqual(['claims']);
  });

  it('refuses a blank tag', async () => {
    const { repo } = setup();
    const [a] = await saveThree(repo);
    await expect(repo.retag([a.id], { add: '   ' })).rejects.toThrow(/no tag/);
  });
});

describe('re-linking an orphan', () => {
  it('gives the note its new passage and keeps its id, text, tags, colour and creation time', async () => {
    const { repo, clock } = setup();
    const orphan = await repo.save(noteInput({ anchorStatus: 'orphan' }));
    clock.tick();
    const selectors = {
      quote: { exact: 'Investigators have since closed that line', prefix: 'x ', suffix: ' y' },
      position: { start: 10, end: 51 },
    };
    const result = await requests.relinkNote(repo, {
      id: orphan.id,
      selectors,
      entityIds: [],
      incidentIds: ['incident-zakura-2017'],
    });
    expect(result.ok).toBe(true);
    const after = (await repo.get(orphan.id))!;
    expect(after).toMatchObject({
      id: orphan.id,
      text: orphan.text,
      tags: orphan.tags,
      color: orphan.color,
      createdAt: orphan.createdAt,
      pageKey: orphan.pageKey,
      selectors,
      entityIds: [],
      incidentIds: ['incident-zakura-2017'],
      anchorStatus: 'anchored',
      updatedAt: clock.now(),
    });
    expect((await repo.search('investigators', { limit: 5 })).map((n) => n.id)).toEqual([orphan.id]);
  });

  it('says so when the note no longer exists', async () => {
    const { repo } = setup();
    const result = await requests.relinkNote(repo, {
      id: 'gone-note-1',
      selectors: { quote: { exact: 'x', prefix: '', suffix: '' } },
      entityIds: [],
      incidentIds: [],
    });
    expect(result).toEqual({ ok: false, error: { kind: 'invalid', message: 'This note no longer exists.' } });
  });
});
