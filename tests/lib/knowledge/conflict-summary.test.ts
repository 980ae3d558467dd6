import { describe, expect, it } from 'vitest';
import { conflictSummary } from '../../../lib/knowledge/conflict-summary';
import { KnowledgeBase } from '../../../lib/knowledge/knowledge-base';
import { defaultPack } from '../../../lib/knowledge/default-pack';

const kb = new KnowledgeBase([defaultPack()]);
const summary = (id: string) => conflictSummary(kb.incidentCard(id)!);

describe('conflictSummary', () => {
  it('groups the Zakura claims by outfit: three firm claimants, one uncertain, none counted twice', () => {
    const g = summary('incident-zakura-2017');
    expect(g.claimants.map((c) => [c.name, c.channel, c.date, c.claims])).toEqual([
      ['Islamic State', 'Amaq News Agency', '2017-11-18', 1],
      ['Tehreek-ul-Mujahideen', undefined, undefined, 1],
      ['Ansar Ghazwat-ul-Hind', undefined, undefined, 1],
    ]);
    expect(g.uncertainClaimants.map((c) => c.name)).toEqual(['Islamic State Jammu and Kashmir']);
    expect(g.competing).toBe(true);
    expect(g.claimCount).toBe(4);
    expect(g.uncertainClaimCount).toBe(1);
    expect(g.statementCount).toBe(5);
    // The police named Lashkar-e-Taiba only in an uncertain report: not a conflict on its own.
    expect(g.attributedElsewhere).toEqual([]);
  });

  it('counts three Easter claims as one outfit, and flags the government naming another group', () => {
    const g = summary('incident-sri-lanka-easter-2019');
    expect(g.claimants).toHaveLength(1);
    expect(g.claimants[0]).toMatchObject({ name: 'Islamic State', claims: 3, date: '2019-04-23' });
    expect(g.competing).toBe(false);
    expect(g.attributedElsewhere).toEqual([
      {
        body: 'Government of Sri Lanka',
        names: ['National Thowheed Jamath', expect.stringMatching(/Millathu Ibrahim/)],
      },
    ]);
    expect(g.officials[0]!.positions[0]).toMatchObject({ stance: 'attributes-to' });
  });

  it('gives each body one position per thing it spoke about, the weightiest first', () => {
    const g = summary('incident-zakura-2017');
    expect(g.officials).toEqual([
      {
        body: 'Jammu and Kashmir Police',
        positions: [
          { stance: 'disputes', object: 'Islamic State', aboutClaimant: true, aboutItself: false },
          {
            stance: 'attributes-to',
            object: 'Ansar Ghazwat-ul-Hind',
            aboutClaimant: false,
            aboutItself: false,
          },
        ],
      },
    ]);
  });

  it('keeps a denial of involvement apart from the claims', () => {
    const g = summary('incident-mumbai-2008');
    expect(g.otherClaims.map((c) => c.stance)).toEqual(['denied']);
    expect(g.claimants).toEqual([]);
  });
});
