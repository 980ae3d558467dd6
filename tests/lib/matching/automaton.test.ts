import { describe, expect, it } from 'vitest';
import { buildAutomaton } from '../../../lib/matching/word-automaton';
import { foldText } from '../../../lib/matching/normalise';
import { PackedAutomaton, StreamMatcher } from '../../../lib/matching/stream-matcher';

function automatonOf(aliases: string[]) {
  return new PackedAutomaton(
    buildAutomaton(aliases.map((text, target) => ({ folded: foldText(text), target, flags: 0 }))),
  );
}

/** Feeds text in pieces (as DOM text nodes arrive) and returns [alias, matched text] pairs. */
function find(aliases: string[], pieces: string[]): [string, string][] {
  const text = pieces.join('');
  const found: [string, string][] = [];
  const m = new StreamMatcher(automatonOf(aliases), (pattern, start, end) =>
    found.push([aliases[pattern]!, text.slice(start, end)]),
  );
  let offset = 0;
  for (const piece of pieces) {
    m.feed(piece, offset);
    offset += piece.length;
  }
  m.boundary();
  return found;
}

describe('alias automaton', () => {
  it('finds every alias in one pass, across text node boundaries', () => {
    expect(
      find(
        ['Islamic State', 'Amaq', 'Tehreek-ul-Mujahideen'],
        ['The ', 'Islamic', ' State said through Am', 'aq; Tehreek-', 'ul-Mujahideen too.'],
      ),
    ).toEqual([
      ['Islamic State', 'Islamic State'],
      ['Amaq', 'Amaq'],
      ['Tehreek-ul-Mujahideen', 'Tehreek-ul-Mujahideen'],
    ]);
  });

  it('matches spelling variants that differ only in separators, case and apostrophes', () => {
    const found = find(
      ['Ansar Gazwat-ul-Hind', "Da'ish"],
      ['ansar gazwat ul hind, ANSAR GAZWAT-UL-HIND and Da’ish'],
    );
    expect(found.map((f) => f[1])).toEqual(['ansar gazwat ul hind', 'ANSAR GAZWAT-UL-HIND', 'Da’ish']);
  });

  it('respects word boundaries: no alias inside a longer word', () => {
    const aliases = ['Isis', 'Hamas', 'IS', 'Daish'];
    expect(find(aliases, ['crisis, analysis, basis, Bahamas, Daisy, This is, Lisbon, Daisha'])).toEqual([
      ['IS', 'is'],
    ]);
  });

  it('finds repeated, overlapping and possessive mentions', () => {
    expect(find(['ISIS'], ["ISIS ISIS's claim"]).length).toBe(2);
    expect(
      find(
        ['Islamic State', 'State of Iraq', 'Islamic State of Iraq'],
        ['the Islamic State of Iraq said'],
      ).map((f) => f[1]),
    ).toEqual(['Islamic State', 'Islamic State of Iraq', 'State of Iraq']);
  });

  it('respects word boundaries in other scripts', () => {
    expect(find(['داعش'], ['قال داعش إن', ' والداعشيون'])).toEqual([['داعش', 'داعش']]);
    expect(find(['इस्लामिक स्टेट'], ['इस्लामिक स्टेट ने'])).toEqual([['इस्लामिक स्टेट', 'इस्लामिक स्टेट']]);
  });

  it('never matches across a block boundary', () => {
    const found: number[] = [];
    const m = new StreamMatcher(automatonOf(['Islamic State']), (p) => found.push(p));
    m.feed('Islamic', 0);
    m.boundary();
    m.feed('State', 7);
    m.boundary();
    expect(found).toEqual([]);
  });

  it('reports an alias that two owners share, for both', () => {
    const automaton = new PackedAutomaton(
      buildAutomaton([
        { folded: 'jkp', target: 0, flags: 0 },
        { folded: 'jkp', target: 1, flags: 0 },
      ]),
    );
    const owners: number[] = [];
    const m = new StreamMatcher(automaton, (p) => owners.push(automaton.patternTarget(p)));
    m.feed('the JKP said', 0);
    m.boundary();
    expect(owners.sort()).toEqual([0, 1]);
  });

  it('refuses truncated or foreign data', () => {
    const packed = buildAutomaton([{ folded: 'amaq', target: 0, flags: 0 }]);
    expect(() => new PackedAutomaton(packed.slice(0, -4))).toThrow(/truncated|damaged/);
    expect(() => new PackedAutomaton('hello world')).toThrow(/not a ClaimLens automaton/);
  });

  it('stays exact with many thousands of aliases', () => {
    const aliases = Array.from({ length: 20_000 }, (_, i) => `Group ${i.toString(36)} Front`);
    const automaton = new PackedAutomaton(
      buildAutomaton(aliases.map((a, i) => ({ folded: foldText(a), target: i, flags: 0 }))),
    );
    const found: number[] = [];
    const m = new StreamMatcher(automaton, (p) => found.push(p));
    m.feed('Group 7ps Front and group zz front and Group 7ps Fronts', 0);
    m.boundary();
    expect(found).toEqual([(7 * 36 + 25) * 36 + 28, 35 * 36 + 35]);
  });
});
