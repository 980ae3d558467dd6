// Shared by the notes tests: a fresh in-memory database per test, a clock, note inputs and a DBCore spy.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { DBCore, DBCoreTable } from 'dexie';
import { NotesDatabase } from '../../../lib/notes/db';
import { afterEach } from 'vitest';
import { NotesRepository, type NoteInput } from '../../../lib/notes/notes-repository';

/** A database of its own: a fresh name in a fresh IndexedDB factory. */
export function freshDb(name = `test-${crypto.randomUUID()}`, factory = new IDBFactory()): NotesDatabase {
  return new NotesDatabase(name, { indexedDB: factory, IDBKeyRange });
}

/** A clock the test moves by hand. */
export function testClock(start = Date.UTC(2024, 4, 11, 9, 0)) {
  let time = start;
  return {
    now: () => time,
    tick: (ms = 60_000) => (time += ms),
  };
}

let counter = 0;

/** A valid note input; each call makes a new id unless one is given. */
export function noteInput(overrides: Partial<NoteInput> = {}): NoteInput {
  counter++;
  return {
    id: `note-${counter}-${crypto.randomUUID()}`,
    pageKey: 'https://www.example-news.test/world/attack-on-market',
    url: 'https://www.example-news.test/world/attack-on-market?utm_source=feed',
    pageTitle: 'Attack on Market Claimed by Two Groups',
    selectors: {
      quote: {
        exact: 'The Zakura Front said it carried out the attack',
        prefix: 'On Friday, ',
        suffix: ', a claim police doubt.',
      },
      position: { start: 120, end: 168 },
    },
    text: 'Compare with the police statement.',
    tags: ['claims'],
    color: 'claim',
    entityIds: ['zakura-front'],
    incidentIds: [],
    ...overrides,
  };
}

export interface CoreCall {
  table: string;
  op: 'query' | 'openCursor' | 'count' | 'get' | 'getMany' | 'mutate';
  /** Index used, null for the primary key. */
  index?: string | null;
  /** DBCoreRangeType: 1 equal, 2 range, 3 any (the whole table or index), 4 never. */
  rangeType?: number;
}

/** Records every request that reaches IndexedDB (Dexie's DBCore layer). Call before the database opens. */
export function spyOnCore(db: NotesDatabase): CoreCall[] {
  const calls: CoreCall[] = [];
  db.use({
    stack: 'dbcore',
    name: 'test-spy',
    create: (down: DBCore): Partial<DBCore> => ({
      ...down,
      table: (name: string): DBCoreTable => {
        const table = down.table(name);
        return {
          ...table,
          query: (req) => {
            calls.push({
              table: name,
              op: 'query',
              index: req.query.index.name,
              rangeType: req.query.range.type,
            });
            return table.query(req);
          },
          openCursor: (req) => {
            calls.push({
              table: name,
              op: 'openCursor',
              index: req.query.index.name,
              rangeType: req.query.range.type,
            });
            return table.openCursor(req);
          },
          count: (req) => {
            calls.push({
              table: name,
              op: 'count',
              index: req.query.index.name,
              rangeType: req.query.range.type,
            });
            return table.count(req);
          },
          get: (req) => {
            calls.push({ table: name, op: 'get' });
            return table.get(req);
          },
          getMany: (req) => {
            calls.push({ table: name, op: 'getMany' });
            return table.getMany(req);
          },
          mutate: (req) => {
            calls.push({ table: name, op: 'mutate' });
            return table.mutate(req);
          },
        };
      },
    }),
  });
  return calls;
}

/**
 * For a test file: a function that gives each test its own database, test clock and repository; the
 * databases are closed after each test.
 */
export function repositoryPerTest() {
  const opened: NotesDatabase[] = [];
  afterEach(() => {
    for (const db of opened.splice(0)) db.close();
  });
  return () => {
    const db = freshDb();
    opened.push(db);
    const clock = testClock();
    return { db, clock, repo: new NotesRepository(db, { now: clock.now }) };
  };
}
