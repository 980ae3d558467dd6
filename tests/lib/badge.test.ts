import { describe, expect, it } from 'vitest';
import { BADGE_COLOR, BADGE_CONFLICT_COLOR, badgeColor, badgeText } from '../../lib/badge';
import type { PageReport } from '../../lib/messaging';

type Report = Pick<PageReport, 'entities' | 'incidents'>;

const entity = (id: string, kind: string) => ({ id, name: id, kind, aliases: [], mentions: 1 });
const incident = (id: string) => ({
  id,
  name: id,
  aliases: [],
  confidence: 0.9,
  why: 'named',
  competingClaimants: 1,
});

describe('toolbar badge', () => {
  it('is empty when the page holds nothing', () => {
    expect(badgeText({ entities: [], incidents: [] })).toBe('');
  });

  it('counts groups, media outlets and incidents', () => {
    const report: Report = {
      entities: [entity('group-is', 'group'), entity('group-tum', 'group'), entity('media-amaq', 'media')],
      incidents: [incident('incident-zakura-2017')],
    };
    expect(badgeText(report)).toBe('4');
  });

  it('does not count people, places or organisations', () => {
    const report: Report = {
      entities: [
        entity('person-vaid', 'person'),
        entity('place-zakura', 'place'),
        entity('org-jkp', 'organization'),
      ],
      incidents: [],
    };
    expect(badgeText(report)).toBe('');
    report.entities.push(entity('group-is', 'group'));
    expect(badgeText(report)).toBe('1');
  });

  it('counts incidents alone', () => {
    expect(badgeText({ entities: [], incidents: [incident('a'), incident('b')] })).toBe('2');
  });

  it('shows 99 as is and caps anything above at 99+', () => {
    const groups = (n: number) => Array.from({ length: n }, (_, i) => entity(`group-${i}`, 'group'));
    expect(badgeText({ entities: groups(99), incidents: [] })).toBe('99');
    expect(badgeText({ entities: groups(99), incidents: [incident('a')] })).toBe('99+');
    expect(badgeText({ entities: groups(250), incidents: [] })).toBe('99+');
  });
});

describe('badge colour', () => {
  it('is ClaimLens navy, and amber where an incident on the page has competing claims', () => {
    const one = incident('incident-a');
    expect(badgeColor({ incidents: [] })).toBe(BADGE_COLOR);
    expect(badgeColor({ incidents: [one] })).toBe(BADGE_COLOR);
    expect(badgeColor({ incidents: [one, { ...one, id: 'incident-b', competingClaimants: 3 }] })).toBe(
      BADGE_CONFLICT_COLOR,
    );
    expect(BADGE_CONFLICT_COLOR).not.toBe(BADGE_COLOR);
  });
});
