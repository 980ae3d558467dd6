import { describe, expect, it } from 'vitest';
import { mergePacks, sourceKey } from '../../../lib/knowledge/pack-merge';
import { KnowledgeBase } from '../../../lib/knowledge/knowledge-base';
import type { KnowledgePack } from '../../../lib/knowledge/pack-types';
import { testPack } from '../../fixtures/test-pack';

/** A second pack written by another team: its own ids, spellings and sources for the same facts. */
function teamPack(): KnowledgePack {
  return {
    format: 'claimlens-pack',
    formatVersion: 1,
    id: 'team-pack',
    name: 'Team pack',
    version: '2.0.0',
    updated: '2026-11-01',
    sources: [
      // Same id as the test pack's first source, but another page.
      { id: 'src-a', publisher: 'Valley Weekly', title: 'Who said what', url: 'https://valley.example/a' },
      { id: 'src-t', publisher: 'Team Wire', title: 'Police deny', url: 'https://wire.example/t' },
    ],
    entities: [
      {
        id: 'team-daesh',
        kind: 'group',
        name: 'Daesh (team spelling)',
        aliases: ['Dawlat al-Islamiya', 'Daesh'],
        wikidata: 'Q2429253',
        relations: [{ type: 'affiliate-of', target: 'team-parent', sources: ['src-t'] }],
      },
      { id: 'team-parent', kind: 'group', name: 'Parent Front' },
      { id: 'group-tum', kind: 'person', name: 'A person who shares a group’s id' },
      { id: 'team-police', kind: 'organization', name: 'Valley Police' },
    ],
    incidents: [
      {
        id: 'incident-zakura-2017',
        name: 'Zakura shooting',
        aliases: ['Zakura crossing attack'],
        date: '2017-11-17',
        place: 'team-place',
        summary: 'The team’s own summary.',
        tolls: [
          {
            kind: 'killed',
            count: 1,
            qualifier: 'exact',
            who: 'police officer',
            asOf: '2017-11-17',
            sources: ['src-t'],
          },
        ],
        claims: [
          // The same claim the test pack records (same claimant, stance, date), through the team's id.
          {
            claimant: 'team-daesh',
            stance: 'claimed',
            date: '2017-11-18',
            summary: 'Team wording.',
            sources: ['src-a'],
          },
        ],
        statements: [
          {
            speaker: 'team-police',
            stance: 'denies',
            about: 'team-daesh',
            paraphrase: 'Said the group has no presence in the area.',
            sources: ['src-t'],
          },
        ],
      },
    ],
  };
}

function withTeamPlace(pack: KnowledgePack): KnowledgePack {
  pack.entities.push({ id: 'team-place', kind: 'place', name: 'Zakura crossing' });
  return pack;
}

describe('merging packs', () => {
  const merged = () => mergePacks([testPack(), withTeamPlace(teamPack())]);

  it('merges entities with the same Wikidata item and rewrites the later pack’s references to them', () => {
    const kb = new KnowledgeBase([testPack(), withTeamPlace(teamPack())]);
    expect(kb.entities.has('team-daesh')).toBe(false);
    const card = kb.entityCard('group-is')!;
    expect(card.name).toBe('Islamic State');
    expect(card.aliases).toEqual(expect.arrayContaining(['Dawlat al-Islamiya', 'Daesh (team spelling)']));
    expect(card.aliases.filter((a) => a === 'Daesh')).toHaveLength(1);
    expect(card.packs).toEqual(['Test pack', 'Team pack']);
    expect(card.relations).toContainEqual(
      expect.objectContaining({ type: 'affiliate-of', otherId: 'team-parent', packs: ['Team pack'] }),
    );
  });

  it('takes the Wikidata item from a later pack when the first had none, and merges through it', () => {
    const first = testPack();
    const later: KnowledgePack = {
      ...teamPack(),
      incidents: [],
      entities: [{ id: 'group-tum', kind: 'group', name: 'TuM', wikidata: 'Q999' }],
    };
    const third: KnowledgePack = {
      ...teamPack(),
      id: 'third',
      name: 'Third',
      incidents: [],
      entities: [{ id: 'x-tum', kind: 'group', name: 'Tahreek ul Mujahideen', wikidata: 'Q999' }],
    };
    const kb = new KnowledgeBase([first, later, third]);
    expect(kb.entityCard('group-tum')!.packs).toEqual(['Test pack', 'Team pack', 'Third']);
    expect(kb.entityCard('group-tum')!.aliases).toContain('Tahreek ul Mujahideen');
  });

  it('keeps apart two entities that share an id but not a kind, and says so', () => {
    const m = merged();
    expect(m.entities.get('group-tum')!.kind).toBe('group');
    expect(m.entities.get('group-tum~team-pack')!.kind).toBe('person');
    expect(m.notes).toEqual([
      {
        type: 'kind-differs',
        pack: 'Team pack',
        id: 'group-tum',
        kind: 'person',
        otherKind: 'group',
        otherPacks: ['Test pack'],
      },
    ]);
  });

  it('combines an incident’s claims, statements and tolls, each with its own sources and pack', () => {
    const kb = new KnowledgeBase([testPack(), withTeamPlace(teamPack())]);
    const card = kb.incidentCard('incident-zakura-2017')!;
    expect(card.name).toBe('Zakura attack');
    expect(card.summary).not.toBe('The team’s own summary.');
    expect(card.packs).toEqual(['Test pack', 'Team pack']);

    // The same claim said by both packs is one row, with the sources of both, each its own page.
    const isClaims = card.claims.filter((c) => c.claimantId === 'group-is' && c.stance === 'claimed');
    expect(isClaims).toHaveLength(1);
    expect(isClaims[0]!.packs).toEqual(['Test pack', 'Team pack']);
    expect(isClaims[0]!.sources.map((s) => s.publisher)).toEqual(
      expect.arrayContaining(['Example Daily', 'Valley Weekly']),
    );

    const denial = card.statements.find((s) => s.stance === 'denies')!;
    expect(denial).toMatchObject({ speaker: 'Valley Police', about: 'Islamic State', packs: ['Team pack'] });
    expect(denial.sources.map((s) => s.publisher)).toEqual(['Team Wire']);
    expect(card.tolls.some((t) => t.packs?.includes('Team pack'))).toBe(true);
  });

  it('adds the later pack’s incident names to what the matcher looks for', () => {
    const m = merged();
    const aliases = m.incidents
      .get('incident-zakura-2017')!
      .aliases!.map((a) => (typeof a === 'string' ? a : a.text));
    expect(aliases).toEqual(expect.arrayContaining(['Zakura crossing attack', 'Zakura shooting']));
  });

  it('keys sources by pack so that equal ids never swap one page for another', () => {
    const m = merged();
    expect(m.sources.get(sourceKey('test-pack', 'src-a'))!.publisher).toBe('Example Daily');
    expect(m.sources.get(sourceKey('team-pack', 'src-a'))!.publisher).toBe('Valley Weekly');
  });

  it('leaves a single pack as it was, every item from that pack', () => {
    const kb = new KnowledgeBase([testPack()]);
    const card = kb.incidentCard('incident-zakura-2017')!;
    expect(card.packs).toEqual(['Test pack']);
    expect(card.claims.every((c) => c.packs?.join() === 'Test pack')).toBe(true);
    expect(card.claims.length).toBe(testPack().incidents[0]!.claims.length);
  });

  it('marks a combined item uncertain when either pack doubts it', () => {
    const doubtful = withTeamPlace(teamPack());
    doubtful.incidents[0]!.claims[0]!.uncertain = true;
    const kb = new KnowledgeBase([testPack(), doubtful]);
    const claim = kb
      .incidentCard('incident-zakura-2017')!
      .claims.find((c) => c.packs?.includes('Team pack'))!;
    expect(claim.uncertain).toBe(true);
  });
});
