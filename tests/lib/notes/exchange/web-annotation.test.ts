// W3C Web Annotation export and import: the model's shape, code-point positions, and Hypothesis-style input.
import { describe, expect, it } from 'vitest';
import {
  codePointLength,
  codePointPosition,
  fromWebAnnotation,
  stableHashId,
  toWebAnnotation,
} from '../../../../lib/notes/exchange/web-annotation';
import { NotesImportError } from '../../../../lib/notes/exchange/note-validation';
import { EMOJI_PREFIX, EMOJI_QUOTE, T0, THREAD_URL, makeNote, storyNotes } from './fixtures';

describe('toWebAnnotation', () => {
  const notes = storyNotes();
  const doc = JSON.parse(toWebAnnotation(notes, { label: 'Market attack' }));

  it('is an AnnotationCollection with one embedded AnnotationPage', () => {
    expect(doc['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(doc.type).toBe('AnnotationCollection');
    expect(doc.label).toBe('Market attack');
    expect(doc.total).toBe(5);
    expect(doc.first.type).toBe('AnnotationPage');
    expect(doc.first.items).toHaveLength(5);
  });

  it('gives each annotation its id, dates, bodies and target', () => {
    const [first] = doc.first.items;
    expect(first).toEqual({
      id: 'urn:uuid:3f0c8a52-6a0e-4c41-9d7e-2b5f4a1c9e01',
      type: 'Annotation',
      motivation: 'commenting',
      created: '2024-05-11T09:00:00.000Z',
      modified: '2024-05-11T09:00:00.000Z',
      generator: { type: 'Software', name: 'ClaimLens' },
      body: [
        {
          type: 'TextualBody',
          value: 'Compare with the police statement.',
          purpose: 'commenting',
          format: 'text/plain',
        },
        { type: 'TextualBody', value: 'claims', purpose: 'tagging' },
        { type: 'TextualBody', value: 'Zakura Front', purpose: 'tagging' },
      ],
      target: {
        source: 'https://www.example-news.test/world/attack-on-market',
        selector: [
          {
            type: 'TextQuoteSelector',
            exact: 'The Zakura Front said it carried out the attack',
            prefix: 'On Friday evening, ',
            suffix: ', a claim police doubt.',
          },
        ],
      },
    });
    for (const item of doc.first.items) {
      expect(item.type).toBe('Annotation');
      expect(typeof item.id).toBe('string');
      expect(item.target.selector[0].type).toBe('TextQuoteSelector');
    }
  });

  it('gives ids that are not UUIDs an IRI of their own', () => {
    expect(doc.first.items[4].id).toBe('urn:claimlens:note:legacy-note-5');
  });

  it('writes a passage after an emoji at its code-point position, not its UTF-16 one', () => {
    const emoji = doc.first.items[3];
    expect(EMOJI_PREFIX.length).toBe(11); // 🚨 takes two UTF-16 units …
    expect(emoji.target.selector[1]).toEqual({
      type: 'TextPositionSelector',
      start: 10, // … but is one code point
      end: 10 + [...EMOJI_QUOTE].length,
    });
    expect(emoji.target.selector[1].end - emoji.target.selector[1].start).toBe(EMOJI_QUOTE.length - 1);
  });

  it('leaves the position out when the text before the passage is not known', () => {
    // The prefix is only the last words before the passage: emoji further up would shift the offsets.
    expect(doc.first.items[0].target.selector).toHaveLength(1);
    const afterEmoji = makeNote({ quote: { prefix: 'x 🚨 ' }, position: { start: 500, end: 547 } });
    expect(codePointPosition(afterEmoji)).toBeUndefined();
    // Offsets that do not match the quote's length are not trusted either.
    expect(
      codePointPosition(makeNote({ quote: { prefix: 'ab' }, position: { start: 2, end: 3 } })),
    ).toBeUndefined();
  });

  it('converts a passage at the start of the text even when the quote holds emoji', () => {
    const note = makeNote({ quote: { exact: '😀😀 ok', prefix: '' }, position: { start: 0, end: 7 } });
    expect(codePointPosition(note)).toEqual({ start: 0, end: 5 }); // 7 UTF-16 units
    expect(codePointLength('a😀b\uD800')).toBe(4);
  });

  it('marks a note without text or tags as a highlight without a body', () => {
    const item = JSON.parse(toWebAnnotation([makeNote({ text: '', tags: [] })])).first.items[0];
    expect(item.motivation).toBe('highlighting');
    expect(item.body).toBeUndefined();
  });
});

/** What Hypothesis serves as JSON-LD for one annotation (written by hand, not copied). */
const hypothesisAnnotation = {
  '@context': 'http://www.w3.org/ns/anno.jsonld',
  type: 'Annotation',
  id: 'https://hypothes.is/a/Xy7kQm2nEe-9aB3cDeFgHi',
  created: '2024-05-12T08:15:30.120000+00:00',
  modified: '2024-05-12T08:20:00.000000+00:00',
  creator: 'acct:fieldreporter@hypothes.is',
  body: [
    { type: 'TextualBody', value: 'The ministry **contradicts** the group.', format: 'text/markdown' },
    { type: 'TextualBody', purpose: 'tagging', value: 'ministry' },
    { type: 'TextualBody', purpose: 'tagging', value: 'claims' },
  ],
  target: [
    {
      source: 'https://www.example-news.test/world/attack-on-market?utm_source=twitter#comments',
      selector: [
        { type: 'RangeSelector', startSelector: { type: 'XPathSelector', value: '/main[1]/p[4]' } },
        { type: 'TextPositionSelector', start: 2210, end: 2262 },
        {
          type: 'TextQuoteSelector',
          exact: 'No group has offered proof of its involvement so far',
          prefix: 'The interior ministry said that ',
          suffix: '. Investigators are ',
        },
      ],
    },
  ],
};

describe('fromWebAnnotation', () => {
  it('reads a Hypothesis-style annotation as a ClaimLens note', () => {
    const [note] = fromWebAnnotation(JSON.stringify(hypothesisAnnotation));
    expect(note).toMatchObject({
      id: stableHashId('https://hypothes.is/a/Xy7kQm2nEe-9aB3cDeFgHi'),
      pageKey: 'https://www.example-news.test/world/attack-on-market',
      url: 'https://www.example-news.test/world/attack-on-market?utm_source=twitter#comments',
      site: 'example-news.test',
      pageTitle: '',
      selectors: {
        quote: {
          exact: 'No group has offered proof of its involvement so far',
          prefix: 'The interior ministry said that ',
          suffix: '. Investigators are ',
        },
      },
      text: 'The ministry **contradicts** the group.',
      tags: ['ministry', 'claims'],
      color: 'highlight',
      entityIds: [],
      incidentIds: [],
      createdAt: Date.UTC(2024, 4, 12, 8, 15, 30, 120),
      updatedAt: Date.UTC(2024, 4, 12, 8, 20),
      anchorStatus: 'unknown',
    });
    // The position cannot be converted exactly (the text before the prefix is unknown), so it is dropped.
    expect(note!.selectors.position).toBeUndefined();
    expect(note!.terms).toEqual(expect.arrayContaining(['ministry', 'contradicts', 'proof', 'claims']));
  });

  it('gives the same id to the same annotation every time', () => {
    const a = fromWebAnnotation(JSON.stringify(hypothesisAnnotation));
    const b = fromWebAnnotation(JSON.stringify([hypothesisAnnotation]));
    expect(a[0]!.id).toBe(b[0]!.id);
    expect(a[0]!.id).toMatch(/^wa-[0-9a-f]{16}$/);
  });

  it('reads back its own export: ids, quotes, text, tags and exact positions', () => {
    const notes = storyNotes();
    const back = fromWebAnnotation(toWebAnnotation(notes));
    expect(back.map((n) => n.id)).toEqual(notes.map((n) => n.id));
    expect(back.map((n) => n.selectors.quote)).toEqual(notes.map((n) => n.selectors.quote));
    expect(back.map((n) => n.text)).toEqual(notes.map((n) => n.text));
    expect(back.map((n) => n.tags)).toEqual(notes.map((n) => n.tags));
    // The emoji note's position went out in code points and comes back in UTF-16 units, unchanged.
    expect(back[3]!.selectors.position).toEqual(notes[3]!.selectors.position);
    expect(back[3]!.url).toBe(THREAD_URL);
    expect(back[0]!.createdAt).toBe(T0);
  });

  it('accepts an AnnotationPage and a single annotation with a bodyValue', () => {
    const page = { type: 'AnnotationPage', items: [hypothesisAnnotation] };
    expect(fromWebAnnotation(JSON.stringify(page))).toHaveLength(1);
    const single = {
      type: 'Annotation',
      id: 'urn:uuid:6B1E3C1A-0D7F-4E2B-9C8A-1F2E3D4C5B6A',
      bodyValue: 'Short comment',
      target: {
        source: 'https://example-news.test/x',
        selector: { type: 'TextQuoteSelector', exact: 'quoted' },
      },
    };
    const [note] = fromWebAnnotation(JSON.stringify(single), { now: T0 });
    expect(note).toMatchObject({
      id: '6b1e3c1a-0d7f-4e2b-9c8a-1f2e3d4c5b6a',
      text: 'Short comment',
      selectors: { quote: { exact: 'quoted', prefix: '', suffix: '' } },
      createdAt: T0,
      updatedAt: T0,
    });
  });

  it('refuses annotations without a web source or a quote, listing each with its path', () => {
    const bad = [
      {
        type: 'Annotation',
        target: { source: 'javascript:alert(1)', selector: { type: 'TextQuoteSelector', exact: 'x' } },
      },
      { type: 'Annotation', target: 'https://example-news.test/whole-page' },
      {
        type: 'Annotation',
        created: 'yesterday',
        target: { source: 'https://a.test/', selector: [{ type: 'TextQuoteSelector', exact: 'y' }] },
      },
      'not an annotation',
    ];
    let errors: string[] = [];
    try {
      fromWebAnnotation(JSON.stringify(bad));
    } catch (error) {
      errors = (error as NotesImportError).errors;
    }
    expect(errors).toEqual([
      '[0].target.source: only http and https addresses are accepted, not "javascript:"',
      '[1].target: no target with a TextQuoteSelector: only quoted passages can become notes',
      '[2].created: expected a date and time such as "2024-05-11T09:00:00Z", got "yesterday"',
      '[3]: expected an annotation (an object), got a string',
    ]);
  });
});
