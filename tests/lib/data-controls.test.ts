// Export everything, import it into an empty profile, delete everything: notes, packs, settings and My pack together.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import {
  deleteEverything,
  exportEverything,
  importEverything,
  type DataStores,
} from '../../lib/data-controls';
import { NotesRepository } from '../../lib/notes/notes-repository';
import { PacksDatabase } from '../../lib/packs/packs-db';
import { PackManager } from '../../lib/packs/pack-manager';
import { parseBackup } from '../../lib/backup';
import { DISPLAY_KEY } from '../../lib/display-settings';
import { PAUSE_KEY } from '../../lib/pause-settings';
import { EXPORT_IDENTITY_KEY } from '../../lib/notes/export-identity';
import type { KnowledgePack } from '../../lib/knowledge/pack-types';
import { KnowledgeBase } from '../../lib/knowledge/knowledge-base';
import { MyPackDatabase, MyPackStore } from '../../lib/mypack/my-pack-store';
import { recordItem, type RecordRequest } from '../../lib/mypack/record';
import { freshDb, noteInput } from './notes/helpers';
import { testPack } from '../fixtures/test-pack';

const bundled = (): KnowledgePack => ({ ...testPack(), id: 'claimlens-default', name: 'Bundled pack' });
const teamPack = (): KnowledgePack => ({
  ...testPack(),
  id: 'team-pack',
  name: 'Team pack',
  entities: [{ id: 'group-team', kind: 'group', name: 'Team Front' }],
  incidents: [],
  statements: [],
});

interface Profile {
  stores: DataStores;
  stored: Map<string, unknown>;
  close(): void;
}

/** A browser profile: its own notes database, packs database and extension storage. */
function profile(): Profile {
  const factory = new IDBFactory();
  const notesDb = freshDb(`notes-${crypto.randomUUID()}`, factory);
  const packsDb = new PacksDatabase(`packs-${crypto.randomUUID()}`, { indexedDB: factory, IDBKeyRange });
  const mineDb = new MyPackDatabase(`mine-${crypto.randomUUID()}`, { indexedDB: factory, IDBKeyRange });
  const stored = new Map<string, unknown>();
  const storage = {
    get: async (keys: string[]) =>
      Object.fromEntries(keys.filter((k) => stored.has(k)).map((k) => [k, stored.get(k)])),
    set: async (items: Record<string, unknown>) => {
      for (const [k, v] of Object.entries(items)) stored.set(k, structuredClone(v));
    },
    clear: async () => stored.clear(),
  };
  const packs = new PackManager(packsDb, bundled, {
    onChange: () => void stored.set('claimlens:packs-changed', Date.now()),
  });
  return {
    stores: {
      notes: new NotesRepository(notesDb),
      clearNotes: async () => {
        await notesDb.notes.clear();
        await notesDb.pages.clear();
      },
      packs,
      myPack: new MyPackStore(mineDb, { today: () => '2026-11-21', now: () => 7000 }),
      storage,
      now: () => new Date(Date.UTC(2026, 10, 21)),
    },
    stored,
    close: () => {
      notesDb.close();
      packsDb.close();
      mineDb.close();
    },
  };
}

let source: Profile;
let target: Profile;
beforeEach(async () => {
  source = profile();
  target = profile();
  const repo = source.stores.notes as NotesRepository;
  await repo.save(noteInput({ text: 'First note' }));
  await repo.save(noteInput({ text: 'Second note', tags: ['kashmir'] }));
  await source.stores.packs.installText(JSON.stringify(teamPack()), 'team.json');
  await source.stores.packs.setEnabled('claimlens-default', false);
  await source.stores.storage.set({
    [PAUSE_KEY]: { everywhere: false, sites: ['example.com'] },
    [DISPLAY_KEY]: { kinds: ['group'], scope: 'article', hoverDelayMs: 200 },
    [EXPORT_IDENTITY_KEY]: { name: 'Lina Haddad' },
  });
});
afterEach(() => {
  source.close();
  target.close();
});

describe('everything in one file', () => {
  it('moves notes, packs and settings to an empty profile', async () => {
    const file = await exportEverything(source.stores);
    const outcome = await importEverything(target.stores, file);
    expect(outcome).toEqual({
      ok: true,
      notes: { added: 2, updated: 0, skipped: 0 },
      packs: 1,
      myPack: 0,
      subscriptions: [],
    });

    const notes = await target.stores.notes.recent();
    expect(notes.map((n) => n.text).sort()).toEqual(['First note', 'Second note']);
    const rows = await target.stores.packs.list();
    expect(rows.map((r) => [r.id, r.enabled, r.origin.type])).toEqual([
      ['claimlens-default', false, 'bundled'],
      ['team-pack', true, 'file'],
    ]);
    expect(target.stored.get(DISPLAY_KEY)).toEqual({ kinds: ['group'], scope: 'article', hoverDelayMs: 200 });
    expect(target.stored.get(PAUSE_KEY)).toEqual({ everywhere: false, sites: ['example.com'] });
    expect(target.stored.get(EXPORT_IDENTITY_KEY)).toEqual({ name: 'Lina Haddad' });
    // Exported again, the target's file says the same as the source's.
    expect(await exportEverything(target.stores)).toBe(file);
  });

  it('skips notes the profile already has, unchanged', async () => {
    const file = await exportEverything(source.stores);
    expect(await importEverything(source.stores, file)).toMatchObject({
      ok: true,
      notes: { added: 0, updated: 0, skipped: 2 },
    });
  });

  it('changes nothing when any part of the file is wrong, and says where', async () => {
    const backup = JSON.parse(await exportEverything(source.stores));
    backup.packs[1].pack.entities[0].kind = 'band';
    backup.notes.notes[0].text = 42;
    const outcome = await importEverything(target.stores, JSON.stringify(backup));
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^packs\[1\]\.pack\.entities\[0\]\.kind/),
        expect.stringMatching(/^notes: notes\[0\]\.text/),
      ]),
    );
    expect(await target.stores.notes.count()).toBe(0);
    expect(await target.stores.packs.list()).toHaveLength(1);
    expect(target.stored.size).toBe(0);
  });

  it('refuses unknown or malformed settings, and keeps the reader’s paused sites', async () => {
    await target.stores.storage.set({ [PAUSE_KEY]: { everywhere: false, sites: ['mine.example'] } });
    const backup = JSON.parse(await exportEverything(source.stores));
    for (const change of [
      (b: { settings: Record<string, unknown> }) => (b.settings.pause = 'junk'),
      (b: { settings: Record<string, unknown> }) => (b.settings.pause = { sites: 7 }),
      (b: { settings: Record<string, unknown> }) =>
        (b.settings.display = { kinds: ['group'], scope: 'article', hoverDelayMs: 99_999 }),
      (b: { settings: Record<string, unknown> }) => (b.settings.telemetry = true),
      (b: { settings: Record<string, unknown> }) => (b.settings.exportIdentity = { name: 42 }),
      (b: { settings: Record<string, unknown> }) => (b.settings.exportIdentity = 'Lina'),
      (b: { settings: Record<string, unknown> }) =>
        (b.settings.exportIdentity = { name: 'Lina', email: 'lina@example.org' }),
    ]) {
      const copy = structuredClone(backup);
      change(copy);
      const outcome = await importEverything(target.stores, JSON.stringify(copy));
      expect(outcome.ok).toBe(false);
      expect(!outcome.ok && outcome.errors.join('\n')).toMatch(
        /^settings\.(pause|display|telemetry|exportIdentity): (malformed|unknown setting)/m,
      );
    }
    expect(target.stored.get(PAUSE_KEY)).toEqual({ everywhere: false, sites: ['mine.example'] });
    expect(await target.stores.notes.count()).toBe(0);
  });

  it('leaves a setting the backup does not hold as the profile has it', async () => {
    await target.stores.storage.set({ [PAUSE_KEY]: { everywhere: false, sites: ['mine.example'] } });
    const backup = JSON.parse(await exportEverything(source.stores));
    delete backup.settings.pause;
    expect(await importEverything(target.stores, JSON.stringify(backup))).toMatchObject({ ok: true });
    expect(target.stored.get(PAUSE_KEY)).toEqual({ everywhere: false, sites: ['mine.example'] });
    expect(target.stored.get(DISPLAY_KEY)).toEqual({ kinds: ['group'], scope: 'article', hoverDelayMs: 200 });
  });

  it('restores a subscription disabled, and enables it only once the reader confirms', async () => {
    const backup = JSON.parse(await exportEverything(source.stores));
    backup.packs[1].origin = { type: 'url', url: 'https://packs.example/team.json' };
    const outcome = await importEverything(target.stores, JSON.stringify(backup));
    expect(outcome).toMatchObject({
      ok: true,
      subscriptions: [{ id: 'team-pack', name: 'Team pack', url: 'https://packs.example/team.json' }],
    });
    const row = () => target.stores.packs.list().then((rows) => rows.find((r) => r.id === 'team-pack')!);
    expect(await row()).toMatchObject({ enabled: false, subscription: { unconfirmed: true } });
    // Not asked before it is confirmed: the check sends nothing.
    expect(await target.stores.packs.checkForUpdates()).toEqual([]);
    await target.stores.packs.confirmSubscriptions(['team-pack']);
    expect(await row()).toMatchObject({ enabled: true, subscription: {} });
    expect((await row()).subscription?.unconfirmed).toBeUndefined();
  });

  it('refuses a pack that passes for the bundled one, or is over the pack size limit, before writing anything', async () => {
    const backup = JSON.parse(await exportEverything(source.stores));
    backup.packs[1].pack.name = 'Bundled Pack';
    const outcome = await importEverything(target.stores, JSON.stringify(backup));
    expect(!outcome.ok && outcome.errors).toEqual([
      expect.stringMatching(/^packs\[1\]\.pack: .*name of the bundled pack/),
    ]);
    expect(await target.stores.notes.count()).toBe(0);
    expect(target.stored.size).toBe(0);

    const big = await exportEverything(source.stores);
    const parsed = parseBackup(big, { maxPackBytes: 200 });
    expect(!parsed.ok && parsed.errors).toEqual([
      expect.stringMatching(/^packs\[1\]\.pack: The pack is larger than/),
    ]);
  });

  it('refuses what is not a backup', async () => {
    expect(await importEverything(target.stores, '{"format":"claimlens-notes"}')).toMatchObject({
      ok: false,
      errors: [expect.stringMatching(/not a ClaimLens backup/)],
    });
    expect(await importEverything(target.stores, 'nope')).toMatchObject({ ok: false, errors: [/not JSON/] });
  });

  it('deletes every note, pack and setting, and leaves the bundled pack enabled', async () => {
    await deleteEverything(source.stores);
    expect(await source.stores.notes.count()).toBe(0);
    expect((await source.stores.packs.list()).map((r) => [r.id, r.enabled])).toEqual([
      ['claimlens-default', true],
    ]);
    expect(source.stored.has(DISPLAY_KEY)).toBe(false);
    expect(source.stored.has('claimlens:packs-changed')).toBe(true); // the background rebuilds
  });
});

const kb = new KnowledgeBase([testPack()]);
const known = { incidents: kb.incidents, entities: kb.entities, mineLabel: 'Recorded by you' };

/** Records a claim on the test pack's Zakura attack into a profile's My pack, from a passage of `url`. */
async function recordClaim(into: Profile, actor: RecordRequest['item']['actor'], url: string) {
  const request: RecordRequest = {
    item: { kind: 'claim', actor, stance: 'claimed' },
    incident: { id: 'incident-zakura-2017' },
    source: { url, publisher: 'Daily Example', title: 'Valley attack', accessed: '2026-11-20' },
    passage: { url, selectors: { quote: { exact: 'the group said', prefix: 'On Sunday ', suffix: '' } } },
  };
  const outcome = await into.stores.myPack.change((state) =>
    recordItem(state, request, known, 1000, '2026-11-20'),
  );
  if (!outcome.ok) throw new Error(outcome.error);
}

/** Who claimed the Zakura attack in a profile's My pack, with how many sources each. */
async function claimants(of: Profile): Promise<string[]> {
  const { state } = await of.stores.myPack.read();
  return state.pack.incidents.flatMap((i) => i.claims.map((c) => `${c.claimant} ×${c.sources.length}`));
}

describe('My pack in the backup', () => {
  beforeEach(() => recordClaim(source, { id: 'group-hamas' }, 'https://daily.example/a'));

  it('is exported with its passages and restored as it was in an empty profile', async () => {
    const file = await exportEverything(source.stores);
    expect(JSON.parse(file).myPack.pack.id).toBe('claimlens-mine');
    expect(await importEverything(target.stores, file)).toMatchObject({ ok: true, myPack: 1 });
    const restored = (await target.stores.myPack.read()).state;
    expect(restored).toEqual((await source.stores.myPack.read()).state);
    expect(Object.values(restored.passages)[0]).toMatchObject({
      url: 'https://daily.example/a',
      selectors: { quote: { exact: 'the group said' } },
    });
  });

  it('keeps what the profile recorded, adds what it lacks, and joins the same claim into one', async () => {
    await recordClaim(target, { new: { name: 'Valley Front', kind: 'group' } }, 'https://other.example/b');
    await recordClaim(target, { id: 'group-hamas' }, 'https://other.example/c');
    const file = await exportEverything(source.stores);
    expect(await importEverything(target.stores, file)).toMatchObject({ ok: true, myPack: 0 });
    // Hamas's claim was in both: one claim, the backup's source added to it.
    expect((await claimants(target)).sort()).toEqual(['group-hamas ×2', 'group-valley-front ×1']);
    // Both packs had a source "src-mine-1": the backup's came under another id, with its passage.
    const { state } = await target.stores.myPack.read();
    expect(Object.values(state.passages).map((p) => p.url)).toEqual([
      'https://other.example/b',
      'https://other.example/c',
      'https://daily.example/a',
    ]);
    expect(new Set(state.pack.sources.map((s) => s.id)).size).toBe(3);
    // Imported twice, nothing more is added.
    await importEverything(target.stores, file);
    expect((await claimants(target)).sort()).toEqual(['group-hamas ×2', 'group-valley-front ×1']);
  });

  it('refuses a broken My pack part with its path, and changes nothing', async () => {
    await recordClaim(target, { new: { name: 'Valley Front', kind: 'group' } }, 'https://other.example/b');
    const before = await target.stores.myPack.read();
    const backup = JSON.parse(await exportEverything(source.stores));
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a backup as JSON, broken on purpose
    const breakages: [(b: { myPack: Record<string, any> }) => void, RegExp][] = [
      [
        (b) => (b.myPack.pack.incidents[0].claims[0].stance = 'boasted'),
        /^myPack\.pack\.incidents\[0\]\.claims\[0\]\.stance/,
      ],
      [
        (b) => (b.myPack.pack.id = 'claimlens-default'),
        /^myPack\.pack\.id: My pack must have the id claimlens-mine/,
      ],
      [
        (b) => (b.myPack.passages['src-elsewhere'] = Object.values(b.myPack.passages)[0]),
        /^myPack\.passages\.src-elsewhere: a passage of a source/,
      ],
      [
        (b) => ((Object.values(b.myPack.passages)[0] as { url: string }).url = 'javascript:alert(1)'),
        /^myPack\.passages\.[\w-]+: not a passage/,
      ],
      [(b) => (b.myPack = { pack: 'mine' }), /^myPack\.pack: /],
    ];
    for (const [change, error] of breakages) {
      const copy = structuredClone(backup);
      change(copy);
      const outcome = await importEverything(target.stores, JSON.stringify(copy));
      expect(outcome.ok).toBe(false);
      expect(!outcome.ok && outcome.errors.join('\n')).toMatch(new RegExp(error.source, 'm'));
    }
    expect(await target.stores.myPack.read()).toEqual(before);
    expect(await target.stores.notes.count()).toBe(0);
    expect(await target.stores.packs.list()).toHaveLength(1);
  });

  it('leaves the profile’s My pack alone when the backup has none, and is deleted with everything', async () => {
    await recordClaim(target, { new: { name: 'Valley Front', kind: 'group' } }, 'https://other.example/b');
    const backup = JSON.parse(await exportEverything(source.stores));
    delete backup.myPack;
    expect(await importEverything(target.stores, JSON.stringify(backup))).toMatchObject({
      ok: true,
      myPack: 0,
    });
    expect(await claimants(target)).toEqual(['group-valley-front ×1']);
    await deleteEverything(target.stores);
    expect(await claimants(target)).toEqual([]);
  });
});
