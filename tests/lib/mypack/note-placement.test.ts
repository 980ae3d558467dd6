// A note put on a passage the reader recorded from is linked to what was recorded, whether it was
// saved there or re-linked there after its own passage was lost; one on another passage is not.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { KnowledgeBase } from '../../../lib/knowledge/knowledge-base';
import { MyPackDatabase, MyPackStore } from '../../../lib/mypack/my-pack-store';
import { recordItem, type RecordRequest } from '../../../lib/mypack/record';
import { recordedForNote } from '../../../lib/mypack/note-links';
import { relinkNote, saveNote } from '../../../lib/mypack/note-placement';
import type { NoteDraft } from '../../../lib/messaging';
import type { NoteSelectors } from '../../../lib/notes/note-types';
import { NotesRepository } from '../../../lib/notes/notes-repository';
import { testPack } from '../../fixtures/test-pack';
import { freshDb } from '../notes/helpers';

const kb = new KnowledgeBase([testPack()]);
const known = { incidents: kb.incidents, entities: kb.entities, mineLabel: 'Recorded by you' };
const URL_ = 'https://daily.example/valley';

/** The passage the reader recorded a claim from. */
const RECORDED: NoteSelectors = {
  quote: { exact: 'the group said it fired', prefix: 'On Sunday ', suffix: ' on the patrol' },
  position: { start: 120, end: 143 },
};
/** The passage a note was first saved on (since rewritten by the site). */
const LOST: NoteSelectors = {
  quote: { exact: 'officials were still checking', prefix: 'By Monday ', suffix: ' the account' },
  position: { start: 400, end: 429 },
};

let myPackDb: MyPackDatabase;
let store: MyPackStore;
let repo: NotesRepository;

beforeEach(async () => {
  myPackDb = new MyPackDatabase(`mine-${crypto.randomUUID()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  store = new MyPackStore(myPackDb, { today: () => '2026-12-07' });
  repo = new NotesRepository(freshDb());
  const request: RecordRequest = {
    item: { kind: 'claim', actor: { id: 'group-hamas' }, stance: 'claimed' },
    incident: { id: 'incident-zakura-2017' },
    source: { url: URL_, publisher: 'Daily', title: 'A', accessed: '2026-12-07' },
    passage: { url: URL_, selectors: RECORDED },
  };
  const outcome = await store.change((state) => recordItem(state, request, known, 1, '2026-12-07'));
  if (!outcome.ok) throw new Error(outcome.error);
});
afterEach(() => myPackDb.close());

const draft = (selectors: NoteSelectors): NoteDraft => ({
  id: `note-${crypto.randomUUID()}`,
  url: URL_,
  pageTitle: 'Valley',
  selectors,
  text: 'Compare with the police.',
  tags: [],
  color: 'claim',
  entityIds: [],
  incidentIds: [],
});

/** What the note's card lists as recorded from its passage. */
const recordedFor = async (id: string) =>
  recordedForNote((await store.read()).state, id).map((l) => `${l.actor} ${l.stance}`);

describe('a note put on a recorded passage', () => {
  it('is linked to the recorded claim when saved there', async () => {
    const saved = await saveNote(repo, store, draft(RECORDED));
    expect(saved.ok).toBe(true);
    expect(await recordedFor(saved.ok ? saved.note.id : '')).toEqual(['Hamas claimed']);
  });

  it('is linked to the recorded claim when re-linked there from a lost passage', async () => {
    const saved = await saveNote(repo, store, draft(LOST));
    if (!saved.ok) throw new Error(saved.error.message);
    expect(await recordedFor(saved.note.id)).toEqual([]);

    const relinked = await relinkNote(repo, store, {
      id: saved.note.id,
      selectors: RECORDED,
      entityIds: [],
      incidentIds: [],
    });
    expect(relinked.ok).toBe(true);
    expect(await recordedFor(saved.note.id)).toEqual(['Hamas claimed']);
  });

  it('is not linked when re-linked to another passage', async () => {
    const saved = await saveNote(repo, store, draft(LOST));
    if (!saved.ok) throw new Error(saved.error.message);
    const elsewhere: NoteSelectors = {
      quote: { exact: 'a resident said', prefix: 'Later ', suffix: ' the car left' },
      position: { start: 600, end: 615 },
    };
    await relinkNote(repo, store, {
      id: saved.note.id,
      selectors: elsewhere,
      entityIds: [],
      incidentIds: [],
    });
    expect(await recordedFor(saved.note.id)).toEqual([]);
  });
});
