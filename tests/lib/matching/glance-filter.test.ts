import { describe, expect, it } from 'vitest';
import { GlanceFilter, type GlancePattern } from '../../../lib/matching/glance-filter';

const plain = (text: string): GlancePattern => ({ text, caseSensitive: false });
const exact = (text: string): GlancePattern => ({ text, caseSensitive: true });

/** The aliases found in `text`, as the text writes them. */
function found(patterns: GlancePattern[], text: string): string[] {
  const out: string[] = [];
  new GlanceFilter(patterns).find(text, (_pattern, start, end) => {
    out.push(text.slice(start, end));
    return false;
  });
  return out;
}

describe('the loose search in a page’s textContent', () => {
  it('finds names folded as the matcher folds them: case, accents, hyphens, apostrophes', () => {
    const patterns = [plain('Ansar Ghazwat-ul-Hind'), plain("Da'ish"), plain('Lashkar-e-Taiba')];
    expect(found(patterns, 'members of ansar ghazwat ul hind said')).toEqual(['ansar ghazwat ul hind']);
    expect(found(patterns, 'the Da’ish claim')).toEqual(['Da’ish']);
    expect(found(patterns, 'LASHKAR E TAÏBA')).toEqual(['LASHKAR E TAÏBA']);
  });

  it('keeps a name’s words apart as the matcher does: no name inside a longer word or across missing spaces', () => {
    const patterns = [plain('Mali'), plain('Lashkar-e-Taiba'), plain('Islamic State')];
    expect(found(patterns, 'Somalia and formalities')).toEqual([]);
    expect(found(patterns, 'Lashkaretaiba')).toEqual([]);
    expect(found(patterns, 'Islamic Statement')).toEqual([]);
  });

  it('finds a name where a block ends and the next begins with no space between them', () => {
    const patterns = [exact('ISIS'), plain('Srinagar'), plain('Islamic State')];
    // "<h1>…claimed by ISIS</h1><p>The group…" and the like, as textContent joins them.
    expect(found(patterns, 'Attack claimed by ISISThe group said')).toEqual(['ISIS']);
    expect(found(patterns, 'Grenade attack in SrinagarPolice said')).toEqual(['Srinagar']);
    expect(found(patterns, 'MenuIslamic StateWorld')).toEqual(['Islamic State']);
    expect(found(patterns, 'Updated 2019Srinagar')).toEqual(['Srinagar']);
  });

  it('checks the letter case of case-sensitive aliases, and of those only', () => {
    const patterns = [exact('ISIL'), plain('Hamas')];
    expect(found(patterns, 'Isil, isil and HAMAS')).toEqual(['HAMAS']);
    expect(found(patterns, 'the ISIL claim')).toEqual(['ISIL']);
  });

  it('finds names in every script, and more than the matcher would, never less', () => {
    expect(found([plain('داعش')], 'قال داعش')).toEqual(['داعش']);
    // Joined to the next word with no space: two text nodes may meet there, so it counts.
    expect(found([plain('داعش')], 'قالداعش')).toEqual(['داعش']);
    // "CRISIS" may be "CR" + "ISIS" from two nodes: the matcher will decide.
    expect(found([exact('ISIS')], 'THE CRISIS DEEPENS')).toEqual(['ISIS']);
  });

  it('stops at the first name the listener takes, and finds nothing without patterns', () => {
    const filter = new GlanceFilter([plain('Hamas'), plain('Hezbollah')]);
    const seen: number[] = [];
    const stopped = filter.find('Hamas and Hezbollah', (pattern) => {
      seen.push(pattern);
      return true;
    });
    expect(stopped).toBe(true);
    expect(seen).toEqual([0]);
    expect(new GlanceFilter([]).find('Hamas', () => true)).toBe(false);
    expect(new GlanceFilter([plain('  --  ')]).find('-- --', () => true)).toBe(false);
  });

  it('finds overlapping and nested names, and one at the very end of the text', () => {
    const patterns = [plain('Islamic State'), plain('Islamic State Khorasan'), plain('Khorasan')];
    expect(found(patterns, 'Islamic State Khorasan')).toEqual([
      'Islamic State',
      'Islamic State Khorasan',
      'Khorasan',
    ]);
    expect(found(patterns, 'by the Islamic State')).toEqual(['Islamic State']);
  });
});
