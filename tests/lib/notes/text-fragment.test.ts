// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { describe as describePassage } from '../../../lib/anchoring';
import { addressWithFragment } from '../../../lib/notes/open-note';
import { textFragmentLink } from '../../../lib/notes/text-fragment';
import { toNoteSelectors } from '../../../lib/page/note-selectors';
import { parse } from '../../fixtures/anchoring/helpers';
import { BR_PAGES, selectShown } from '../../fixtures/hypothesis/br-pages';

const note = (exact: string, url = 'https://news.example/desk?id=4#top') => ({
  url,
  selectors: { quote: { exact, prefix: '', suffix: '' } },
});

describe('textFragmentLink', () => {
  it('puts a short passage whole into the fragment, replacing the page fragment', () => {
    expect(textFragmentLink(note('The  group\nsaid it'))).toBe(
      'https://news.example/desk?id=4#:~:text=The%20group%20said%20it',
    );
  });

  it('marks a long passage by its first and last words', () => {
    const exact = 'one two three four five six seven eight nine ten eleven twelve';
    expect(textFragmentLink(note(exact))).toBe(
      'https://news.example/desk?id=4#:~:text=one%20two%20three%20four,nine%20ten%20eleven%20twelve',
    );
  });

  it('escapes the directive syntax (dash, comma, ampersand) and keeps Arabic readable by browsers', () => {
    const link = textFragmentLink(note('pre-war, cease-fire & talks'))!;
    expect(link.split('#:~:text=')[1]).toBe('pre%2Dwar%2C%20cease%2Dfire%20%26%20talks');
    const arabic = textFragmentLink(note('قالت الشرطة'))!;
    expect(decodeURIComponent(arabic.split('#:~:text=')[1]!)).toBe('قالت الشرطة');
  });

  it('gives no link for addresses that are not web pages', () => {
    expect(textFragmentLink(note('words', 'file:///home/me/page.html'))).toBeUndefined();
  });

  it('reads a line break in a passage as a word break, as the browser finds the passage', () => {
    for (const page of BR_PAGES) {
      for (const passage of page.passages) {
        const doc = parse(page.html);
        // A passage the reader selected across lines set with <br>, saved as the page's notes are.
        const selectors = toNoteSelectors(describePassage(doc.body, selectShown(doc, passage)));
        const saved = { url: page.url, selectors };
        // The words a reader sees, one space where each line breaks: what the browser matches.
        const shown = { url: page.url, selectors: { quote: { exact: passage, prefix: '', suffix: '' } } };
        expect(textFragmentLink(saved), `${page.name}: ${passage}`).toBe(textFragmentLink(shown));
        expect(addressWithFragment(saved), `${page.name}: ${passage}`).toBe(addressWithFragment(shown));
      }
    }
  });
});
