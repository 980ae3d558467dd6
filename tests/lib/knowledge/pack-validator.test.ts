import { describe, expect, it } from 'vitest';
import { formatProblems, validatePack } from '../../../lib/knowledge/pack-validator';
import { testPack } from '../../fixtures/test-pack';

function problemsOf(mutate: (pack: ReturnType<typeof testPack> & Record<string, unknown>) => void): string[] {
  const pack = testPack() as ReturnType<typeof testPack> & Record<string, unknown>;
  mutate(pack);
  const result = validatePack(JSON.parse(JSON.stringify(pack)));
  return result.ok ? [] : formatProblems(result.problems).split('\n');
}

describe('pack validation', () => {
  it('accepts a well-formed pack', () => {
    expect(validatePack(testPack()).ok).toBe(true);
  });

  it('reports an unknown source with its path', () => {
    expect(problemsOf((p) => (p.incidents[0]!.claims[0]!.sources = ['src-x']))).toEqual([
      'incidents[0].claims[0].sources[0]: unknown source "src-x"',
    ]);
  });

  it('reports every problem at once, not just the first', () => {
    const problems = problemsOf((p) => {
      p.incidents[0]!.claims[1]!.sources = [];
      p.incidents[0]!.statements[0]!.stance = 'rejects' as never;
      p.entities[0]!.kind = 'army' as never;
      p.sources[0]!.url = 'javascript:alert(1)';
      p.incidents[0]!.date = '17/11/2017';
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        'incidents[0].claims[1].sources: needs at least one source',
        expect.stringMatching(/^incidents\[0\]\.statements\[0\]\.stance: expected one of denies, disputes/),
        expect.stringMatching(/^entities\[0\]\.kind: expected one of group/),
        'sources[0].url: only http(s) URLs are allowed',
        expect.stringMatching(/^incidents\[0\]\.date: expected a date/),
      ]),
    );
    expect(problems.length).toBeGreaterThanOrEqual(5);
  });

  it('checks that references point at the right kind of entity', () => {
    expect(problemsOf((p) => (p.incidents[0]!.place = 'group-is'))).toEqual([
      'incidents[0].place: entity "group-is" is a group, expected place',
    ]);
    expect(problemsOf((p) => (p.incidents[0]!.claims[0]!.claimant = 'group-nobody'))).toEqual([
      'incidents[0].claims[0].claimant: unknown entity "group-nobody"',
    ]);
  });

  it('refuses duplicate ids, unknown fields and a wrong format version', () => {
    const problems = problemsOf((p) => {
      p.entities.push({ ...p.entities[0]! });
      (p.entities[1] as unknown as Record<string, unknown>).nmae = 'typo';
      p.formatVersion = 3 as never;
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        'entities[9].id: duplicate id "group-is"',
        'entities[1].nmae: unknown field',
        'formatVersion: this version of ClaimLens reads formats 1 and 2, got 3',
      ]),
    );
  });

  it('reads the linker fields of format 2 and refuses them in a pack that says it is format 1', () => {
    const withLinkerFields = (version: 1 | 2) =>
      problemsOf((p) => {
        p.formatVersion = version;
        const place = p.entities.find((e) => e.kind === 'place')!;
        place.placeType = 'town';
        p.sources[0]!.kind = 'news';
        const incident = p.incidents[0]!;
        incident.kinds = ['ambush', 'shooting'];
        incident.sites = [place.id];
        incident.targets = ['convoy'];
        incident.keywords = ['highway'];
      });
    expect(withLinkerFields(2)).toEqual([]);
    expect(withLinkerFields(1)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/placeType: unknown field/),
        'sources[0].kind: unknown field',
        'incidents[0].kinds: unknown field',
        'incidents[0].sites: unknown field',
        'incidents[0].targets: unknown field',
        'incidents[0].keywords: unknown field',
      ]),
    );
  });

  it('refuses an unknown event kind, a site that is not a place, and a place type on a group', () => {
    const problems = problemsOf((p) => {
      p.formatVersion = 2;
      p.incidents[0]!.kinds = ['picnic' as never];
      p.incidents[0]!.sites = ['group-is'];
      p.entities.find((e) => e.id === 'group-is')!.placeType = 'venue';
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^incidents\[0\]\.kinds\[0\]: expected one of bombing, .* got "picnic"$/),
        'incidents[0].sites[0]: entity "group-is" is a group, expected place',
        expect.stringMatching(/placeType: only a place has a place type$/),
      ]),
    );
  });

  it('refuses aliases without letters and attributions without names', () => {
    const problems = problemsOf((p) => {
      p.entities[0]!.aliases!.push('—');
      p.incidents[0]!.statements[0]!.stance = 'attributes-to';
    });
    expect(problems).toEqual([
      'entities[0].aliases[9]: alias has no letters or digits',
      'incidents[0].statements[0].attributedTo: stance "attributes-to" needs the entities named',
    ]);
  });

  it('reports a non-object without throwing', () => {
    for (const bad of [null, 42, 'pack', [], undefined]) {
      const result = validatePack(bad);
      expect(result.ok).toBe(false);
    }
  });
});
