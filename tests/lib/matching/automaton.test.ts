import { describe, expect, it } from 'vitest';
import { buildAutomaton, decodeAutomaton, encodeAutomaton } from '../../../lib/matching/automaton';
import { foldText } from '../../../lib/matching/normalise';
import { StreamMatcher } from '../../../lib/matching/stream-matcher';

function matcher(aliases: string[]) {
  const automaton = buildAutomaton(aliases.map((text, target) => ({ folded: foldText(text), target, flags: 0 })));
  return decodeAutomaton(encodeAutomaton(automaton));
}

/** Feeds text in pieces (as DOM text nodes arrive) and returns [alias, matched text] pairs. */
function find(aliases: string[], pieces: string[]): [string, string][] {
  const text = pieces.join('');
  const found: [string, string][] = [];
  const m = new StreamMatcher(matcher(aliases), (pattern, start, end) => found.push([aliases[pattern]!, text.slice(start, end)]));
  let offset = 0;
  for (const piece of pieces) {
    m.feed(piece, offset);
    offset += piece.length;
  }
  m.boundary(offset);
  return found;
}

describe('alias automaton', () => {
  it('finds every alias in one pass, across text node boundaries', () => {
    expect(find(['Islamic State', 'Amaq', 'Tehreek-ul-Mujahideen'], ['The ', 'Islamic', ' State said through Amaq; Tehreek-', 'ul-Mujahideen too.'])).toEqual([
      ['Islamic State', 'Islamic State'],
      ['Amaq', 'Amaq'],
      ['Tehreek-ul-Mujahideen', 'Tehreek-ul-Mujahideen'],
    ]);
  });

  it('matches spelling variants that differ only in separators, case and apostrophes', () => {
    const found = find(['Ansar Gazwat-ul-Hind', "Da'ish"], ['ansar gazwat ul hind, ANSAR GAZWAT-UL-HIND and Da’ish']);
    expect(found.map((f) => f[1])).toEqual(['ansar gazwat ul hind', 'ANSAR GAZWAT-UL-HIND', 'Da’ish']);
  });

  it('respects word boundaries: no alias inside a longer word', () => {
    const aliases = ['Isis', 'Hamas', 'IS', 'Daish'];
    expect(find(aliases, ['crisis, analysis, basis, Bahamas, Daisy, This is, Lisbon, Daisha'])).toEqual([['IS', 'is']]);
  });

  it('finds adjacent and possessive mentions', () => {
    expect(find(['ISIS'], ["ISIS ISIS's claim"]).length).toBe(2);
  });

  it('respects word boundaries in other scripts', () => {
    expect(find(['داعش'], ['قال داعش إن', 'والداعشيون'])).toEqual([['داعش', 'داعش']]);
    expect(find(['इस्लामिक स्टेट'], ['इस्लामिक स्टेट ने'])).toEqual([['इस्लामिक स्टेट', 'इस्लामिक स्टेट']]);
  });

  it('never matches across a block boundary', () => {
    const automaton = matcher(['Islamic State']);
    const found: number[] = [];
    const m = new StreamMatcher(automaton, (p) => found.push(p));
    m.feed('Islamic', 0);
    m.boundary(7);
    m.feed('State', 7);
    m.boundary(12);
    expect(found).toEqual([]);
  });

  it('reports an alias that two owners share, for both', () => {
    const automaton = decodeAutomaton(
      encodeAutomaton(
        buildAutomaton([
          { folded: 'jkp', target: 0, flags: 0 },
          { folded: 'jkp', target: 1, flags: 0 },
        ]),
      ),
    );
    const owners: number[] = [];
    const m = new StreamMatcher(automaton, (p) => owners.push(automaton.patternTarget[p]!));
    m.feed('the JKP said', 0);
    m.boundary(12);
    expect(owners.sort()).toEqual([0, 1]);
  });

  it('refuses truncated data', () => {
    const encoded = encodeAutomaton(buildAutomaton([{ folded: 'amaq', target: 0, flags: 0 }]));
    expect(() => decodeAutomaton(encoded.slice(0, -3))).toThrow(/truncated|trailing/);
  });
});
