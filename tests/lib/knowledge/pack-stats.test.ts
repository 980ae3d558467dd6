import { describe, expect, it } from 'vitest';
import { packCoverage, packStats } from '../../../lib/knowledge/pack-stats';
import type { Claim, Incident, KnowledgePack, Statement } from '../../../lib/knowledge/pack-types';

const claim = (claimant: string, stance: Claim['stance'] = 'claimed'): Claim => ({
  claimant,
  stance,
  summary: 'Said it did it.',
  sources: ['src-1'],
});

const attribution = (...attributedTo: string[]): Statement => ({
  speaker: 'org-police',
  stance: 'attributes-to',
  attributedTo,
  paraphrase: 'Named who was behind it.',
  sources: ['src-1'],
});

const incident = (id: string, date: string, place: string, more: Partial<Incident> = {}): Incident => ({
  id,
  name: id,
  date,
  place,
  summary: 'Something happened.',
  claims: [],
  statements: [],
  ...more,
});

function pack(): KnowledgePack {
  return {
    format: 'claimlens-pack',
    formatVersion: 2,
    id: 'p',
    name: 'P',
    version: '1.0.0',
    updated: '2026-12-01',
    sources: [
      {
        id: 'src-1',
        publisher: 'A',
        title: 'a',
        url: 'https://a.example/1',
        published: '2020-01-02',
        kind: 'news',
      },
      { id: 'src-2', publisher: 'B', title: 'b', url: 'https://b.example/2', kind: 'official' },
      { id: 'src-3', publisher: 'C', title: 'c', url: 'https://c.example/3' },
    ],
    entities: [
      { id: 'group-a', kind: 'group', name: 'Group A' },
      {
        id: 'group-b',
        kind: 'group',
        name: 'Group B',
        relations: [
          { type: 'branch-of', target: 'group-a' },
          { type: 'affiliate-of', target: 'group-a', from: '2015', until: '2019' },
          { type: 'splinter-of', target: 'group-a' },
        ],
      },
      {
        id: 'person-x',
        kind: 'person',
        name: 'X',
        relations: [
          { type: 'leader-of', target: 'group-b', until: '2022' },
          { type: 'member-of', target: 'group-a', from: '2010' },
        ],
      },
      { id: 'org-police', kind: 'organization', name: 'Police' },
      { id: 'place-land', kind: 'place', name: 'Land' },
      {
        id: 'place-town',
        kind: 'place',
        name: 'Town',
        relations: [{ type: 'located-in', target: 'place-land' }],
      },
      {
        id: 'place-street',
        kind: 'place',
        name: 'Street',
        relations: [{ type: 'located-in', target: 'place-town' }],
      },
      { id: 'place-isle', kind: 'place', name: 'Isle' },
    ],
    incidents: [
      incident('incident-1', '2016-03-01', 'place-street', { claims: [claim('group-a'), claim('group-b')] }),
      incident('incident-2', '2016-07', 'place-town', {
        claims: [claim('group-a'), claim('group-a', 'retracted')],
      }),
      incident('incident-3', '2021', 'place-isle', {
        claims: [claim('group-a')],
        statements: [attribution('group-a')],
      }),
      incident('incident-4', '2021-05-05', 'place-land', {
        claims: [claim('group-a')],
        statements: [attribution('group-a', 'group-b')],
      }),
      incident('incident-5', '2014-01-01', 'place-street'),
    ],
  };
}

describe('packCoverage', () => {
  const coverage = packCoverage(pack());

  it('counts incidents by year, oldest first, whatever the precision of their date', () => {
    expect(coverage.incidentsByYear).toEqual({ '2014': 1, '2016': 2, '2021': 2 });
    expect(Object.keys(coverage.incidentsByYear)).toEqual(['2014', '2016', '2021']);
  });

  it('counts incidents by the broadest place their place lies in, most first', () => {
    expect(coverage.incidentsByRegion).toEqual({ Land: 4, Isle: 1 });
    expect(Object.keys(coverage.incidentsByRegion)[0]).toBe('Land');
  });

  it('tells competing claims, retractions and attributions to someone who did not claim apart', () => {
    expect(packStats(pack()).incidentsWithCompetingClaims).toBe(1);
    expect(coverage.incidentsWithRetraction).toBe(1);
    // incident-3 attributes the attack to its only claimant: not elsewhere; incident-4 names group-b too.
    expect(coverage.incidentsWithAttributionElsewhere).toBe(1);
    expect(coverage.incidentsContested).toBe(3);
  });

  it('counts leadership, branch, affiliation and membership relations that carry no date at all', () => {
    // Only the branch-of: leader-of has `until`, member-of has `from`; splinter-of and located-in need none.
    expect(coverage.relationsWithoutDates).toBe(1);
  });

  it('counts sources without a publication date and sources by kind', () => {
    expect(coverage.sourcesWithoutPublished).toBe(2);
    expect(coverage.sourcesByKind).toEqual({
      news: 1,
      official: 1,
      court: 0,
      research: 0,
      claimant: 0,
      unset: 1,
    });
  });

  it('stops at a located-in cycle instead of looping', () => {
    const looped = pack();
    looped.entities.find((e) => e.id === 'place-land')!.relations = [
      { type: 'located-in', target: 'place-street' },
    ];
    expect(Object.values(packCoverage(looped).incidentsByRegion).reduce((a, b) => a + b, 0)).toBe(5);
  });
});
