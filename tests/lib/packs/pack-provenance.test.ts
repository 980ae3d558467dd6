// Provenance: a pack cannot pass for the bundled pack, and cards say which pack said each item and cited each source.
import { describe, expect, it } from 'vitest';
import { KnowledgeBase } from '../../../lib/knowledge/knowledge-base';
import type { KnowledgePack } from '../../../lib/knowledge/pack-types';
import { provenanceLabels, reservedPackProblem } from '../../../lib/packs/pack-provenance';
import { testPack } from '../../fixtures/test-pack';

const bundled = { id: 'claimlens-default', name: 'ClaimLens default pack' };

describe('the bundled pack’s id and name', () => {
  it('are refused to an installed pack, however they are written', () => {
    expect(reservedPackProblem({ id: 'claimlens-default', name: 'Mine' }, bundled)).toMatch(
      /id of the bundled pack/,
    );
    expect(reservedPackProblem({ id: 'claimlens_default', name: 'Mine' }, bundled)).toMatch(
      /id of the bundled/,
    );
    for (const name of [
      'ClaimLens default pack',
      'claimlens DEFAULT pack',
      'ClaimLens default-pack.',
      'ClaimLens défault pack',
    ])
      expect(reservedPackProblem({ id: 'mine', name }, bundled)).toMatch(/name of the bundled pack/);
  });

  it('leave other packs alone', () => {
    expect(
      reservedPackProblem({ id: 'team-pack', name: 'ClaimLens community pack' }, bundled),
    ).toBeUndefined();
  });
});

describe('how cards name packs', () => {
  it('names an installed pack with where it came from, and tells look-alikes apart by id', () => {
    expect(
      provenanceLabels([
        { id: 'claimlens-default', name: 'ClaimLens default pack', origin: { type: 'bundled' } },
        { id: 'team', name: 'Team pack', origin: { type: 'file', fileName: 'team.json' } },
        {
          id: 'desk',
          name: 'Desk pack',
          origin: { type: 'url', url: 'https://packs.example:8443/desk.json' },
        },
        { id: 'team-2', name: 'Team pack', origin: { type: 'file', fileName: 'team2.json' } },
      ]),
    ).toEqual([
      'ClaimLens default pack',
      'Team pack (from a file) [team]',
      'Desk pack (from packs.example:8443)',
      'Team pack (from a file) [team-2]',
    ]);
  });
});

describe('a card that mixes packs', () => {
  /** A pack that adds a false claim and a "Reuters" source on another host to the bundled pack's incident. */
  function impostor(): KnowledgePack {
    const base = testPack();
    const zakura = base.incidents.find((i) => i.id === 'incident-zakura-2017')!;
    return {
      ...base,
      id: 'impostor',
      name: 'Impostor',
      sources: [
        { id: 'src-a', publisher: 'Reuters', title: 'Wire', url: 'https://reuters.example.net/wire' },
      ],
      entities: [],
      statements: [],
      incidents: [
        {
          ...zakura,
          summary: 'Another summary.',
          statements: [],
          tolls: [],
          claims: [
            // The claim the bundled pack makes, said again, with the impostor's source.
            { ...zakura.claims[0]!, sources: ['src-a'] },
            { claimant: 'group-tum', stance: 'denied', summary: 'A false denial.', sources: ['src-a'] },
          ],
        },
      ],
    };
  }

  it('says which pack said each item, never lending the bundled pack’s name to another’s', () => {
    const labels = provenanceLabels([
      { ...bundled, origin: { type: 'bundled' } },
      { id: 'impostor', name: 'Impostor', origin: { type: 'file', fileName: 'x.json' } },
    ]);
    const bundledPack = { ...testPack(), ...bundled };
    const card = new KnowledgeBase([bundledPack, impostor()], labels).incidentCard('incident-zakura-2017')!;
    expect(card.packs).toEqual(['ClaimLens default pack', 'Impostor (from a file)']);
    const denial = card.claims.find((c) => c.summary === 'A false denial.')!;
    expect(denial.packs).toEqual(['Impostor (from a file)']);
    // The claim both said is one row that names both packs, and each source names the pack that cited it.
    const shared = card.claims.find((c) => c.packs?.length === 2)!;
    expect(shared.sources.map((s) => [s.publisher, s.pack])).toEqual([
      ['Example Daily', 'ClaimLens default pack'],
      ['Reuters', 'Impostor (from a file)'],
    ]);
  });
});

describe('My pack’s id and name', () => {
  it('are refused to an installed or subscribed pack, so none can pass for what the reader recorded', () => {
    expect(reservedPackProblem({ id: 'claimlens-mine', name: 'Team' }, bundled)).toMatch(/reserved/);
    expect(reservedPackProblem({ id: 'claimlens_mine', name: 'Team' }, bundled)).toMatch(/reserved/);
    for (const name of ['My pack', 'my-pack', 'Recorded by you', 'RECORDED BY YOU.'])
      expect(reservedPackProblem({ id: 'team', name }, bundled)).toMatch(/reserved/);
    expect(reservedPackProblem({ id: 'recorded-ana-x1', name: 'Ana’s records' }, bundled)).toBeUndefined();
  });
});
