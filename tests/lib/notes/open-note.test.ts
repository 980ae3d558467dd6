import { describe, expect, it } from 'vitest';
import { addressWithFragment, showsNotePage } from '../../../lib/notes/open-note';

const note = {
  pageKey: 'https://news.example/claims-desk',
  url: 'https://news.example/claims-desk?utm_source=x#top',
  selectors: {
    quote: {
      exact: 'Officials said on Saturday that the claim by the Islamic State was still being verified',
      prefix: '',
      suffix: '',
    },
  },
};

describe('opening a note on its page', () => {
  it('recognises the page by its key, its canonical link or an address it was seen under', () => {
    expect(showsNotePage({ url: 'https://news.example/claims-desk?fbclid=1' }, note, [])).toBe(true);
    expect(
      showsNotePage(
        { url: 'https://amp.news.example/claims-desk', canonical: 'https://news.example/claims-desk' },
        note,
        [],
      ),
    ).toBe(true);
    expect(showsNotePage({ url: 'https://m.news.example/y' }, note, ['https://m.news.example/y'])).toBe(true);
    expect(showsNotePage({ url: 'https://news.example/other' }, note, [])).toBe(false);
    // another article that names the note's page as its canonical is not that page
    expect(
      showsNotePage(
        { url: 'https://news.example/other', canonical: 'https://news.example/claims-desk' },
        note,
        [],
      ),
    ).toBe(false);
    expect(showsNotePage({ url: 'chrome://newtab/' }, note, [])).toBe(false);
  });

  it('opens the address with a text fragment of the passage’s first words', () => {
    expect(addressWithFragment(note)).toBe(
      'https://news.example/claims-desk?utm_source=x#:~:text=Officials%20said%20on%20Saturday%20that%20the%20claim%20by',
    );
    expect(
      addressWithFragment({ ...note, selectors: { quote: { exact: 'pre-war', prefix: '', suffix: '' } } }),
    ).toContain('text=pre%2Dwar');
  });
});
