import { describe, expect, it } from 'vitest';
import { KnowledgeHolder } from '../../../lib/packs/knowledge-holder';
import type { KnowledgePack } from '../../../lib/knowledge/pack-types';
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
    const holder = new KnowledgeHolder(async () => [testPack()]);
    const [a, b] = await Promise.all([holder.current(), holder.current()]);
    await holder.current();
    expect(a).toBe(b);
    expect(holder.builds).toBe(1);
  });

  it('builds again once when the packs change, and pages get the new names', async () => {
    let packs: KnowledgePack[] = [testPack()];
    const holder = new KnowledgeHolder(async () => packs);
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
    const holder = new KnowledgeHolder(async () => [testPack(), broken]);
    const loaded = await holder.current();
    expect(loaded.skipped).toEqual([{ id: 'team-pack', problems: expect.any(Number) }]);
    expect(names(loaded.service.scan(page('ISIS said so.')))).toEqual(['Islamic State']);
  });
});
