import { describe, expect, it } from 'vitest';
import { KnowledgeService } from '../../../lib/knowledge/knowledge-service';
import { isStateTitle } from '../../../lib/matching/state-names';
import { testPack } from '../../fixtures/test-pack';

const pack = { ...testPack(), formatVersion: 2 };
pack.entities = [
  ...(pack.entities ?? []),
  { id: 'place-iran', kind: 'place', name: 'Iran', placeType: 'country' },
  { id: 'place-khorasan', kind: 'place', name: 'Khorasan', placeType: 'province' },
];
const service = KnowledgeService.validated([pack]);
const groupsIn = (text: string) =>
  service
    .scan({ text, breaks: [] })
    .mentions.filter((m) => m.kind === 'group')
    .map((m) => m.name);

describe("a group's name that heads a state's title", () => {
  it('is not the group: "the Islamic State of Iran" names the Iranian state', () => {
    expect(
      groupsIn('The court found the bombing was directed by the authorities of the Islamic State of Iran.'),
    ).toEqual([]);
    expect(groupsIn('Judges blamed the Islamic State of the Iran of that decade.')).toEqual([]);
  });

  it('is still the group before a place that is not a country, or with no "of" after it', () => {
    expect(groupsIn('The Islamic State of Khorasan claimed the attack.')).toEqual(['Islamic State']);
    expect(groupsIn('The Islamic State claimed the attack in Iran.')).toEqual(['Islamic State']);
    expect(groupsIn('Islamic State, of Iran’s enemies the most vocal, claimed it.')).toEqual([
      'Islamic State',
    ]);
  });

  it('reads the joiner and the country where they are', () => {
    const span = { start: 4, end: 18, text: 'Islamic State', after: ' of Iran said' };
    expect(isStateTitle(span, new Set([22]))).toBe(true);
    expect(isStateTitle(span, new Set([23]))).toBe(false);
    expect(isStateTitle({ ...span, text: 'Hamas' }, new Set([22]))).toBe(false);
  });
});
