// @vitest-environment jsdom
// Hypothesis files (its API/export JSON and its Web Annotations) imported, and their passages found on pages.
import { describe, expect, it } from 'vitest';
import { anchor, describe as describePassage, locate, type Selector } from '../../../../lib/anchoring';
import { fromNoteSelectors, toNoteSelectors } from '../../../../lib/page/note-selectors';
import { importReport, parseImport, planImport } from '../../../../lib/notes/exchange/import-notes';
import { stableHashId, toWebAnnotation } from '../../../../lib/notes/exchange/web-annotation';
import type { Note } from '../../../../lib/notes/note-types';
import {
  BR_PAGE,
  BR_URL,
  RTL_PAGE,
  RTL_URL,
  TWICE_PAGE,
  TWICE_URL,
  hypothesisSelectors,
} from '../../../fixtures/hypothesis/pages';
import { hypothesisAnchor } from '../../../fixtures/hypothesis/conventions';
import { makeNote, storyNotes } from './fixtures';

const article = (html: string) =>
  new DOMParser().parseFromString(html, 'text/html').querySelector('article')!;

const BR_QUOTE = 'the spokesman saidthe movement had no part';
const RTL_QUOTE = 'ولم تثبت أي جماعة مسؤوليتها';

/** A Hypothesis annotation in its API format (h.readthedocs.io "Annotation"), as its export writes it. */
function hAnnotation(id: string, fields: Record<string, unknown>) {
  return {
    id,
    created: '2024-05-12T08:15:30.120000+00:00',
    updated: '2024-05-12T08:20:00.000000+00:00',
    user: 'acct:reader@hypothes.is',
    uri: BR_URL,
    text: '',
    tags: [],
    group: '__world__',
    permissions: { read: ['group:__world__'] },
    document: { title: ['Spokesman rejects claim'] },
    links: { html: `https://hypothes.is/a/${id}` },
    hidden: false,
    flagged: false,
    ...fields,
  };
}

function hypothesisExport() {
  const br = article(BR_PAGE);
  const rtl = article(RTL_PAGE);
  return {
    export_date: '2024-06-01T10:00:00.000Z',
    export_userid: 'acct:reader@hypothes.is',
    client_version: '1.1500.0',
    annotations: [
      hAnnotation('brQuote01', {
        text: 'Denial; compare with the **claim** video.',
        tags: ['denial', 'ambush'],
        target: [
          {
            source: BR_URL,
            selector: [
              {
                type: 'RangeSelector',
                startContainer: '/article[1]/p[1]',
                startOffset: 29,
                endContainer: '/article[1]/p[1]',
                endOffset: 72,
              },
              ...hypothesisSelectors(br, BR_QUOTE),
            ],
          },
        ],
      }),
      hAnnotation('rtlQuote01', {
        uri: RTL_URL,
        text: 'الشرطة لا تؤكد',
        document: { title: ['الشرطة تنفي الرواية'] },
        target: [{ source: RTL_URL, selector: hypothesisSelectors(rtl, RTL_QUOTE) }],
      }),
      hAnnotation('pageNote01', { text: 'Whole article: worth a follow-up.', target: [{ source: BR_URL }] }),
      hAnnotation('pageNote02', { text: 'Another page note.', target: [{ source: RTL_URL }], uri: RTL_URL }),
      hAnnotation('reply01', {
        text: 'Agreed.',
        references: ['brQuote01'],
        target: [{ source: BR_URL }],
      }),
      hAnnotation('rangeOnly01', {
        text: 'Only a range was kept.',
        target: [
          {
            source: BR_URL,
            selector: [
              {
                type: 'RangeSelector',
                startContainer: '/article[1]/p[2]',
                startOffset: 0,
                endContainer: '/article[1]/p[2]',
                endOffset: 6,
              },
            ],
          },
        ],
      }),
    ],
  };
}

function imported(file: unknown): { notes: Note[]; report: string } {
  const parsed = parseImport(JSON.stringify(file));
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return { notes: parsed.notes, report: importReport(planImport(new Map(), parsed.notes), parsed.skipped) };
}

const selectorsOf = (note: Note): Selector[] => [
  { type: 'TextQuoteSelector', ...note.selectors.quote },
  ...(note.selectors.position ? [{ type: 'TextPositionSelector' as const, ...note.selectors.position }] : []),
];

describe('Hypothesis JSON import', () => {
  it('imports quoted annotations and lists page notes, replies and quote-less ones as skipped', () => {
    const { notes, report } = imported(hypothesisExport());
    expect(report).toBe(
      '2 added, 0 updated, 0 skipped, 2 page notes skipped, 1 reply skipped, 1 annotation without a quote skipped',
    );
    const [br, rtl] = notes;
    expect(br).toMatchObject({
      id: stableHashId('https://hypothes.is/a/brQuote01'),
      url: BR_URL,
      pageTitle: 'Spokesman rejects claim',
      text: 'Denial; compare with the **claim** video.',
      tags: ['denial', 'ambush'],
      createdAt: Date.UTC(2024, 4, 12, 8, 15, 30, 120),
      updatedAt: Date.UTC(2024, 4, 12, 8, 20),
      color: 'highlight',
      anchorStatus: 'unknown',
    });
    expect(br!.selectors.quote.exact).toBe(BR_QUOTE);
    expect(rtl).toMatchObject({ url: RTL_URL, pageTitle: 'الشرطة تنفي الرواية', text: 'الشرطة لا تؤكد' });
  });

  it('reads the search API answer ({ total, rows }) and a bare list the same way', () => {
    const { annotations } = hypothesisExport();
    const fromRows = imported({ total: annotations.length, rows: annotations }).notes;
    const fromList = imported(annotations).notes;
    expect(fromRows.map((n) => n.id)).toEqual(imported(hypothesisExport()).notes.map((n) => n.id));
    expect(fromList).toEqual(fromRows);
  });

  it('stays all or nothing for what it imports: one broken annotation refuses the file', () => {
    const file = hypothesisExport();
    (file.annotations[1] as Record<string, unknown>).created = 'last Tuesday';
    const parsed = parseImport(JSON.stringify(file));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors[0]).toMatch(/^annotations\[1\]\.created: expected a date and time/);
  });

  it('finds imported passages on their pages, across <br> and in Arabic, where Hypothesis found them', () => {
    const { notes } = imported(hypothesisExport());
    for (const [note, html] of [
      [notes[0]!, BR_PAGE],
      [notes[1]!, RTL_PAGE],
    ] as const) {
      const root = article(html);
      const range = anchor(root, selectorsOf(note));
      expect(range, note.selectors.quote.exact).not.toBeNull();
      // Hypothesis's text (textContent) and the range's text agree: a <br> gives neither a character.
      expect(range!.toString()).toBe(note.selectors.quote.exact);
    }
  });

  it('finds a quote written with a space where the page has a <br> (as a copied selection gives it)', () => {
    const root = article(BR_PAGE);
    const exact = 'the spokesman said the movement had no part';
    const range = anchor(root, [
      { type: 'TextQuoteSelector', exact, prefix: 'read to reporters, ', suffix: ' in' },
    ]);
    expect(range!.toString()).toBe(BR_QUOTE);
  });

  it("reads Hypothesis's Web Annotations, skipping page notes instead of refusing the file", () => {
    const rtl = article(RTL_PAGE);
    const file = [
      {
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        type: 'Annotation',
        id: 'https://hypothes.is/a/rtlQuote01',
        created: '2024-05-12T08:15:30.120000+00:00',
        modified: '2024-05-12T08:20:00.000000+00:00',
        creator: 'acct:reader@hypothes.is',
        body: [{ type: 'TextualBody', value: 'الشرطة لا تؤكد', format: 'text/markdown' }],
        target: [{ source: RTL_URL, selector: hypothesisSelectors(rtl, RTL_QUOTE) }],
      },
      {
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        type: 'Annotation',
        id: 'https://hypothes.is/a/pageNote02',
        body: [{ type: 'TextualBody', value: 'Another page note.', format: 'text/markdown' }],
        target: [{ source: RTL_URL }],
      },
    ];
    const { notes, report } = imported(file);
    expect(report).toBe('1 added, 0 updated, 0 skipped, 1 page note skipped');
    // The same Hypothesis annotation gets the same note by either route.
    expect(notes[0]!.id).toBe(imported(hypothesisExport()).notes[1]!.id);
    expect(notes[0]!.text).toBe('الشرطة لا تؤكد');
  });
});

describe('ClaimLens → Web Annotation → ClaimLens', () => {
  it('keeps everything the model carries: id, address, quote with context, position, text, tags, times', () => {
    const notes = storyNotes();
    const parsed = parseImport(toWebAnnotation(notes, { creator: 'Lina', version: '0.1.0' }));
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const carried = (n: Note) => ({
      id: n.id,
      url: n.url,
      pageKey: n.pageKey,
      quote: n.selectors.quote,
      language: n.language,
      text: n.text,
      tags: n.tags,
      createdAt: n.createdAt,
      updatedAt: n.updatedAt,
    });
    expect(parsed.notes.map(carried)).toEqual(notes.map(carried));
    // Ranges come back whole; positions wherever they went out (see web-annotation.ts on code points).
    const ranged = notes.filter((n) => n.selectors.range);
    expect(ranged.length).toBeGreaterThan(0);
    for (const n of ranged) {
      expect(parsed.notes.find((b) => b.id === n.id)!.selectors.range).toEqual(n.selectors.range);
    }
    const withPosition = notes.filter(
      (n) => n.selectors.position && n.selectors.quote.prefix.length === n.selectors.position.start,
    );
    for (const n of withPosition) {
      expect(parsed.notes.find((b) => b.id === n.id)!.selectors.position).toEqual(n.selectors.position);
    }
    expect(parsed.skipped).toEqual({ pageNotes: 0, replies: 0, withoutQuote: 0 });
  });
});

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

/** A note saved the way the page saves one: the reader's selection described by the anchoring module. */
function savedNote(doc: Document, node: Node, start: number, end: number, url: string): Note {
  const range = doc.createRange();
  range.setStart(node, start);
  range.setEnd(node, end);
  return { ...makeNote({ url, pageKey: url }), selectors: toNoteSelectors(describePassage(doc.body, range)) };
}

describe('ClaimLens → Hypothesis', () => {
  it("exports passages that Hypothesis's anchoring finds at the same place, by their RangeSelector", () => {
    const twice = parse(TWICE_PAGE);
    const second = twice.querySelectorAll('article p')[1]!.firstChild!; // "Residents said the convoy…"
    const from = 'Residents said '.length;
    const br = parse(BR_PAGE);
    const brText = br.querySelector('article p')!.childNodes[2]!; // "the movement had no part in the ambush"
    const notes = [
      savedNote(twice, second, from, from + 'the convoy was hit at dawn'.length, TWICE_URL),
      savedNote(br, brText, 4, 'the movement had no part'.length, BR_URL),
    ];
    const exported = JSON.parse(toWebAnnotation(notes)).first.items;
    for (const [i, doc] of [twice, br].entries()) {
      const selectors = exported[i].target.selector;
      expect(selectors.map((s: { type: string }) => s.type)).toContain('RangeSelector');
      const found = hypothesisAnchor(doc.body, selectors);
      expect(found.by).toBe('RangeSelector');
      expect(found.range.toString()).toBe(notes[i]!.selectors.quote.exact);
      // The same place, not only the same words: ClaimLens's own anchoring agrees.
      const own = locate(doc.body, fromNoteSelectors(notes[i]!.selectors))!;
      expect(found.range.compareBoundaryPoints(Range.START_TO_START, own.range)).toBe(0);
      expect(found.range.compareBoundaryPoints(Range.END_TO_END, own.range)).toBe(0);
    }
    // Far into the page, the Web Annotation export has no position (its code points cannot be known there).
    // The range places the second of two equal quotes; so does the quote by its context, without which
    // Hypothesis would take the first.
    expect(exported[0].target.selector.some((s: { type: string }) => s.type === 'TextPositionSelector')).toBe(
      false,
    );
    const quote = exported[0].target.selector.find((s: { type: string }) => s.type === 'TextQuoteSelector');
    expect(hypothesisAnchor(twice.body, [quote]).range.startContainer).toBe(second);
    const bare = { ...quote, prefix: '', suffix: '' };
    expect(hypothesisAnchor(twice.body, [bare]).range.startContainer).not.toBe(second);
  });

  it('imports a Hypothesis annotation with a RangeSelector and anchors it by the range on its page', () => {
    const doc = parse(TWICE_PAGE);
    const p2 = '/article[1]/p[2]';
    const from = 'Residents said '.length;
    const file = {
      export_date: '2024-06-01T10:00:00.000Z',
      export_userid: 'acct:reader@hypothes.is',
      client_version: '1.1500.0',
      annotations: [
        hAnnotation('twiceRange1', {
          uri: TWICE_URL,
          target: [
            {
              source: TWICE_URL,
              selector: [
                {
                  type: 'RangeSelector',
                  startContainer: p2,
                  startOffset: from,
                  endContainer: p2,
                  endOffset: from + 'the convoy was hit at dawn'.length,
                },
                { type: 'TextQuoteSelector', exact: 'the convoy was hit at dawn', prefix: '', suffix: '' },
              ],
            },
          ],
        }),
      ],
    };
    const [note] = imported(file).notes;
    expect(note!.selectors.range).toEqual({
      startContainer: p2,
      startOffset: from,
      endContainer: p2,
      endOffset: from + 26,
    });
    const found = locate(doc.body, fromNoteSelectors(note!.selectors))!;
    expect(found.method).toBe('range');
    expect(found.range.startContainer.parentElement).toBe(doc.querySelectorAll('article p')[1]);
  });

  it('drops a RangeSelector it cannot use and anchors by the quote: a foreign XPath, a CSS range', () => {
    const quote = { type: 'TextQuoteSelector', exact: 'the convoy was hit at dawn', prefix: '', suffix: '' };
    const notes = [
      {
        type: 'RangeSelector',
        startContainer: '//p[@class="x"]',
        startOffset: 0,
        endContainer: '/p[1]',
        endOffset: 4,
      },
      {
        type: 'RangeSelector',
        startSelector: { type: 'CssSelector', value: 'article > p:nth-of-type(2)' },
        endSelector: { type: 'CssSelector', value: 'article > p:nth-of-type(2)' },
      },
    ].map(
      (range, i) =>
        imported([
          hAnnotation(`dropped${i}`, {
            uri: TWICE_URL,
            target: [{ source: TWICE_URL, selector: [range, quote] }],
          }),
        ]).notes[0]!,
    );
    for (const note of notes) {
      expect(note.selectors.range).toBeUndefined();
      expect(locate(parse(TWICE_PAGE).body, fromNoteSelectors(note.selectors))?.method).toBe('quote');
    }
  });

  it("reads the W3C model's RangeSelector (XPath refined to points) as well as Hypothesis's own fields", () => {
    const point = (value: string, at: number) => ({
      type: 'XPathSelector',
      value,
      refinedBy: { type: 'TextPositionSelector', start: at, end: at },
    });
    const [note] = imported([
      {
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        type: 'Annotation',
        id: 'https://annotations.example.test/a/1',
        target: {
          source: TWICE_URL,
          selector: [
            { type: 'TextQuoteSelector', exact: 'the convoy was hit at dawn' },
            {
              type: 'RangeSelector',
              startSelector: point('/html/body/article/p[2]', 15),
              endSelector: point('/html[1]/body[1]/article[1]/p[2]', 41),
            },
          ],
        },
      },
    ]).notes;
    expect(note!.selectors.range).toEqual({
      startContainer: '/article[1]/p[2]',
      startOffset: 15,
      endContainer: '/article[1]/p[2]',
      endOffset: 41,
    });
  });
});
