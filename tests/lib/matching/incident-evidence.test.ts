import { describe, expect, it } from 'vitest';
import { ArticleReading } from '../../../lib/matching/incident-evidence';

/** A report padded with plain sentences (14,000 characters: inside the head, long enough that phrases are found through the index of words). */
function reading(story: string, filler = 200): ArticleReading {
  const padding = 'The market reopened and residents returned to the road near the river. '.repeat(filler);
  return new ArticleReading({
    mentions: [],
    entityIds: [],
    text: `${story}\n${padding}\nCrowds gathered at the city hall.`,
  });
}

describe('phrases in an article', () => {
  it('finds a phrase as whole words, in a short article and in a long one', () => {
    for (const filler of [1, 200]) {
      const r = reading('Gunmen stormed the concert hall on Friday, witnesses said.', filler);
      expect(r.has('concert hall'), `filler ${filler}`).toBe(true);
      expect(r.has('Concert-Hall'), `filler ${filler}`).toBe(true);
      expect(r.has('gunmen'), `filler ${filler}`).toBe(true);
      expect(r.has('city hall'), `filler ${filler}`).toBe(true);
      expect(r.has('the market reopened'), `filler ${filler}`).toBe(true);
      expect(r.has('hall concert'), `filler ${filler}`).toBe(false);
      expect(r.has('concert'), `filler ${filler}`).toBe(true);
      expect(r.has('conce'), `filler ${filler}`).toBe(false);
      expect(r.has('stormed concert hall'), `filler ${filler}`).toBe(false);
      expect(r.has('museum'), `filler ${filler}`).toBe(false);
      // Block edges are no word boundaries of their own: the words run on across them.
      expect(r.has('river crowds'), `filler ${filler}`).toBe(true);
    }
  });

  it('counts toll words and figures', () => {
    const r = reading('Seven people were killed and 40 wounded.');
    expect([...r.numbers].sort((a, b) => a - b)).toEqual([7, 40]);
  });
});
