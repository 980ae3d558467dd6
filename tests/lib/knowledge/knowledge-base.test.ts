import { describe, expect, it } from 'vitest';
import { KnowledgeBase, competingClaimants } from '../../../lib/knowledge/knowledge-base';
import type { Claim, KnowledgePack } from '../../../lib/knowledge/pack-types';
import { testPack } from '../../fixtures/test-pack';

const kb = new KnowledgeBase([testPack()]);

function zakuraWith(claims: Claim[]) {
  const pack = testPack();
  pack.incidents[0]!.claims = claims;
  return {
    incident: pack.incidents[0]!,
    card: new KnowledgeBase([pack]).incidentCard('incident-zakura-2017')!,
  };
}

const claim = (claimant: string, extra: Partial<Claim> = {}): Claim => ({
  claimant,
  stance: 'claimed',
  summary: `${claimant} claimed it.`,
  sources: ['src-a'],
  ...extra,
});

describe('incident card', () => {
  const card = kb.incidentCard('incident-zakura-2017')!;

  it('resolves places, claimants, channels and speakers to their names', () => {
    expect(card).toMatchObject({
      type: 'incident',
      id: 'incident-zakura-2017',
      name: 'Zakura attack',
      date: '2017-11-17',
      place: 'Zakura',
      region: ['Srinagar'],
      packs: ['Test pack'],
      caveats: ['The claim described the killed officer wrongly.'],
    });
    expect(card.claims.map((c) => [c.claimantId, c.claimant])).toEqual([
      ['group-is', 'Islamic State'],
      ['group-tum', 'Tehreek-ul-Mujahideen'],
      ['group-agh', 'Ansar Ghazwat-ul-Hind'],
    ]);
    expect(card.claims[0]!.channel).toBe('Amaq News Agency');
    expect(card.claims[1]!.channel).toBeUndefined();
    expect(card.statements).toHaveLength(1);
    expect(card.statements[0]).toMatchObject({
      speakerId: 'person-vaid',
      speaker: 'Shesh Paul Vaid',
      onBehalfOf: 'Jammu and Kashmir Police',
      role: 'Director General of Police',
      stance: 'unverified',
      about: 'Islamic State',
    });
  });

  it('resolves source ids to publisher, title, URL and date', () => {
    expect(card.claims[0]!.sources).toEqual([
      {
        publisher: 'Example Daily',
        title: 'Three outfits claim the same attack',
        url: 'https://news.example/a',
        pack: 'Test pack',
        published: '2017-11-20',
      },
    ]);
    expect(card.statements[0]!.sources.map((s) => s.url)).toEqual(['https://news.example/b']);
    expect(card.tolls[0]!.sources.map((s) => s.publisher)).toEqual(['Example Daily']);
  });

  it('counts the three outfits that claimed as competing', () => {
    expect(card.competingClaimants).toBe(3);
  });

  it('counts a claimant that claimed twice once', () => {
    const { incident, card } = zakuraWith([
      claim('group-is'),
      claim('group-is', { channel: 'media-amaq', date: '2017-11-19' }),
      claim('group-tum'),
    ]);
    expect(card.claims).toHaveLength(3);
    expect(card.competingClaimants).toBe(2);
    expect(competingClaimants(incident)).toBe(2);
  });

  it('does not count a claim whose attribution is uncertain', () => {
    const { card } = zakuraWith([claim('group-is'), claim('group-tum', { uncertain: true })]);
    expect(card.competingClaimants).toBe(1);
    expect(card.claims[1]!.uncertain).toBe(true);
  });

  it('does not count denials or retractions as claims', () => {
    const { card } = zakuraWith([
      claim('group-is'),
      claim('group-tum', { stance: 'denied' }),
      claim('group-agh', { stance: 'retracted' }),
    ]);
    expect(card.competingClaimants).toBe(1);
    expect(card.claims.map((c) => c.stance)).toEqual(['claimed', 'denied', 'retracted']);
  });

  it('counts no claimant when there is no claim', () => {
    expect(zakuraWith([]).card.competingClaimants).toBe(0);
  });

  it('leaves out sources the pack does not have', () => {
    const { card } = zakuraWith([claim('group-is', { sources: ['src-a', 'src-missing'] })]);
    expect(card.claims[0]!.sources.map((s) => s.url)).toEqual(['https://news.example/a']);
  });

  it('gives undefined for an unknown id, and for an entity id', () => {
    expect(kb.incidentCard('incident-nowhere-1999')).toBeUndefined();
    expect(kb.incidentCard('group-is')).toBeUndefined();
  });
});

describe('entity card', () => {
  it('lists the names, without the main name among the aliases', () => {
    const card = kb.entityCard('group-is')!;
    expect(card).toMatchObject({ type: 'entity', id: 'group-is', kind: 'group', name: 'Islamic State' });
    expect(card.aliases).toEqual([
      'IS',
      'ISIS',
      'Isis',
      'ISIL',
      'Daesh',
      'Daish',
      "Da'ish",
      'داعش',
      'इस्लामिक स्टेट',
    ]);
    expect(card.packs).toEqual(['Test pack']);
  });

  it('lists relations from its own side and from the other side', () => {
    expect(kb.entityCard('group-is')!.relations).toEqual([
      {
        type: 'media-arm-of',
        direction: 'in',
        otherId: 'media-amaq',
        other: 'Amaq News Agency',
        packs: ['Test pack'],
      },
    ]);
    expect(kb.entityCard('media-amaq')!.relations).toEqual([
      {
        type: 'media-arm-of',
        direction: 'out',
        otherId: 'group-is',
        other: 'Islamic State',
        packs: ['Test pack'],
      },
    ]);
  });

  it('lists the incidents it claimed, and those claimed through it as a channel', () => {
    expect(kb.entityCard('group-tum')!.claimedIncidents).toEqual([
      {
        id: 'incident-zakura-2017',
        name: 'Zakura attack',
        date: '2017-11-17',
        stance: 'claimed',
        competing: true,
      },
    ]);
    expect(kb.entityCard('media-amaq')!.claimedIncidents.map((c) => c.id)).toEqual(['incident-zakura-2017']);
    expect(kb.entityCard('group-hamas')!.claimedIncidents).toEqual([]);
  });

  it('sorts claimed incidents newest first', () => {
    const pack = testPack();
    const zakura = pack.incidents[0]!;
    pack.incidents.push(
      {
        ...zakura,
        id: 'incident-old-2015',
        name: 'Old attack',
        date: '2015-03-01',
        claims: [claim('group-tum')],
      },
      {
        ...zakura,
        id: 'incident-new-2019',
        name: 'New attack',
        date: '2019-06',
        claims: [claim('group-tum')],
      },
      {
        ...zakura,
        id: 'incident-mid-2018',
        name: 'Mid attack',
        date: '2018-12-31',
        claims: [claim('group-tum')],
      },
    );
    const card = new KnowledgeBase([pack]).entityCard('group-tum')!;
    expect(card.claimedIncidents.map((c) => c.date)).toEqual([
      '2019-06',
      '2018-12-31',
      '2017-11-17',
      '2015-03-01',
    ]);
    expect(card.claimedIncidents.find((c) => c.id === 'incident-old-2015')!.competing).toBe(false);
  });

  it('lists statements about it: the entity statement and incident statements about it', () => {
    const statements = kb.entityCard('group-is')!.statements;
    expect(statements.map((s) => [s.stance, s.incident])).toEqual([
      ['denies', undefined],
      ['unverified', 'Zakura attack'],
    ]);
    expect(statements[0]).toMatchObject({
      speaker: 'Shesh Paul Vaid',
      about: 'Islamic State',
      paraphrase: 'Said the group had no presence in the region.',
    });
    expect(statements[0]!.sources.map((s) => s.publisher)).toEqual(['Example Times']);
    expect(kb.entityCard('group-tum')!.statements).toEqual([]);
  });

  it('lists a statement that attributes an incident to it', () => {
    const pack = testPack();
    pack.incidents[0]!.statements.push({
      speaker: 'person-vaid',
      stance: 'attributes-to',
      attributedTo: ['group-tum'],
      paraphrase: 'Said the local outfit was behind it.',
      sources: ['src-b'],
    });
    const statements = new KnowledgeBase([pack]).entityCard('group-tum')!.statements;
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatchObject({
      stance: 'attributes-to',
      attributedTo: ['Tehreek-ul-Mujahideen'],
      incident: 'Zakura attack',
    });
  });

  it('gives undefined for an unknown id, and for an incident id', () => {
    expect(kb.entityCard('group-nobody')).toBeUndefined();
    expect(kb.entityCard('incident-zakura-2017')).toBeUndefined();
  });
});

describe('several packs', () => {
  function otherPack(): KnowledgePack {
    return {
      ...testPack(),
      id: 'other-pack',
      name: 'Other pack',
      sources: [{ id: 'src-a', publisher: 'Other Daily', title: 'Other', url: 'https://other.example/a' }],
      entities: [
        { id: 'group-is', kind: 'group', name: 'Other Islamic State', aliases: ['Other IS'] },
        { id: 'group-new', kind: 'group', name: 'New Group' },
      ],
      incidents: [],
      statements: [],
    };
  }

  it('merges an entity both packs know: the first pack’s name, both packs’ aliases', () => {
    const both = new KnowledgeBase([testPack(), otherPack()]);
    const card = both.entityCard('group-is')!;
    expect(card.name).toBe('Islamic State');
    expect(card.aliases).toContain('Other IS');
    expect(card.aliases).toContain('Other Islamic State');
    expect(card.packs).toEqual(['Test pack', 'Other pack']);
    expect(both.nameOf('group-is')).toBe('Islamic State');
  });

  it('keeps each pack’s sources apart even when they share an id', () => {
    const both = new KnowledgeBase([testPack(), otherPack()]);
    const claim = both.incidentCard('incident-zakura-2017')!.claims[0]!;
    expect(claim.sources[0]!.publisher).toBe('Example Daily');
    expect(claim.packs).toEqual(['Test pack']);
  });

  it('still adds what only the later pack has', () => {
    const both = new KnowledgeBase([testPack(), otherPack()]);
    expect(both.entityCard('group-new')).toMatchObject({ name: 'New Group', packs: ['Other pack'] });
  });

  it('lets the order of packs decide', () => {
    const reversed = new KnowledgeBase([otherPack(), testPack()]);
    expect(reversed.entityCard('group-is')).toMatchObject({
      name: 'Other Islamic State',
      packs: ['Other pack', 'Test pack'],
    });
  });
});
