import { describe, expect, it } from 'vitest';
import { eventWordsIn, eventWordsIndexed } from '../../../lib/matching/event-vocabulary';
import { foldText } from '../../../lib/matching/normalise';

/** Where each word of a padded folded text starts (at the space before it). */
function indexOf(padded: string): Map<string, number[]> {
  const index = new Map<string, number[]>();
  for (let at = 0; at < padded.length - 1;) {
    const end = padded.indexOf(' ', at + 1);
    if (end < 0) break;
    const word = padded.slice(at + 1, end);
    index.set(word, [...(index.get(word) ?? []), at]);
    at = end;
  }
  return index;
}

describe('event words in an article', () => {
  const article = foldText(
    'Gunmen stormed the market at dawn. A suicide bomber then struck the gate, and a second suicide ' +
      'attack followed; officials said the attackers had planned the assault for weeks.',
  );

  it('finds single words and phrases, each once, in the order the article first uses them', () => {
    expect(eventWordsIn(article).map((w) => w.text)).toEqual([
      'gunmen',
      'stormed',
      'suicide',
      'suicide bomber',
      'suicide attack',
      // "attack" inside "suicide attack" counts too: its word starts there.
      'attack',
      'attackers',
      'assault',
    ]);
  });

  it('reads the same words in the same order from an index of the article’s words', () => {
    const padded = ` ${article} `;
    const index = indexOf(padded);
    expect(eventWordsIndexed(padded, (word) => index.get(word))).toEqual(eventWordsIn(article));
  });

  it('takes no word for part of a longer one, from the index as from the text', () => {
    const text = foldText('The attackeres and the suicidebomber were a spelling test, not an event.');
    const index = indexOf(` ${text} `);
    expect(eventWordsIn(text)).toEqual([]);
    expect(eventWordsIndexed(` ${text} `, (word) => index.get(word))).toEqual([]);
  });
});
