// Tests for the schema history: a database written by the version 1 release opens, migrated, with version 2.
import { afterEach, describe, expect, it, vi } from 'vitest';
import Dexie, { type DexieOptions, type Table } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { NOTES_DB_NAME, NotesDatabase, noteFromV1, notesDb } from '../../../lib/notes/db';
import { NotesRepository } from '../../../lib/notes/notes-repository';

/** Notes as the version 1 release stored them: no site, terms, linked ids or anchor status. */
interface NoteV1 {
  id: string;
  pageKey: string;
  url: string;
  pageTitle: string;
  selectors: {
    quote: { exact: string; prefix: string; suffix: string };
    position?: { start: number; end: number };
  };
  text: string;
  tags: string[];
  color: string;
  createdAt: number;
  updatedAt: number;
}

/** The database class of the previous release, which declared version 1 only. */
class NotesDatabaseV1 extends Dexie {
  notes!: Table<NoteV1, string>;
  pages!: Table<{ key: string; url: string; title: string; seenAt: number }, string>;

  constructor(name: string, options: DexieOptions) {
    super(name, options);
    this.version(1).stores({ notes: 'id, pageKey, createdAt', pages: 'key' });
  }
}

const v1Notes: NoteV1[] = [
  {
    id: 'a1',
    pageKey: 'https://www.example-news.test/world/market',
    url: 'https://www.example-news.test/world/market?utm_source=x',
    pageTitle: 'Market attack in Qalat',
    selectors: {
      quote: { exact: 'The Zakúra Front said it carried out the attack', prefix: 'On Friday, ', suffix: '.' },
      position: { start: 10, end: 57 },
    },
    text: 'Unverified claim.',
    tags: ['claims'],
    color: 'claim',
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_500_000,
  },
  {
    id: 'a2',
    pageKey: 'https://www.example-news.test/world/market',
    url: 'https://www.example-news.test/world/market',
    pageTitle: 'Market attack in Qalat',
    selectors: { quote: { exact: 'Police said twelve people died', prefix: '', suffix: '' } },
    text: '',
    tags: [],
    color: 'official',
    createdAt: 1_700_000_100_000,
    updatedAt: 1_700_000_100_000,
  },
  {
    id: 'b1',
    pageKey: 'https://wire.test/denial',
    url: 'https://wire.test/denial',
    pageTitle: 'Group denies role',
    selectors: { quote: { exact: 'A spokesman denied any involvement', prefix: '', suffix: '' } },
    text: 'Compare with the Telegram post.',
    tags: ['denials', 'follow up'],
    color: 'follow-up',
    createdAt: 1_700_000_200_000,
    updatedAt: 1_700_000_300_000,
  },
];

async function writeV1Database(name: string, factory: IDBFactory): Promise<void> {
  const v1 = new NotesDatabaseV1(name, { indexedDB: factory, IDBKeyRange });
  await v1.notes.bulkPut(v1Notes);
  await v1.pages.put({
    key: 'https://wire.test/denial',
    url: 'https://wire.test/denial',
    title: 'T',
    seenAt: 1,
  });
  expect(v1.verno).toBe(1);
  v1.close();
}

describe('migration from version 1', () => {
  it('keeps every note and fills the version 2 fields', async () => {
    const name = `test-${crypto.randomUUID()}`;
    const factory = new IDBFactory();
    await writeV1Database(name, factory);

    const db = new NotesDatabase(name, { indexedDB: factory, IDBKeyRange });
    try {
      const notes = await db.notes.orderBy('id').toArray();
      expect(db.verno).toBe(2);
      expect(notes).toHaveLength(v1Notes.length);
      notes.forEach((note, i) => {
        const old = v1Notes[i]!;
        // everything the reader wrote is still there, unchanged
        expect(note).toMatchObject(old);
        expect(note.entityIds).toEqual([]);
        expect(note.incidentIds).toEqual([]);
        expect(note.anchorStatus).toBe('unknown');
        expect(note.terms.length).toBeGreaterThan(0);
      });
      expect(notes.map((n) => n.site)).toEqual(['example-news.test', 'example-news.test', 'wire.test']);
      expect(notes[0]!.terms).toEqual(
        expect.arrayContaining(['unverified', 'zakura', 'claims', 'qalat', 'news']),
      );
      expect(await db.pages.get('https://wire.test/denial')).toMatchObject({ aliases: [] });

      // the new indexes answer for the old notes
      expect(await db.notes.where('site').equals('wire.test').primaryKeys()).toEqual(['b1']);
      expect(await db.notes.where('tags').equals('claims').primaryKeys()).toEqual(['a1']);

      const repo = new NotesRepository(db);
      expect((await repo.search('zak')).map((n) => n.id)).toEqual(['a1']);
      expect((await repo.search('telegram follow')).map((n) => n.id)).toEqual(['b1']);
      expect((await repo.search('twelve')).map((n) => n.id)).toEqual(['a2']);
      expect((await repo.forPage('https://www.example-news.test/world/market')).map((n) => n.id)).toEqual([
        'a1',
        'a2',
      ]);
      // migrated notes can be edited like new ones
      const edited = await repo.update('a2', { text: 'Toll later revised to 14.' });
      expect(edited).toMatchObject({ text: 'Toll later revised to 14.', createdAt: v1Notes[1]!.createdAt });
    } finally {
      db.close();
    }

    // opening again runs no migration and changes nothing
    const again = new NotesDatabase(name, { indexedDB: factory, IDBKeyRange });
    expect(await again.notes.count()).toBe(v1Notes.length);
    again.close();
  });

  it('creates a new database at version 2 directly', async () => {
    const db = new NotesDatabase(`test-${crypto.randomUUID()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(2);
    expect(db.tables.map((t) => t.name).sort()).toEqual(['notes', 'pages']);
    expect(db.notes.schema.indexes.map((i) => i.name).sort()).toEqual(
      [
        'color',
        'createdAt',
        'entityIds',
        'incidentIds',
        'pageKey',
        'site',
        'tags',
        'terms',
        'updatedAt',
      ].sort(),
    );
    db.close();
  });
});

describe('noteFromV1', () => {
  it('fills what is missing and keeps fields it does not know', () => {
    const note = noteFromV1({
      id: 'x',
      pageKey: 'https://example.test/a',
      selectors: { quote: { exact: 'Quoted words' } },
      color: 'purple',
      createdAt: 5,
      legacyFlag: true,
    });
    expect(note).toMatchObject({
      id: 'x',
      url: 'https://example.test/a',
      site: 'example.test',
      pageTitle: '',
      text: '',
      tags: [],
      color: 'highlight',
      createdAt: 5,
      updatedAt: 5,
      anchorStatus: 'unknown',
      selectors: { quote: { exact: 'Quoted words', prefix: '', suffix: '' } },
      legacyFlag: true,
    });
    expect(note.terms).toEqual(['quoted', 'words', 'example', 'test']);
  });
});

describe('the shared database', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('is one instance, named claimlens', () => {
    expect(notesDb()).toBe(notesDb());
    expect(notesDb().name).toBe(NOTES_DB_NAME);
  });

  it('refuses to run in a web page (a content script)', () => {
    vi.stubGlobal('location', { protocol: 'https:' });
    expect(() => notesDb()).toThrow('background worker and extension pages only');
    vi.stubGlobal('location', { protocol: 'chrome-extension:' });
    expect(notesDb()).toBeInstanceOf(NotesDatabase);
  });
});
