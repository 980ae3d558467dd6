import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { MyPackDatabase, MyPackStore } from '../../../lib/mypack/my-pack-store';
import { MY_PACK_ID } from '../../../lib/mypack/my-pack';
import { recordItem, type Known } from '../../../lib/mypack/record';
import { withMyPack } from '../../../lib/mypack/with-my-pack';
import { KnowledgeBase } from '../../../lib/knowledge/knowledge-base';
import { testPack } from '../../fixtures/test-pack';

let db: MyPackDatabase;
let store: MyPackStore;
let changes: number;

beforeEach(() => {
  db = new MyPackDatabase(`mine-${crypto.randomUUID()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  changes = 0;
  store = new MyPackStore(db, { today: () => '2026-12-07', now: () => 5000, onChange: () => void changes++ });
});
afterEach(() => db.close());

const kb = new KnowledgeBase([testPack()]);
const known: Known = { incidents: kb.incidents, entities: kb.entities, mineLabel: 'Recorded by you' };
const request = {
  item: { kind: 'claim' as const, actor: { id: 'group-hamas' }, stance: 'claimed' as const },
  incident: { id: 'incident-zakura-2017' },
  source: { url: 'https://daily.example/a', publisher: 'Daily', title: 'A', accessed: '2026-12-07' },
  passage: { url: 'https://daily.example/a', selectors: { quote: { exact: 'q', prefix: '', suffix: '' } } },
};

describe('My pack’s store', () => {
  it('starts empty, keeps what was recorded, and announces each change once', async () => {
    const before = await store.read();
    expect(before.revision).toBe(0);
    expect(before.state.pack.id).toBe(MY_PACK_ID);
    const outcome = await store.change((state) => recordItem(state, request, known, 1, '2026-12-07'));
    expect(outcome.ok).toBe(true);
    expect(changes).toBe(1);
    const after = await store.read();
    expect(after.revision).toBe(5000);
    expect(after.state.pack.incidents[0]!.claims).toHaveLength(1);
  });

  it('writes a change cards do not show (a link to a note) without announcing it', async () => {
    await store.change((state) => recordItem(state, request, known, 1, '2026-12-07'));
    const outcome = await store.change(
      (state) => ({
        ok: true as const,
        state: {
          ...state,
          passages: Object.fromEntries(
            Object.entries(state.passages).map(([id, p]) => [id, { ...p, noteId: 'note-1' }]),
          ),
        },
      }),
      { announce: false },
    );
    expect(outcome.ok).toBe(true);
    expect(changes).toBe(1);
    expect(Object.values((await store.read()).state.passages)[0]!.noteId).toBe('note-1');
  });

  it('writes nothing and announces nothing when the change is refused', async () => {
    const bad = { ...request, source: { ...request.source, url: 'data:text/html,x' } };
    const outcome = await store.change((state) => recordItem(state, bad, known, 1, '2026-12-07'));
    expect(outcome.ok).toBe(false);
    expect(changes).toBe(0);
    expect((await store.read()).revision).toBe(0);
  });

  it('is merged after the enabled packs, named "Recorded by you", only once it says something', async () => {
    const enabled = { packs: [testPack()], key: 'bundled', labels: ['Test pack'] };
    expect(withMyPack(enabled, await store.read())).toBe(enabled);
    await store.change((state) => recordItem(state, request, known, 1, '2026-12-07'));
    const loaded = withMyPack(enabled, await store.read());
    expect(loaded.packs.map((p) => p.id)).toEqual(['test-pack', MY_PACK_ID]);
    expect(loaded.labels).toEqual(['Test pack', 'Recorded by you']);
    expect(loaded.key).toBe('bundled|mine@5000');
  });
});
