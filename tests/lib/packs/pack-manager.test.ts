import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { PacksDatabase } from '../../../lib/packs/packs-db';
import { PackManager } from '../../../lib/packs/pack-manager';
import type { KnowledgePack } from '../../../lib/knowledge/pack-types';
import { startPackServer, type PackServer } from '../../fixtures/pack-server';
import { testPack } from '../../fixtures/test-pack';

/** Stands in for the bundled pack: small, so that the tests say what they mean. */
function bundled(): KnowledgePack {
  return { ...testPack(), id: 'claimlens-default', name: 'Bundled pack' };
}

function teamPack(version = '1.0.0', name = 'Team pack'): KnowledgePack {
  return {
    ...testPack(),
    id: 'team-pack',
    name,
    version,
    entities: [{ id: 'group-team', kind: 'group', name: 'Team Front' }],
    incidents: [],
    statements: [],
  };
}

let db: PacksDatabase;
let changes: number;
let time: number;
let manager: PackManager;
let server: PackServer;

beforeEach(async () => {
  db = new PacksDatabase(`packs-${crypto.randomUUID()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  changes = 0;
  time = Date.UTC(2026, 10, 21);
  manager = new PackManager(db, bundled, { now: () => time++, onChange: () => void changes++ });
  server = await startPackServer();
});
afterEach(async () => {
  db.close();
  await server.close();
});

describe('installing a pack from a file', () => {
  it('lists the bundled pack first, then the new one with its version, date, counts and origin', async () => {
    const result = await manager.installText(JSON.stringify(teamPack()), 'team.json');
    expect(result.ok).toBe(true);
    const rows = await manager.list();
    expect(rows.map((r) => [r.name, r.origin.type, r.enabled])).toEqual([
      ['Bundled pack', 'bundled', true],
      ['Team pack', 'file', true],
    ]);
    expect(rows[1]).toMatchObject({
      version: '1.0.0',
      updated: '2026-11-21',
      stats: { entities: 1, incidents: 0 },
    });
    expect(changes).toBe(1);
    expect((await manager.enabledPacks()).map((p) => p.id)).toEqual(['claimlens-default', 'team-pack']);
  });

  it('installs nothing from a broken file and lists every problem with its path', async () => {
    const broken = { ...teamPack(), entities: [{ id: 'group-team', kind: 'band', name: '' }, { id: 7 }] };
    const result = await manager.installText(JSON.stringify(broken), 'broken.json');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatch(/broken\.json was not installed/);
    expect(result.problems!.map((p) => p.path)).toEqual(
      expect.arrayContaining(['entities[0].kind', 'entities[0].name', 'entities[1].id']),
    );
    expect(await manager.list()).toHaveLength(1);
    expect(changes).toBe(0);
  });

  it('refuses what is not JSON and a pack that takes the bundled pack’s id', async () => {
    expect(await manager.installText('{"format": ', 'cut.json')).toMatchObject({
      ok: false,
      error: /not JSON/,
    });
    const impostor = { ...teamPack(), id: 'claimlens-default' };
    expect(await manager.installText(JSON.stringify(impostor), 'x.json')).toMatchObject({
      ok: false,
      error: /id of the bundled pack/,
    });
    expect(await manager.list()).toHaveLength(1);
  });

  it('refuses a pack that takes the bundled pack’s name, from a file, an address or a backup', async () => {
    const impostor = teamPack('1.0.0', 'bundled PACK');
    expect(await manager.installText(JSON.stringify(impostor), 'x.json')).toMatchObject({
      ok: false,
      error: /“bundled PACK” is the name of the bundled pack/,
    });
    server.serve(JSON.stringify(impostor), 'v1');
    expect(await manager.subscribe(server.url)).toMatchObject({
      ok: false,
      error: /name of the bundled pack/,
    });
    expect(
      await manager.restoreAll([
        { origin: { type: 'file', fileName: 'x.json' }, enabled: true, pack: impostor },
      ]),
    ).toBe(0);
    expect(await manager.list()).toHaveLength(1);
  });

  it('names each enabled pack on cards with where it came from', async () => {
    await manager.installText(JSON.stringify(teamPack()), 'team.json');
    server.serve(JSON.stringify({ ...teamPack(), id: 'desk-pack', name: 'Desk pack' }), 'v1');
    await manager.subscribe(server.url);
    expect((await manager.enabled()).labels).toEqual([
      'Bundled pack',
      'Team pack (from a file)',
      `Desk pack (from ${new URL(server.url).host})`,
    ]);
  });

  it('replaces an earlier version of the same pack, keeping its place and whether it is enabled', async () => {
    await manager.installText(JSON.stringify(teamPack()), 'team.json');
    await manager.setEnabled('team-pack', false);
    const before = (await manager.list())[1]!;
    const result = await manager.installText(JSON.stringify(teamPack('1.1.0')), 'team-1.1.json');
    expect(result).toMatchObject({ ok: true, replaced: { version: '1.0.0' } });
    const after = (await manager.list())[1]!;
    expect(after).toMatchObject({ version: '1.1.0', enabled: false, installedAt: before.installedAt });
  });
});

describe('enabling, disabling, removing', () => {
  it('disables and enables any pack, the bundled one included; only enabled packs are loaded', async () => {
    await manager.installText(JSON.stringify(teamPack()), 'team.json');
    await manager.setEnabled('claimlens-default', false);
    expect((await manager.enabledPacks()).map((p) => p.id)).toEqual(['team-pack']);
    expect((await manager.list())[0]).toMatchObject({ id: 'claimlens-default', enabled: false });
    await manager.setEnabled('team-pack', false);
    expect(await manager.enabledPacks()).toEqual([]);
    await manager.setEnabled('claimlens-default', true);
    expect((await manager.enabledPacks()).map((p) => p.id)).toEqual(['claimlens-default']);
    expect(changes).toBe(4);
  });

  it('removes an installed pack and its data, but never the bundled one', async () => {
    await manager.installText(JSON.stringify(teamPack()), 'team.json');
    await manager.remove('team-pack');
    expect(await manager.list()).toHaveLength(1);
    expect(await db.bodies.count()).toBe(0);
    await expect(manager.remove('claimlens-default')).rejects.toThrow(/cannot be removed/);
    await expect(manager.setEnabled('nope', true)).rejects.toThrow(/No installed pack/);
  });
});

describe('subscribing to a pack by address (a local HTTP server)', () => {
  it('installs it on the first fetch, remembering the ETag and Last-Modified', async () => {
    server.serve(JSON.stringify(teamPack()), 'v1');
    const result = await manager.subscribe(server.url);
    expect(result).toMatchObject({ ok: true, row: { origin: { type: 'url', url: server.url } } });
    const row = (await manager.list())[1]!;
    expect(row.subscription).toMatchObject({ etag: '"v1"', lastModified: expect.stringMatching(/GMT/) });
  });

  it('keeps the pack on a 304, takes a changed pack, and keeps the previous version when the new one is broken or the server is down', async () => {
    server.serve(JSON.stringify(teamPack()), 'v1');
    await manager.subscribe(server.url);
    changes = 0;

    expect(await manager.checkForUpdates()).toEqual([
      { id: 'team-pack', name: 'Team pack', status: 'unchanged', version: '1.0.0' },
    ]);
    expect(server.requests.at(-1)).toMatchObject({ ifNoneMatch: '"v1"' });
    expect(changes).toBe(0);

    server.serve(JSON.stringify(teamPack('1.1.0', 'Team pack, revised')), 'v2');
    expect(await manager.checkForUpdates('team-pack')).toMatchObject([
      { status: 'updated', version: '1.1.0' },
    ]);
    expect(changes).toBe(1);
    expect((await manager.enabledPacks())[1]!.version).toBe('1.1.0');

    server.serve(JSON.stringify({ ...teamPack('1.2.0'), entities: [{ id: 'group-team' }] }), 'v3');
    const [broken] = await manager.checkForUpdates();
    expect(broken).toMatchObject({
      status: 'failed',
      version: '1.1.0',
      error: expect.stringMatching(/problem/),
    });
    expect((await manager.enabledPacks())[1]!.version).toBe('1.1.0');
    expect((await manager.list())[1]!.subscription).toMatchObject({
      etag: '"v2"',
      error: expect.any(String),
    });

    await server.close();
    const [down] = await manager.checkForUpdates();
    expect(down).toMatchObject({ status: 'failed', error: expect.stringMatching(/Could not reach/) });
    expect((await manager.enabledPacks())[1]!.version).toBe('1.1.0');
    expect(changes).toBe(1);

    server = await startPackServer(); // for afterEach
  });

  it('clears the last error after a good check', async () => {
    server.serve(JSON.stringify(teamPack()), 'v1');
    await manager.subscribe(server.url);
    server.fail(500);
    await manager.checkForUpdates();
    expect((await manager.list())[1]!.subscription!.error).toMatch(/500/);
    server.serve(JSON.stringify(teamPack()), 'v1');
    await manager.checkForUpdates();
    expect((await manager.list())[1]!.subscription!.error).toBeUndefined();
  });

  it('installs nothing when the first fetch fails', async () => {
    server.fail(404);
    expect(await manager.subscribe(server.url)).toMatchObject({ ok: false, error: /404/ });
    expect(await manager.list()).toHaveLength(1);
  });

  it('checks every subscription even when one never finishes answering, and records why that one failed', async () => {
    const slow = await startPackServer();
    try {
      slow.serve(JSON.stringify({ ...teamPack(), id: 'slow-pack', name: 'Slow pack' }), 's1');
      server.serve(JSON.stringify(teamPack()), 'v1');
      manager = new PackManager(db, bundled, { now: () => time++, timeoutMs: 300 });
      await manager.subscribe(slow.url);
      await manager.subscribe(server.url);
      slow.stall();
      server.serve(JSON.stringify(teamPack('2.0.0')), 'v2');
      const results = await manager.checkForUpdates();
      expect(results).toEqual([
        expect.objectContaining({
          id: 'slow-pack',
          status: 'failed',
          error: expect.stringMatching(/no answer in time/),
        }),
        expect.objectContaining({ id: 'team-pack', status: 'updated', version: '2.0.0' }),
      ]);
      const rows = await manager.list();
      expect(rows.find((r) => r.id === 'slow-pack')!.subscription!.error).toMatch(/no answer in time/);
      expect(rows.find((r) => r.id === 'slow-pack')!.version).toBe('1.0.0');
    } finally {
      await slow.close();
    }
  });

  it('keeps the previous version when the address starts redirecting to another site', async () => {
    server.serve(JSON.stringify(teamPack()), 'v1');
    await manager.subscribe(server.url);
    server.redirect('https://elsewhere.example/pack.json');
    const [result] = await manager.checkForUpdates();
    expect(result).toMatchObject({
      status: 'failed',
      error: /redirected to another site \(elsewhere\.example\)/,
    });
    expect((await manager.list())[1]!.version).toBe('1.0.0');
  });

  it('does not let a file replace a subscribed pack', async () => {
    server.serve(JSON.stringify(teamPack()), 'v1');
    await manager.subscribe(server.url);
    expect(await manager.installText(JSON.stringify(teamPack('9.0.0')), 'team.json')).toMatchObject({
      ok: false,
      error: /remove that subscription first/,
    });
  });
});

describe('the key of what the enabled packs say', () => {
  it('changes when a pack is installed, replaced, disabled or removed, and not otherwise', async () => {
    const keys = [(await manager.enabled()).key];
    expect((await manager.enabled()).key).toBe(keys[0]);
    await manager.installText(JSON.stringify(teamPack()), 'team.json');
    keys.push((await manager.enabled()).key);
    await manager.installText(JSON.stringify(teamPack('1.0.1')), 'team.json');
    keys.push((await manager.enabled()).key);
    await manager.setEnabled('claimlens-default', false);
    keys.push((await manager.enabled()).key);
    await manager.remove('team-pack');
    keys.push((await manager.enabled()).key);
    expect(new Set(keys).size).toBe(5);
  });

  it('keeps one compiled matcher, for the current key only', async () => {
    const bundle = { automaton: 'a', targets: [], caseForms: [] };
    await manager.keepCompiled('k1', bundle);
    await manager.keepCompiled('k2', { ...bundle, automaton: 'b' });
    expect(await manager.compiledFor('k1')).toBeUndefined();
    expect((await manager.compiledFor('k2'))?.automaton).toBe('b');
    await manager.forgetCompiled();
    expect(await manager.compiledFor('k2')).toBeUndefined();
  });
});

describe('My pack’s id', () => {
  it('cannot be taken by a pack installed from a file, so nothing installed passes for what the reader recorded', async () => {
    const impostor = { ...teamPack(), id: 'claimlens-mine', name: 'Colleague pack' };
    const result = await manager.installText(JSON.stringify(impostor), 'mine.json');
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/reserved/) });
    const named = { ...teamPack(), name: 'Recorded by you' };
    expect(await manager.installText(JSON.stringify(named), 'named.json')).toMatchObject({ ok: false });
    expect((await manager.list()).map((r) => r.id)).toEqual(['claimlens-default']);
  });
});
