import { describe, expect, it } from 'vitest';
import { KnowledgeHolder } from '../../../lib/packs/knowledge-holder';
import type { KnowledgePack } from '../../../lib/knowledge/pack-types';
import type { MatcherBundle } from '../../../lib/matching/matcher-bundle';
import { testPack } from '../../fixtures/test-pack';

const teamPack = (): KnowledgePack => ({
  ...testPack(),
  id: 'team-pack',
  name: 'Team pack',
  entities: [{ id: 'group-team', kind: 'group', name: 'Northern Valley Front' }],
  incidents: [],
  statements: [],
});

const page = (text: string) => ({ text, breaks: [] });
const names = (found: { mentions: { name: string }[] }) => [...new Set(found.mentions.map((m) => m.name))];

describe('the background’s knowledge', () => {
  it('builds once, however many pages ask', async () => {
    const holder = new KnowledgeHolder(async () => ({ packs: [testPack()] }));
    const [a, b] = await Promise.all([holder.current(), holder.current()]);
    await holder.current();
    expect(a).toBe(b);
    expect(holder.builds).toBe(1);
  });

  it('builds again once when the packs change, and pages get the new names', async () => {
    let packs: KnowledgePack[] = [testPack()];
    const holder = new KnowledgeHolder(async () => ({ packs }));
    const text = 'The Northern Valley Front and ISIS both claimed it.';
    expect(names((await holder.current()).service.scan(page(text)))).toEqual(['Islamic State']);
    packs = [testPack(), teamPack()];
    await holder.reload();
    expect(names((await holder.current()).service.scan(page(text))).sort()).toEqual([
      'Islamic State',
      'Northern Valley Front',
    ]);
    packs = [teamPack()];
    await holder.reload();
    expect(names((await holder.current()).service.scan(page(text)))).toEqual(['Northern Valley Front']);
    expect(holder.builds).toBe(3);
  });

  it('leaves out a stored pack that no longer passes the validator, and keeps the others', async () => {
    const broken = {
      ...teamPack(),
      entities: [{ id: 'group-team', kind: 'band', name: 'x' }],
    } as unknown as KnowledgePack;
    const holder = new KnowledgeHolder(async () => ({ packs: [testPack(), broken] }));
    const loaded = await holder.current();
    expect(loaded.skipped).toEqual([{ id: 'team-pack', problems: expect.any(Number) }]);
    expect(names(loaded.service.scan(page('ISIS said so.')))).toEqual(['Islamic State']);
  });

  it('keeps the compiled matcher under the packs’ key: a restarted worker reads it instead of compiling', async () => {
    const kept = new Map<string, MatcherBundle>();
    const store = {
      get: async (key: string) => kept.get(key),
      put: async (key: string, b: MatcherBundle) => void kept.set(key, b),
    };
    const first = await new KnowledgeHolder(
      async () => ({ packs: [testPack()], key: 'k1' }),
      store,
    ).current();
    expect(first.fromStore).toBe(false);
    expect([...kept.keys()]).toEqual(['k1']);

    const restarted = await new KnowledgeHolder(
      async () => ({ packs: [testPack()], key: 'k1' }),
      store,
    ).current();
    expect(restarted.fromStore).toBe(true);
    expect(names(restarted.service.scan(page('ISIS said so.')))).toEqual(['Islamic State']);

    const changed = await new KnowledgeHolder(
      async () => ({ packs: [testPack(), teamPack()], key: 'k2' }),
      store,
    ).current();
    expect(changed.fromStore).toBe(false);
    expect(names(changed.service.scan(page('The Northern Valley Front spoke.')))).toEqual([
      'Northern Valley Front',
    ]);
  });

  it('compiles afresh, and keeps nothing, when a stored pack had to be left out', async () => {
    const kept = new Map<string, MatcherBundle>();
    const store = {
      get: async (key: string) => kept.get(key),
      put: async (key: string, b: MatcherBundle) => void kept.set(key, b),
    };
    const broken = {
      ...teamPack(),
      entities: [{ id: 'x', kind: 'band', name: 'x' }],
    } as unknown as KnowledgePack;
    const loaded = await new KnowledgeHolder(
      async () => ({ packs: [testPack(), broken], key: 'k' }),
      store,
    ).current();
    expect(loaded.fromStore).toBe(false);
    expect(kept.size).toBe(0);
  });

  it('still works when the store fails', async () => {
    const store = {
      get: () => Promise.reject(new Error('disk')),
      put: () => Promise.reject(new Error('full')),
    };
    const loaded = await new KnowledgeHolder(
      async () => ({ packs: [testPack()], key: 'k' }),
      store,
    ).current();
    expect(names(loaded.service.scan(page('ISIS said so.')))).toEqual(['Islamic State']);
  });
});
