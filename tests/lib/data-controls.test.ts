// Export everything, import it into an empty profile, delete everything: notes, packs and settings together.
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
      storage,
      now: () => new Date(Date.UTC(2026, 10, 21)),
    },
    stored,
    close: () => {
      notesDb.close();
      packsDb.close();
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
