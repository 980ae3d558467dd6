import { describe, expect, it } from 'vitest';
import {
  guardSupport,
  pickSharedGuarded,
  qualifierOf,
  startsWord,
} from '../../../lib/matching/guard-context';

const mention = (targetId: string, name: string, start = 10, end = 24, guarded = true) => ({
  start,
  end,
  targetId,
  name,
  guarded,
});

describe('which of several groups sharing a guarded name a page means', () => {
  it('reads the qualifier of a disambiguated name', () => {
    expect(qualifierOf('Ansar al-Islam (Egypt)')).toBe('egypt');
    expect(qualifierOf('Ansar al-Sharia (Libya)')).toBe('libya');
    expect(qualifierOf('Hamas')).toBeUndefined();
  });

  it('rates support: the group itself named, a related outfit named, or nothing', () => {
    const related = new Map([['group-a', ['group-parent']]]);
    expect(guardSupport('group-a', new Set(['group-a']), related)).toBe(2);
    expect(guardSupport('group-a', new Set(['group-parent']), related)).toBe(1);
    expect(guardSupport('group-a', new Set(['group-other']), related)).toBe(0);
  });

  it('keeps the better-supported group where two share a name at one place', () => {
    const egypt = mention('egypt', 'Ansar al-Islam (Egypt)');
    const iraq = mention('iraq', 'Ansar al-Islam (Iraq)');
    const support = (m: { targetId: string }) => (m.targetId === 'egypt' ? 2 : 1);
    expect(pickSharedGuarded([egypt, iraq], support, () => '')).toEqual([egypt]);
  });

  it('at a tie, keeps the group whose qualifier the page names, as a word or the start of one', () => {
    const egypt = mention('egypt', 'Ansar al-Islam (Egypt)');
    const iraq = mention('iraq', 'Ansar al-Islam (Iraq)');
    const tie = () => 1;
    expect(pickSharedGuarded([egypt, iraq], tie, () => 'the iraqi army said')).toEqual([iraq]);
    expect(pickSharedGuarded([egypt, iraq], tie, () => 'nothing to tell them apart')).toEqual([egypt, iraq]);
    // Both named: the page gives no way to tell, and both stay.
    expect(pickSharedGuarded([egypt, iraq], tie, () => 'iraqis and egyptians')).toEqual([egypt, iraq]);
  });

  it('leaves alone mentions that no other group shares', () => {
    const a = mention('egypt', 'Ansar al-Islam (Egypt)', 0, 14);
    const b = mention('iraq', 'Ansar al-Islam (Iraq)', 30, 44);
    const plain = mention('al-qaeda', 'al-Qaeda', 50, 58, false);
    expect(
      pickSharedGuarded(
        [a, b, plain],
        () => 1,
        () => '',
      ),
    ).toEqual([a, b, plain]);
  });

  it('finds a qualifier only where it starts a word, in any letter case', () => {
    expect(startsWord('The Iraqi army said', 'iraq')).toBe(true);
    expect(startsWord('IRAQ', 'iraq')).toBe(true);
    expect(startsWord('(Egypt) and more', 'egypt')).toBe(true);
    expect(startsWord('Sinai, near north-Egypt', 'egypt')).toBe(true);
    // Inside a word, after a digit, or after a letter of another script: not the start of a word.
    expect(startsWord('antiraqi', 'iraq')).toBe(false);
    expect(startsWord('x9iraq', 'iraq')).toBe(false);
    expect(startsWord('éiraq', 'iraq')).toBe(false);
    expect(startsWord('nothing here', 'iraq')).toBe(false);
    // An earlier occurrence inside a word does not hide a later one at a word's start.
    expect(startsWord('antiraq and iraq', 'iraq')).toBe(true);
    // Occurrences that overlap: the second starts after a hyphen inside the first.
    expect(startsWord('xa-a-a', 'a-a')).toBe(true);
    expect(startsWord('burkina faso', 'burkina faso')).toBe(true);
    expect(startsWord('Burkina  Faso', 'burkina faso')).toBe(false);
  });
});
