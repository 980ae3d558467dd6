import { describe, expect, it } from 'vitest';
import { PageGate, WordSet } from '../../../lib/matching/first-words';

const words = new WordSet('amaq\nislamic\nदाइश');

describe('first-word prefilter', () => {
  it('finds a listed word among plain words', () => {
    expect(words.inText('The claim came through Amaq on Saturday.')).toBe(true);
    expect(words.inText('islamic')).toBe(true);
  });

  it('ignores letter case', () => {
    expect(words.inText('AMAQ SAID SO')).toBe(true);
    expect(words.inText('The IsLaMiC state')).toBe(true);
  });

  it('finds a word followed by an apostrophe, straight or curly', () => {
    expect(words.inText('ISLAMIC’s fighters')).toBe(true);
    expect(words.inText("Amaq's report")).toBe(true);
    expect(words.inText('“Amaq” reported')).toBe(true);
  });

  it('finds a word written with accents', () => {
    expect(words.inText('The Islámic State')).toBe(true);
    expect(words.inText('ÂMAQ')).toBe(true);
  });

  it('finds a word in another script, alone or next to punctuation', () => {
    expect(words.inText('दाइश')).toBe(true);
    expect(words.inText('आतंकी संगठन (दाइश) ने दावा किया')).toBe(true);
  });

  it('finds a word joined to others by dashes or no-break spaces', () => {
    expect(words.inText('pro-Amaq channels')).toBe(true);
    expect(words.inText('Amaq—the agency')).toBe(true);
    expect(words.inText('the\u00a0Islamic\u00a0State')).toBe(true);
  });

  it('does not find a word inside another word', () => {
    expect(words.inText('amaqs')).toBe(false);
    expect(words.inText('Islamicist writers')).toBe(false);
    expect(words.inText('unislamic')).toBe(false);
    expect(words.inText('दाइशों')).toBe(false);
  });

  it('says no for text that names nothing', () => {
    expect(words.inText('A crisis in the Bahamas, and an analysis of it.')).toBe(false);
    expect(words.inText('संगठन ने दावा किया')).toBe(false);
  });

  it('says no for empty text', () => {
    expect(words.inText('')).toBe(false);
    expect(words.inText(' \n\t ')).toBe(false);
  });

  it('never matches with an empty list', () => {
    const none = new WordSet('');
    expect(none.inText('')).toBe(false);
    expect(none.inText('Amaq Islamic दाइश')).toBe(false);
    expect(none.inText(' - ')).toBe(false);
  });
});

describe('page gate', () => {
  const gate = new PageGate({
    keyWords: 'thowheed\nresistance',
    exactKeyWords: 'LeT\nISIS',
    keyPhrases: 'IS-K',
    keyGroups: 'home ministry\nuri attack',
  });

  it('lets through a page naming a key word, folded', () => {
    expect(gate.mayName('The National Thowheed Jamath was named.')).toBe(true);
    expect(gate.mayName('THE RESISTANCE FRONT')).toBe(true);
  });

  it('compares case-sensitive keys as written, so common words do not open the gate', () => {
    expect(gate.mayName('Let us cook. Isis and Osiris.')).toBe(false);
    expect(gate.mayName('LeT was blamed; ISIS denied it.')).toBe(true);
  });

  it('looks for aliases without a telling word whole', () => {
    expect(gate.mayName('The IS-K claim.')).toBe(true);
    expect(gate.mayName('The is-k claim. The ministry of health.')).toBe(false);
    expect(gate.mayName('The Home Ministry said so.')).toBe(true);
    expect(gate.mayName('A URI is parsed.')).toBe(false);
    expect(gate.mayName('After the Uri attack, the army said…')).toBe(true);
  });

  it('keeps closed on text that names nothing', () => {
    expect(gate.mayName('')).toBe(false);
    expect(gate.mayName('A museum opens a new wing.')).toBe(false);
  });
});

describe('page gate in slices', () => {
  const gate = new PageGate({
    keyWords: 'thowheed',
    exactKeyWords: '',
    keyPhrases: '',
    keyGroups: 'uri attack',
  });
  const filler = 'the market reopened after the rains and prices fell '.repeat(2000);

  it('finds a key word far into a long text, pausing between pieces', async () => {
    let pauses = 0;
    const found = await gate.mayNameInSlices(`${filler} National Thowheed Jamath ${filler}`, async () => {
      pauses++;
    });
    expect(found).toBe(true);
    expect(pauses).toBeGreaterThan(0);
  });

  it('joins word groups across pieces and stays closed on text that names nothing', async () => {
    expect(await gate.mayNameInSlices(`Uri ${filler} attack`, async () => {}, 1000)).toBe(true);
    expect(await gate.mayNameInSlices(filler, async () => {}, 1000)).toBe(false);
  });
});
