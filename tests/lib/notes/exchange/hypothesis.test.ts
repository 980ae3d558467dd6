// @vitest-environment jsdom
// Hypothesis files (its API/export JSON and its Web Annotations) imported, and their passages found on pages.
import { describe, expect, it } from 'vitest';
import { anchor, type Selector } from '../../../../lib/anchoring';
import { importReport, parseImport, planImport } from '../../../../lib/notes/exchange/import-notes';
import { stableHashId, toWebAnnotation } from '../../../../lib/notes/exchange/web-annotation';
import type { Note } from '../../../../lib/notes/note-types';
import { BR_PAGE, BR_URL, RTL_PAGE, RTL_URL, hypothesisSelectors } from '../../../fixtures/hypothesis/pages';
import { storyNotes } from './fixtures';

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
      text: n.text,
      tags: n.tags,
      createdAt: n.createdAt,
      updatedAt: n.updatedAt,
    });
    expect(parsed.notes.map(carried)).toEqual(notes.map(carried));
    // Positions come back wherever they went out (see web-annotation.ts on code points).
    const withPosition = notes.filter(
      (n) => n.selectors.position && n.selectors.quote.prefix.length === n.selectors.position.start,
    );
    for (const n of withPosition) {
      expect(parsed.notes.find((b) => b.id === n.id)!.selectors.position).toEqual(n.selectors.position);
    }
    expect(parsed.skipped).toEqual({ pageNotes: 0, replies: 0, withoutQuote: 0 });
  });
});
