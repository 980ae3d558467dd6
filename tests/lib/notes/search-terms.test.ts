// Tests for the words notes are indexed under and how typed queries are read.
import { describe, expect, it } from 'vitest';
import { MAX_TERM_LENGTH, queryTerms, searchPlan, termsOf } from '../../../lib/notes/search-terms';

describe('termsOf', () => {
  it('folds the words of the text, quote, tags, title and site, once each', () => {
    const terms = termsOf({
      text: 'Claim by the Zakúra Front — see police',
      selectors: { quote: { exact: "ZAKURA FRONT's statement: 3 dead" } },
      tags: ['Follow-up', 'claims'],
      pageTitle: 'Attack in Qal‘at',
      site: 'example-news.test',
    });
    expect(terms).toEqual([
      'claim',
      'by',
      'the',
      'zakura',
      'front',
      'see',
      'police',
      'statement',
      'dead',
      'follow',
      'up',
      'claims',
      'attack',
      'in',
      'qal',
      'at',
      'example',
      'news',
      'test',
    ]);
  });

  it('cuts very long words so that the index stays small', () => {
    const long = 'x'.repeat(200);
    const terms = termsOf({
      text: long,
      selectors: { quote: { exact: 'q' } },
      tags: [],
      pageTitle: '',
      site: '',
    });
    expect(terms).toEqual(['x'.repeat(MAX_TERM_LENGTH)]);
  });
});

describe('queries', () => {
  it('folds the words of a query', () => {
    expect(queryTerms('  Zakúra   FRONT zakura ')).toEqual(['zakura', 'front']);
    expect(queryTerms('—')).toEqual([]);
  });

  it('reads the last word as a prefix while it is being typed', () => {
    expect(searchPlan('Zak')).toEqual({ exact: [], prefix: 'zak' });
    expect(searchPlan('police Zak')).toEqual({ exact: ['police'], prefix: 'zak' });
    expect(searchPlan('police zakura ')).toEqual({ exact: ['police', 'zakura'] });
    expect(searchPlan('police,')).toEqual({ exact: ['police'] });
    expect(searchPlan('')).toEqual({ exact: [] });
  });

  it('drops finished one-letter words, which are not indexed', () => {
    expect(searchPlan('a police q')).toEqual({ exact: ['police'], prefix: 'q' });
    expect(searchPlan('a ')).toEqual({ exact: [] });
  });
});
