import { describe, expect, it } from 'vitest';
import { textFragmentLink } from '../../../lib/notes/text-fragment';

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
});
