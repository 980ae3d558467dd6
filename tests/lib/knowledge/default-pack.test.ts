// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { defaultPack } from '../../../lib/knowledge/default-pack';
import { competingClaimants } from '../../../lib/knowledge/knowledge-base';
import { packStats } from '../../../lib/knowledge/pack-stats';
import type { AliasObject, Incident } from '../../../lib/knowledge/pack-types';
import { formatProblems, validatePack } from '../../../lib/knowledge/pack-validator';
import { htmlDocument, spot } from '../../fixtures/spot';

const pack = defaultPack();

const REQUIRED_ENTITIES = [
  'group-islamic-state',
  'group-is-hind-province',
  'group-is-khorasan',
  'group-isjk',
  'media-amaq',
  'group-al-qaeda',
  'group-aqis',
  'group-tehreek-ul-mujahideen',
  'group-ansar-ghazwat-ul-hind',
  'group-hizbul-mujahideen',
  'group-jaish-e-mohammed',
  'group-lashkar-e-taiba',
  'group-the-resistance-front',
  'group-harkat-ul-mujahideen',
  'group-national-thowheed-jamath',
  'org-site-intelligence-group',
  'org-jk-police',
  'org-jkp-sog',
  'org-crpf',
  'org-mha-india',
];

const REQUIRED_INCIDENTS = [
  'incident-zakura-2017',
  'incident-soura-2018',
  'incident-pulwama-2019',
  'incident-sri-lanka-easter-2019',
  'incident-amshipora-2019',
];

function incident(id: string): Incident {
  const found = pack.incidents.find((i) => i.id === id);
  if (!found) throw new Error(`the default pack has no ${id}`);
  return found;
}

const entityKind = new Map(pack.entities.map((e) => [e.id, e.kind]));

/** Entity ids and texts spotted on a page holding `html`, with the default pack. */
const spotted = async (html: string) =>
  (await spot(htmlDocument(html).body, pack)).map((m) => [m.id, m.text] as const);

/** Only the mentions of groups and media outlets. */
const groupsSpotted = async (html: string) =>
  (await spotted(html)).filter(([id]) => entityKind.get(id) === 'group' || entityKind.get(id) === 'media');

describe('default pack: integrity', () => {
  it('passes validation with no problem', () => {
    const result = validatePack(JSON.parse(JSON.stringify(pack)));
    expect(result.ok ? '' : formatProblems(result.problems)).toBe('');
    expect(result.ok).toBe(true);
  });

  it('has a source for every claim, statement and toll', () => {
    const stats = packStats(pack);
    expect(stats.itemsWithoutSource).toBe(0);
    expect(stats.claims).toBeGreaterThan(0);
    expect(stats.statements).toBeGreaterThan(0);
  });

  it('links only to http(s) addresses', () => {
    expect(pack.sources.length).toBeGreaterThan(0);
    for (const source of pack.sources) expect(source.url, source.id).toMatch(/^https?:\/\/[^/\s]+/);
    const bad = pack.sources.filter((s) => !['https:', 'http:'].includes(new URL(s.url).protocol));
    expect(bad).toEqual([]);
  });
});

describe('default pack: what the product needs', () => {
  it('holds the required groups, outlets and official bodies', () => {
    const ids = new Set(pack.entities.map((e) => e.id));
    expect(REQUIRED_ENTITIES.filter((id) => !ids.has(id))).toEqual([]);
    expect(entityKind.get('media-amaq')).toBe('media');
    expect(entityKind.get('org-jk-police')).toBe('organization');
    expect(entityKind.get('group-the-resistance-front')).toBe('group');
  });

  it('is broad: at least 60 groups and 40 incidents, each incident with a claim or an official statement', () => {
    const stats = packStats(pack);
    expect(stats.entitiesByKind.group).toBeGreaterThanOrEqual(60);
    expect(stats.incidents).toBeGreaterThanOrEqual(40);
    expect(
      pack.incidents.filter((i) => i.claims.length + i.statements.length === 0).map((i) => i.id),
    ).toEqual([]);
  });

  it('covers the incidents where responsibility was famously claimed, contested, denied or retracted', () => {
    const ids = new Set(pack.incidents.map((i) => i.id));
    const famous = [
      'incident-mumbai-2008',
      'incident-pathankot-2016',
      'incident-uri-2016',
      'incident-pahalgam-2025',
      'incident-kabul-airport-2021',
      'incident-peshawar-police-lines-2023',
      'incident-crocus-city-hall-2024',
      'incident-gulshan-2016',
      'incident-bardo-2015',
    ];
    expect(famous.filter((id) => !ids.has(id))).toEqual([]);
    expect(incident('incident-pahalgam-2025').claims.map((c) => c.stance)).toEqual(
      expect.arrayContaining(['claimed', 'retracted']),
    );
  });

  it('holds the required incidents', () => {
    const ids = new Set(pack.incidents.map((i) => i.id));
    expect(REQUIRED_INCIDENTS.filter((id) => !ids.has(id))).toEqual([]);
  });

  it('has at least three outfits claiming the Zakura attack', () => {
    const zakura = incident('incident-zakura-2017');
    const claimants = new Set(zakura.claims.filter((c) => c.stance === 'claimed').map((c) => c.claimant));
    expect(claimants.size).toBeGreaterThanOrEqual(3);
    expect(competingClaimants(zakura)).toBeGreaterThanOrEqual(3);
    expect([...claimants]).toEqual(
      expect.arrayContaining([
        'group-islamic-state',
        'group-tehreek-ul-mujahideen',
        'group-ansar-ghazwat-ul-hind',
      ]),
    );
  });

  it('has the Islamic State claim for the Easter bombings and officials naming National Thowheed Jamath', () => {
    const easter = incident('incident-sri-lanka-easter-2019');
    expect(easter.claims.some((c) => c.claimant === 'group-islamic-state' && c.stance === 'claimed')).toBe(
      true,
    );
    expect(
      easter.statements.some(
        (s) => s.stance === 'attributes-to' && s.attributedTo?.includes('group-national-thowheed-jamath'),
      ),
    ).toBe(true);
  });
});

describe('default pack: aliases', () => {
  const islamicState = pack.entities.find((e) => e.id === 'group-islamic-state')!;
  const aliasObjects = (islamicState.aliases ?? []).map((a): AliasObject =>
    typeof a === 'string' ? { text: a } : a,
  );

  it('matches every short all-capitals Islamic State acronym by exact case', () => {
    const acronyms = aliasObjects.filter((a) => /^[A-Z]{2,4}$/.test(a.text));
    expect(acronyms.map((a) => a.text)).toEqual(expect.arrayContaining(['IS', 'ISIS', 'ISIL']));
    for (const a of acronyms) expect(a.caseSensitive, a.text).toBe(true);
  });

  it('matches every short all-capitals acronym of the Islamic State family by exact case', () => {
    const family = pack.entities.filter((e) =>
      ['group-islamic-state', 'group-is-hind-province', 'group-is-khorasan', 'group-isjk'].includes(e.id),
    );
    for (const e of family)
      for (const a of e.aliases ?? [])
        if (typeof a === 'string') expect(a, e.id).not.toMatch(/^[A-Z]{2,4}$/);
        else if (/^[A-Z]{2,4}$/.test(a.text)) expect(a.caseSensitive, `${e.id}: ${a.text}`).toBe(true);
  });

  it('needs context for "IS" and "Isis"', () => {
    for (const text of ['IS', 'Isis']) {
      const alias = aliasObjects.find((a) => a.text === text);
      expect(alias, text).toBeDefined();
      expect(alias!.needsContext, text).toBe(true);
    }
  });
});

describe('default pack: spotting on a page', () => {
  const spellings: [string, string][] = [
    ['Daesh', 'group-islamic-state'],
    ['Daish', 'group-islamic-state'],
    ["Da'ish", 'group-islamic-state'],
    ['ISIL', 'group-islamic-state'],
    ['داعش', 'group-islamic-state'],
    ['Tehreek-ul-Mujhadeen', 'group-tehreek-ul-mujahideen'],
    ['Ansar Gazwat ul Hind', 'group-ansar-ghazwat-ul-hind'],
    ['Ansar Ghazwatul Hind', 'group-ansar-ghazwat-ul-hind'],
    ['Jaish-e-Mohammad', 'group-jaish-e-mohammed'],
    ['Lashkar-e-Toiba', 'group-lashkar-e-taiba'],
    ['Wilayah of Hind', 'group-is-hind-province'],
    ['Tehrik-i-Taliban Pakistan', 'group-ttp'],
    ['Jamaat-ul-Ahrar', 'group-jamaat-ul-ahrar'],
    ['Baloch Liberation Army', 'group-bla'],
    ['Jamaat-ul-Mujahideen Bangladesh', 'group-jmb'],
    ['Boko Haram', 'group-boko-haram'],
    ['al-Shabaab', 'group-al-shabaab'],
    ['Hezbollah', 'group-hezbollah'],
    ['Hamas', 'group-hamas'],
    ['People’s Anti-Fascist Front', 'group-paff'],
  ];

  for (const [text, id] of spellings) {
    it(`recognises "${text}" as ${id}`, async () => {
      expect(await spotted(`<p>A statement from ${text} was released on Sunday.</p>`)).toEqual([[id, text]]);
    });
  }

  for (const text of [
    'crisis',
    'analysis',
    'Bahamas',
    'the goddess Isis',
    'THIS IS IT',
    'IM',
    'BLA',
    'JI',
    'ADF',
  ]) {
    it(`does not take "${text}" for a group`, async () => {
      expect(await groupsSpotted(`<p>${text}</p>`)).toEqual([]);
      expect(await groupsSpotted(`<p>It was about ${text}, they said.</p>`)).toEqual([]);
    });
  }

  it('does not find a group inside other words on a page that names the Islamic State', async () => {
    expect(
      await groupsSpotted('<p>The Islamic State claimed it.</p><p>A crisis, an analysis, the Bahamas.</p>'),
    ).toEqual([['group-islamic-state', 'Islamic State']]);
  });

  it('does not read "IS" in a headline in capitals on a page that names the Islamic State', async () => {
    expect(await groupsSpotted('<h1>THIS IS IT</h1><p>The Islamic State claimed the attack.</p>')).toEqual([
      ['group-islamic-state', 'Islamic State'],
    ]);
  });
});
