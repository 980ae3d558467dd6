// Notes the exchange tests share: a news story with competing claims, Arabic, emoji and awkward punctuation.
import type { Note } from '../../../../lib/notes/note-types';
import { siteOf } from '../../../../lib/notes/page-identity';
import { termsOf } from '../../../../lib/notes/search-terms';

export const T0 = Date.UTC(2024, 4, 11, 9, 0);
const MINUTE = 60_000;

export const MARKET_URL = 'https://www.example-news.test/world/attack-on-market';
export const ARABIC_URL = 'https://arabic.example-news.test/news/2024/05/11/market';
export const THREAD_URL = 'https://social.example.test/@reporter/112233';

export const POLICE_QUOTE =
  'Police said a second group was behind the bombing.\nThe Eastern Brigade denied any role.';
export const MINISTRY_QUOTE = 'The ministry said: "No group, so far, has proven its claim."';
export const EMOJI_PREFIX = '🚨 Update: ';
export const EMOJI_QUOTE = 'Market closed 🚫 after the blast';

type NoteOverrides = Partial<Omit<Note, 'selectors'>> & {
  quote?: Partial<Note['selectors']['quote']>;
  position?: Note['selectors']['position'] | null;
  range?: Note['selectors']['range'];
};

let counter = 0;

/** A valid stored note with derived fields computed the way the repository does. */
export function makeNote(overrides: NoteOverrides = {}): Note {
  counter++;
  const { quote, position, range, ...rest } = overrides;
  const url = rest.url ?? MARKET_URL;
  const base = {
    id: `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    pageKey: url,
    url,
    pageTitle: 'Attack on Market Claimed by Two Groups',
    selectors: {
      quote: {
        exact: 'The Zakura Front said it carried out the attack',
        prefix: 'On Friday evening, ',
        suffix: ', a claim police doubt.',
        ...quote,
      },
      ...(position === null ? {} : { position: position ?? { start: 1204, end: 1251 } }),
      ...(range ? { range } : {}),
    },
    text: 'Compare with the police statement.',
    tags: ['claims'],
    color: 'claim',
    entityIds: ['zakura-front'],
    incidentIds: ['market-attack-2024-05-10'],
    createdAt: T0,
    updatedAt: T0,
    anchorStatus: 'anchored' as const,
    ...rest,
  };
  const site = siteOf(base.url);
  return { ...base, site, terms: termsOf({ ...base, site }) };
}

/** The story: two notes on one article, one on its Arabic edition, one on a post with emoji, one awkward. */
export function storyNotes(): Note[] {
  return [
    makeNote({ id: '3f0c8a52-6a0e-4c41-9d7e-2b5f4a1c9e01', tags: ['claims', 'Zakura Front'] }),
    makeNote({
      id: '3f0c8a52-6a0e-4c41-9d7e-2b5f4a1c9e02',
      quote: { exact: POLICE_QUOTE, prefix: 'Hours later, ', suffix: ' No arrests' },
      position: { start: 2010, end: 2010 + POLICE_QUOTE.length },
      text: 'Competing claim: police name the Eastern Brigade.\nCheck the ministry statement tomorrow.',
      tags: ['competing claims', 'police'],
      color: 'disputed',
      // Saved on the page: where it starts and ends in the article's elements.
      range: {
        startContainer: '/main[1]/article[1]/p[7]',
        startOffset: 12,
        endContainer: '/main[1]/article[1]/p[8]',
        endOffset: 36,
      },
      entityIds: ['eastern-brigade', 'zakura-front'],
      createdAt: T0 + 5 * MINUTE,
      updatedAt: T0 + 9 * MINUTE,
    }),
    makeNote({
      id: '3f0c8a52-6a0e-4c41-9d7e-2b5f4a1c9e03',
      url: ARABIC_URL,
      pageTitle: 'هجوم على السوق: جماعتان تتبنيان',
      language: 'ar',
      quote: {
        exact: 'قالت الشرطة إن الهجوم أسفر عن مقتل خمسة أشخاص',
        prefix: 'وفي وقت لاحق، ',
        suffix: ' وإصابة آخرين.',
      },
      position: null,
      text: 'النسخة العربية تذكر خمسة قتلى، والإنجليزية أربعة.',
      tags: ['أرقام الضحايا'],
      color: 'official',
      entityIds: [],
      createdAt: T0 + 2 * MINUTE,
      updatedAt: T0 + 2 * MINUTE,
      anchorStatus: 'fuzzy',
    }),
    makeNote({
      id: '3f0c8a52-6a0e-4c41-9d7e-2b5f4a1c9e04',
      url: THREAD_URL,
      pageTitle: 'Reporter on the ground',
      // The passage starts right after an emoji near the top of the post: its prefix is all the text before it.
      quote: { exact: EMOJI_QUOTE, prefix: EMOJI_PREFIX, suffix: ', more soon 🙏' },
      position: { start: EMOJI_PREFIX.length, end: EMOJI_PREFIX.length + EMOJI_QUOTE.length },
      text: 'Eyewitness 👀 post, unverified.',
      tags: ['eyewitness'],
      color: 'follow-up',
      entityIds: [],
      incidentIds: [],
      createdAt: T0 + 20 * MINUTE,
      updatedAt: T0 + 20 * MINUTE,
      anchorStatus: 'unknown',
    }),
    makeNote({
      id: 'legacy-note-5',
      quote: { exact: MINISTRY_QUOTE, prefix: 'On Saturday ', suffix: '' },
      position: { start: 3000, end: 3000 + MINISTRY_QUOTE.length },
      text: '# Not a heading\n=HYPERLINK("http://evil.test","click"), said "someone"\r\n- not a list',
      tags: ['ministry, official', '"quoted"'],
      color: 'official',
      entityIds: [],
      createdAt: T0 + 30 * MINUTE,
      updatedAt: T0 + 31 * MINUTE,
      anchorStatus: 'orphan',
    }),
  ];
}

/** Many notes over many pages, for the exports that must stay fast. */
export function manyNotes(n: number): Note[] {
  const notes: Note[] = [];
  for (let i = 0; i < n; i++) {
    notes.push(
      makeNote({
        id: `bulk-${i}`,
        url: `https://www.example-news.test/world/story-${i % 500}`,
        text: `Note ${i}, with "quotes" and a line\nbreak.`,
        createdAt: T0 + i,
        updatedAt: T0 + i,
      }),
    );
  }
  return notes;
}
