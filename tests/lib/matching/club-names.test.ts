import { describe, expect, it } from 'vitest';
import { KnowledgeBase } from '../../../lib/knowledge/knowledge-base';
import { defaultPack } from '../../../lib/knowledge/default-pack';
import { compileMatcher } from '../../../lib/matching/matcher-bundle';
import { TextMatcher } from '../../../lib/matching/text-matcher';
import { isClubName } from '../../../lib/matching/club-names';

const kb = new KnowledgeBase([defaultPack()]);
const matcher = new TextMatcher(kb, compileMatcher(kb));
const groups = (paragraphs: string[]) => {
  let text = '';
  const breaks: number[] = [];
  for (const p of paragraphs) {
    if (text) breaks.push(text.length);
    text += p;
  }
  return matcher
    .match({ text, breaks })
    .mentions.filter((m) => m.kind === 'group')
    .map((m) => m.targetId);
};

describe('a group’s name borne by a sports club', () => {
  it('is the club where the page writes it with a club’s suffix or prefix, and elsewhere on that page', () => {
    expect(
      groups([
        'Al-Shabab FC beat Al-Riyadh SC 2-1 in the Saudi Pro League on Friday.',
        'Al-Shabab scored the winner in stoppage time; it was Al-Shabab’s first win under the new coach.',
      ]),
    ).toEqual([]);
    expect(groups(['Der Trainer von Club Al Shabab lobte seine Mannschaft.'])).toEqual([]);
  });

  it('is still the group where no club is named', () => {
    expect(groups(['Al-Shabab fighters attacked a military base in Lower Shabelle.'])).toEqual([
      'group-al-shabaab',
    ]);
    // A club named on the same page under another spelling leaves the militants' own name alone.
    expect(
      groups([
        'Al-Shabab FC lost at home.',
        'In Somalia, al-Shabaab claimed an attack on a hotel in Mogadishu.',
      ]),
    ).toEqual(['group-al-shabaab']);
  });

  it('reads suffixes and prefixes as whole words', () => {
    const span = (before: string, after: string) => ({ start: 0, end: 9, text: 'Al-Shabab', before, after });
    expect(isClubName(span('', ' FC won'))).toBe(true);
    expect(isClubName(span('', ' F.C.'))).toBe(true);
    expect(isClubName(span('', ' Football Club'))).toBe(true);
    expect(isClubName(span('Club ', ' won'))).toBe(true);
    expect(isClubName(span('', ' fighters'))).toBe(false);
    expect(isClubName(span('', ' SCORED'))).toBe(false);
    expect(isClubName(span('', ' clubbed'))).toBe(false);
  });
});
