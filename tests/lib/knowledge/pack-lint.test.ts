import { describe, expect, it } from 'vitest';
import { everydayReason, formatFindings, lintPack, type LintRule } from '../../../lib/knowledge/pack-lint';
import type { Entity, Incident, KnowledgePack } from '../../../lib/knowledge/pack-types';

const place = (id: string, name: string, more: Partial<Entity> = {}): Entity => ({
  id,
  kind: 'place',
  name,
  ...more,
});

const incident = (more: Partial<Incident> = {}): Incident => ({
  id: 'incident-market-2020',
  name: 'Tellmarsh market bombing',
  date: '2020-03-14',
  place: 'place-tellmarsh',
  summary: 'A bomb went off in the covered market.',
  claims: [],
  statements: [],
  ...more,
});

function pack(entities: Entity[] = [], incidents: Incident[] = [incident()]): KnowledgePack {
  return {
    format: 'claimlens-pack',
    formatVersion: 2,
    id: 'lint-test',
    name: 'Lint test',
    version: '1.0.0',
    updated: '2026-12-01',
    sources: [
      { id: 'src-1', publisher: 'A', title: 'a', url: 'https://a.example/1', published: '2020-03-15' },
    ],
    entities: [place('place-tellmarsh', 'Tellmarsh'), ...entities],
    incidents,
  };
}

/** The rules that fired, and on what. */
const fired = (p: KnowledgePack) => lintPack(p).map((f) => `${f.rule} ${f.subject}`);
const only = (p: KnowledgePack, rule: LintRule) => lintPack(p).filter((f) => f.rule === rule);

describe('lintPack: everyday names', () => {
  it('flags an everyday word, alone or with an event word, and lets a flag silence it', () => {
    const nice = place('place-nice', 'Nice (France)', {
      aliases: ['Nice', { text: 'Nice', caseSensitive: true, needsContext: true }],
    });
    const attack = incident({ aliases: ['Nice attack', { text: 'Nice attack', caseSensitive: true }] });
    const findings = only(pack([nice], [attack]), 'everyday-name');
    expect(findings.map((f) => f.message)).toEqual([
      expect.stringContaining('alias "Nice" has neither caseSensitive nor needsContext'),
      expect.stringContaining('alias "Nice attack" has neither'),
    ]);
  });

  it('flags a lone given name or surname and a two-word given name and surname, but not a fuller name', () => {
    expect(everydayReason('Gulshan')).toMatch(/given name/);
    expect(everydayReason('Mali')).toMatch(/surname/);
    expect(everydayReason('Imran Khan')).toMatch(/many people/);
    expect(everydayReason('Crisis Group')).toMatch(/everyday words/);
    expect(everydayReason('Munir Ahmad Khan')).toBeNull();
    expect(everydayReason('Gulshan attack')).toBeNull(); // a name followed by "attack" is not ordinary prose
    expect(everydayReason('Tehreek-ul-Mujahideen')).toBeNull();
    expect(everydayReason('داعش')).toBeNull();
  });

  it('asks for a fuller entity name, since a name cannot carry flags', () => {
    const person: Entity = { id: 'person-ik', kind: 'person', name: 'Imran Khan' };
    expect(only(pack([person]), 'everyday-name')[0]!.message).toMatch(
      /name "Imran Khan" is matched without flags/,
    );
  });
});

describe('lintPack: aliases that name another place', () => {
  it('flags a venue listed as an alias of its neighbourhood, even with a kind', () => {
    const gulshan = place('place-gulshan', 'Gulshan (Dhaka)', {
      aliases: ['Gulshan-2', { text: 'Holey Artisan Bakery', kind: 'name' }],
    });
    expect(only(pack([gulshan]), 'alias-names-other-place').map((f) => f.message)).toEqual([
      expect.stringContaining('"Holey Artisan Bakery" names a bakery'),
    ]);
  });

  it('flags an alias that shares no word with the place and is no respelling, unless its kind says what it is', () => {
    const town = place('place-burgas', 'Burgas', {
      aliases: ['Bourgas', 'Sarafovo', { text: 'Burgas city', kind: 'name' }, { text: 'Бургас', lang: 'bg' }],
    });
    expect(only(pack([town]), 'alias-names-other-place').map((f) => f.message)).toEqual([
      expect.stringContaining('"Sarafovo" shares no word'),
    ]);
    town.aliases![1] = { text: 'Sarafovo', kind: 'former' };
    expect(only(pack([town]), 'alias-names-other-place')).toEqual([]);
  });

  it('leaves venues alone: their aliases may name the building any way', () => {
    const venue = place('place-bakery', 'Holey Artisan Bakery', {
      placeType: 'venue',
      aliases: ['O’Kitchen restaurant'],
    });
    expect(only(pack([venue]), 'alias-names-other-place')).toEqual([]);
  });
});

describe('lintPack: unused places', () => {
  it('flags a place no incident uses and nothing relates to; a site or a place inside it counts as use', () => {
    const district = place('place-orvale', 'Orvale');
    const lonely = place('place-elsewhere', 'Elsewhere');
    expect(fired(pack([district, lonely]))).toEqual([
      'unused-place place-orvale',
      'unused-place place-elsewhere',
    ]);
    const town = pack([district, lonely]);
    town.entities[0]!.relations = [{ type: 'located-in', target: 'place-orvale' }];
    town.incidents[0]!.sites = ['place-elsewhere'];
    expect(fired(town)).toEqual([]);
  });
});

describe('lintPack: summaries that name a group nobody speaks of', () => {
  const groups: Entity[] = [
    { id: 'group-front', kind: 'group', name: "Orvale People's Front", aliases: ['OPF'] },
    { id: 'group-taliban', kind: 'group', name: 'Taliban' },
    { id: 'group-ttp', kind: 'group', name: 'Tehrik-i-Taliban Pakistan', aliases: ['Pakistani Taliban'] },
    {
      id: 'group-wing',
      kind: 'group',
      name: 'Grey Hills Brigade',
      relations: [{ type: 'branch-of', target: 'group-front', from: '2019' }],
    },
  ];

  it('flags a group the summary names when no claim or statement mentions it', () => {
    const told = incident({ summary: "Police blamed the Orvale People's Front." });
    expect(only(pack(groups, [told]), 'summary-names-unmentioned-group')[0]!.message).toMatch(
      /"Orvale People's Front"/,
    );
  });

  it('accepts the group once a claim or statement names it, or a group it is a branch of', () => {
    const claimed = incident({
      summary: "The Orvale People's Front claimed it.",
      claims: [{ claimant: 'group-front', stance: 'claimed', summary: 'Claimed it.', sources: ['src-1'] }],
    });
    const byBranch = incident({
      summary: "The Orvale People's Front's brigade claimed it.",
      claims: [{ claimant: 'group-wing', stance: 'claimed', summary: 'Claimed it.', sources: ['src-1'] }],
    });
    expect(only(pack(groups, [claimed]), 'summary-names-unmentioned-group')).toEqual([]);
    expect(only(pack(groups, [byBranch]), 'summary-names-unmentioned-group')).toEqual([]);
  });

  it('reads overlapping names as a page would: "Pakistani Taliban" is not also the Afghan Taliban', () => {
    const ttp = incident({
      summary: 'A Pakistani Taliban commander claimed it.',
      claims: [{ claimant: 'group-ttp', stance: 'claimed', summary: 'Claimed it.', sources: ['src-1'] }],
    });
    expect(only(pack(groups, [ttp]), 'summary-names-unmentioned-group')).toEqual([]);
  });
});

describe('lintPack: relations without dates', () => {
  it('flags leadership, branch, affiliation and membership with no date, and nothing else', () => {
    const group = (id: string, relations: Entity['relations']): Entity => ({
      id,
      kind: 'group',
      name: `Orvale ${id}`,
      relations,
    });
    const p = pack([
      group('group-a', []),
      group('group-b', [
        { type: 'branch-of', target: 'group-a' },
        { type: 'affiliate-of', target: 'group-a', from: '2015' },
        { type: 'splinter-of', target: 'group-a' },
      ]),
      {
        id: 'person-x',
        kind: 'person',
        name: 'Xavier Quell',
        relations: [{ type: 'leader-of', target: 'group-a', until: '2020' }],
      },
    ]);
    expect(fired(p)).toEqual(['relation-without-dates group-b']);
    expect(formatFindings(lintPack(p))).toMatch(
      /^relation-without-dates {2}group-b: branch-of group-a has no date/,
    );
  });
});
