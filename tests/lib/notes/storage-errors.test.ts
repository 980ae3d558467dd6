// Tests for storage failures (full disk, storage unavailable) and refused input: clear errors, nothing changed.
import { afterEach, describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import type { NotesDatabase } from '../../../lib/notes/db';
import { NOTE_LIMITS, NotesRepository, type NoteInput } from '../../../lib/notes/notes-repository';
import { NotesStorageError, toStorageError } from '../../../lib/notes/storage-errors';
import { freshDb, noteInput, spyOnCore } from './helpers';

const quotaError = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('toStorageError', () => {
  it('recognises a full disk, however it is wrapped', () => {
    const wrapped = [
      quotaError(),
      new Dexie.QuotaExceededError('quota'),
      new Dexie.AbortError('Transaction aborted', quotaError()),
      new Dexie.OpenFailedError(new Dexie.AbortError('aborted', quotaError())),
      new Dexie.BulkError('1 of 2 operations failed', { 1: quotaError() }),
      new Error('write failed', { cause: quotaError() }),
      { name: 'NS_ERROR_DOM_QUOTA_REACHED', message: '' },
    ];
    for (const error of wrapped) {
      const mapped = toStorageError(error);
      expect(mapped).toBeInstanceOf(NotesStorageError);
      expect(mapped.kind).toBe('quota');
      expect(mapped.cause).toBe(error);
    }
    expect(toStorageError(quotaError()).message).toBe(
      'Your disk is full: the note was not saved. Nothing already saved was changed. Free some disk space and try again.',
    );
    expect(toStorageError(quotaError(), 'failedNoteNotDeleted').message).toMatch(
      /^Your disk is full: the note was not deleted\./,
    );
  });

  it('says when the storage cannot be opened', () => {
    for (const error of [
      new Dexie.MissingAPIError('indexedDB API missing'),
      new Dexie.OpenFailedError(new DOMException('A mutation operation was attempted', 'InvalidStateError')),
      new Dexie.DatabaseClosedError('closed'),
      new DOMException('Internal error opening backing store', 'UnknownError'),
    ]) {
      const mapped = toStorageError(error);
      expect(mapped.kind).toBe('unavailable');
      expect(mapped.message).toContain("would not open ClaimLens's notes storage");
      expect(mapped.message).toContain('Nothing already saved was changed.');
    }
    const newer = toStorageError(
      new Dexie.OpenFailedError(new Dexie.VersionError('requested version is less')),
    );
    expect(newer.kind).toBe('unavailable');
    expect(newer.message).toContain('newer version of ClaimLens');
  });

  it('tells refused data from unknown failures and keeps its own errors', () => {
    expect(toStorageError(new Dexie.DataError('bad key')).kind).toBe('invalid');
    expect(toStorageError(new Dexie.AbortError('aborted', new Dexie.ConstraintError('dup'))).kind).toBe(
      'invalid',
    );
    expect(toStorageError(new TypeError('x is undefined')).kind).toBe('unknown');
    expect(toStorageError('a string').kind).toBe('unknown');
    const own = new NotesStorageError('invalid', 'The note was not saved: no quote.');
    expect(toStorageError(own)).toBe(own);
  });
});

describe('repository failures', () => {
  const opened: NotesDatabase[] = [];

  function setup() {
    const db = freshDb();
    opened.push(db);
    const calls = spyOnCore(db);
    return { db, calls, repo: new NotesRepository(db) };
  }

  afterEach(() => {
    vi.restoreAllMocks();
    for (const db of opened.splice(0)) db.close();
  });

  it('a full disk: save rejects with kind quota and the saved notes are unchanged (put rejects)', async () => {
    const { db, repo } = setup();
    const kept = await repo.save(noteInput());
    const other = await repo.save(noteInput({ text: 'second note' }));
    const before = await db.notes.orderBy('id').toArray();

    vi.spyOn(db.notes, 'put').mockRejectedValue(quotaError());
    const error = await repo.save(noteInput()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotesStorageError);
    expect(error).toMatchObject({
      kind: 'quota',
      message:
        'Your disk is full: the note was not saved. Nothing already saved was changed. Free some disk space and try again.',
    });
    await expect(repo.save({ ...kept, text: 'edited' } as NoteInput)).rejects.toMatchObject({
      kind: 'quota',
    });
    await expect(repo.update(other.id, { text: 'edited' })).rejects.toMatchObject({
      kind: 'quota',
      message: expect.stringContaining('the change was not saved'),
    });

    vi.restoreAllMocks();
    expect(await db.notes.orderBy('id').toArray()).toEqual(before);
  });

  it('a full disk reported by IndexedDB itself (below Dexie) aborts the whole transaction', async () => {
    const db = freshDb();
    opened.push(db);
    let full = false;
    db.use({
      stack: 'dbcore',
      name: 'full-disk',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          return {
            ...table,
            mutate: (req) =>
              full ? Promise.reject(new Dexie.AbortError('aborted', quotaError())) : table.mutate(req),
          };
        },
      }),
    });
    const repo = new NotesRepository(db);
    const saved = await repo.save(noteInput());
    full = true;
    await expect(repo.save(noteInput())).rejects.toMatchObject({ kind: 'quota' });
    await expect(repo.delete(saved.id)).rejects.toMatchObject({
      kind: 'quota',
      message: expect.stringContaining('the note was not deleted'),
    });
    await expect(repo.setAnchorStatuses([{ id: saved.id, status: 'orphan' }])).rejects.toMatchObject({
      kind: 'quota',
    });
    full = false;
    expect(await db.notes.toArray()).toEqual([saved]);
  });

  it('storage that cannot be opened: kind unavailable', async () => {
    const db = freshDb();
    opened.push(db);
    vi.spyOn(db.notes, 'get').mockRejectedValue(new Dexie.DatabaseClosedError('Database has been closed'));
    await expect(new NotesRepository(db).save(noteInput())).rejects.toMatchObject({ kind: 'unavailable' });
  });

  const tooLong = (n: number) => 'x'.repeat(n + 1);
  const quote = (exact: string) => ({ quote: { exact, prefix: '', suffix: '' } });
  const refused: [string, Partial<NoteInput> | ((input: NoteInput) => unknown), string][] = [
    ['no quote', { selectors: undefined as never }, 'The note was not saved: the quoted passage is missing.'],
    ['a blank quote', { selectors: quote('   ') }, 'The note was not saved: the quoted passage is missing.'],
    [
      'a quote over 100,000 characters',
      { selectors: quote(tooLong(NOTE_LIMITS.quoteLength)) },
      'The note was not saved: the quoted passage is longer than 100,000 characters.',
    ],
    [
      'a note over 100,000 characters',
      { text: tooLong(NOTE_LIMITS.textLength) },
      'The note was not saved: the note is longer than 100,000 characters.',
    ],
    [
      'more than 50 tags',
      { tags: Array.from({ length: 51 }, (_, i) => `tag${i}`) },
      'The note was not saved: a note can have at most 50 tags (this one has 51).',
    ],
    [
      'an unknown colour',
      { color: 'purple' },
      'The note was not saved: the colour "purple" is not one of highlight, claim, official, disputed, follow-up.',
    ],
    ['no id', { id: '' }, 'The note was not saved: the note has no id.'],
    ['no page key', { pageKey: '' }, 'The note was not saved: the page it belongs to is missing.'],
    [
      'a page that is not a web page',
      { url: 'chrome://settings' },
      'The note was not saved: Notes can only be kept for web pages (http or https), not for "chrome:" addresses.',
    ],
    [
      'a backwards position',
      { selectors: { ...quote('words'), position: { start: 9, end: 3 } } },
      'The note was not saved: the position of the quoted passage is invalid.',
    ],
    [
      'an unknown anchor status',
      { anchorStatus: 'lost' as never },
      'The note was not saved: "lost" is not an anchor status.',
    ],
    [
      'tags that are not a list',
      { tags: 'claims' as never },
      'The note was not saved: the tags are not a list.',
    ],
    ['no note at all', () => null, 'The note was not saved: there is no note.'],
  ];

  it.each(refused)('refuses %s with a clear error and writes nothing', async (_, change, message) => {
    const { repo, calls } = setup();
    const base = noteInput();
    const input = typeof change === 'function' ? change(base) : { ...base, ...change };
    const error = await repo.save(input as NoteInput).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotesStorageError);
    expect(error).toMatchObject({ kind: 'invalid', message });
    expect(calls.filter((c) => c.op === 'mutate')).toEqual([]);
    expect(await repo.count()).toBe(0);
  });

  it('refuses an edit that breaks the rules and keeps the note as it was', async () => {
    const { repo } = setup();
    const saved = await repo.save(noteInput());
    await expect(repo.update(saved.id, { color: 'neon' })).rejects.toMatchObject({
      kind: 'invalid',
      message: expect.stringMatching(/^The change was not saved: the colour "neon"/),
    });
    await expect(repo.update(saved.id, { text: tooLong(NOTE_LIMITS.textLength) })).rejects.toMatchObject({
      kind: 'invalid',
    });
    expect(await repo.get(saved.id)).toEqual(saved);
  });

  it('cuts an over-long page title instead of refusing the note (the reader cannot fix it)', async () => {
    const { repo } = setup();
    const saved = await repo.save(noteInput({ pageTitle: tooLong(5000) }));
    expect(saved.pageTitle).toHaveLength(NOTE_LIMITS.titleLength);
  });
});
