import { describe, expect, it } from 'vitest';
import { CERTAIN, GlanceFilter, type GlancePattern } from '../../../lib/matching/glance-filter';

const plain = (text: string): GlancePattern => ({ text, caseSensitive: false });
const exact = (text: string): GlancePattern => ({ text, caseSensitive: true });
const anywhere = (text: string): GlancePattern => ({ text, caseSensitive: false, anywhere: true });

/**
 * The aliases found in `text`, as the text writes them, each with its edges: "" where the edge is
 * certain, else the text from where a node would have to start.
 */
function found(patterns: GlancePattern[], text: string): string[][] {
  const out: string[][] = [];
  const edge = (at: number) => (at === CERTAIN ? '' : text.slice(at));
  new GlanceFilter(patterns).find(text, (_pattern, start, end, startEdge, endEdge) => {
    out.push([text.slice(start, end), edge(startEdge), edge(endEdge)]);
    return false;
  });
  return out;
}

describe('the search in a page’s textContent', () => {
  it('finds names folded as the matcher folds them: case, accents, hyphens, apostrophes', () => {
    const patterns = [plain('Ansar Ghazwat-ul-Hind'), plain("Da'ish"), plain('Lashkar-e-Taiba')];
    expect(found(patterns, 'members of ansar ghazwat ul hind said')).toEqual([
      ['ansar ghazwat ul hind', '', ''],
    ]);
    expect(found(patterns, 'the Da’ish claim')).toEqual([['Da’ish', '', '']]);
    expect(found(patterns, 'LASHKAR E TAÏBA')).toEqual([['LASHKAR E TAÏBA', '', '']]);
  });

  it('is as strict as the matcher inside a name: no missing space, no extra letter', () => {
    const patterns = [plain('Lashkar-e-Taiba'), plain('Islamic State')];
    expect(found(patterns, 'Lashkaretaiba')).toEqual([]);
    expect(found(patterns, 'Islamic Stat e')).toEqual([]);
  });

  it('says where a text node would have to start for a name between two letters to be a word', () => {
    const patterns = [plain('Mali'), plain('Hamas'), plain('Islamic State'), exact('ISIS')];
    // "So|mali|a" holds "Mali" only if nodes start at both edges; "Bahamas" only if one starts at "h".
    expect(found(patterns, 'Somalia and the Bahamas')).toEqual([
      ['mali', 'malia and the Bahamas', 'a and the Bahamas'],
      ['hamas', 'hamas', ''],
    ]);
    // "<li>world</li><li>hamas</li>", "<h1>…by ISIS</h1><p>The…": textContent joins the blocks.
    expect(found(patterns, 'worldhamas')).toEqual([['hamas', 'hamas', '']]);
    expect(found(patterns, 'claimed by ISISThe group')).toEqual([['ISIS', '', 'The group']]);
    expect(found(patterns, 'Islamic Statement')).toEqual([['Islamic State', '', 'ment']]);
    expect(found(patterns, '2019Hamas')).toEqual([['Hamas', 'Hamas', '']]);
  });

  it('takes an edge next to characters the matcher drops as certain (a node may start on either side of them)', () => {
    expect(found([plain('Hamas')], 'world\u00adhamas\u200bsaid')).toEqual([['hamas', '', '']]);
  });

  it('checks the letter case of case-sensitive aliases, and of those only', () => {
    const patterns = [exact('ISIL'), plain('Hamas')];
    expect(found(patterns, 'Isil, isil and HAMAS')).toEqual([['HAMAS', '', '']]);
    expect(found(patterns, 'the ISIL claim')).toEqual([['ISIL', '', '']]);
    expect(found([exact('ISIS')], 'a crisis')).toEqual([]);
  });

  it('finds names in every script', () => {
    expect(found([plain('داعش')], 'قال داعش')).toEqual([['داعش', '', '']]);
    expect(found([plain('داعش')], 'قالداعش')).toEqual([['داعش', 'داعش', '']]);
    expect(found([plain('इस्लामिक स्टेट')], 'यह इस्लामिक स्टेट है')).toEqual([['इस्लामिक स्टेट', '', '']]);
  });

  it('finds a word looked for anywhere inside others, with no edge to check', () => {
    expect(found([anywhere('attack')], 'Militants attacked.')).toEqual([['attack', '', '']]);
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

  it('finds overlapping, nested and repeated names, and one at the very end of the text', () => {
    const patterns = [
      plain('Islamic State'),
      plain('Islamic State Khorasan'),
      plain('Khorasan'),
      plain('islamic state'),
    ];
    expect(found(patterns, 'Islamic State Khorasan').map(([name]) => name)).toEqual([
      'Islamic State',
      'Islamic State',
      'Islamic State Khorasan',
      'Khorasan',
    ]);
    expect(found(patterns, 'by the Islamic State').map(([name]) => name)).toEqual([
      'Islamic State',
      'Islamic State',
    ]);
  });

  it('follows failure links into shorter names that share an ending', () => {
    const patterns = [plain('abcd'), plain('bce'), plain('cde')];
    expect(found(patterns, 'x abce y').map(([name]) => name)).toEqual(['bce']);
    // "abcd" too, in case a text node starts at "e".
    expect(found(patterns, 'x abcde y').map(([name]) => name)).toEqual(['abcd', 'cde']);
  });

  it('holds packs far larger than the default one', () => {
    // More aliases than a spread of arguments can take (about 125,000 in V8).
    const many = Array.from({ length: 200_000 }, (_, i) => plain(`name ${i.toString(36)} group`));
    const filter = new GlanceFilter(many);
    const seen: number[] = [];
    filter.find('a name 3c91 group and name zz group.', (pattern) => {
      seen.push(pattern);
      return false;
    });
    expect(seen).toEqual([parseInt('3c91', 36), parseInt('zz', 36)]);
  });
});
