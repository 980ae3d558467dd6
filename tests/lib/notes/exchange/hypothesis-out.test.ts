// @vitest-environment jsdom
// ClaimLens notes going to Hypothesis: exports whose selectors Hypothesis's conventions place on the passages ClaimLens places them on, and Hypothesis's JSON written and read back.
import { describe, expect, it } from 'vitest';
import { describe as describePassage, locate } from '../../../../lib/anchoring';
import { toHypothesisJson } from '../../../../lib/notes/exchange/hypothesis';
import { importReport, parseImport, planImport } from '../../../../lib/notes/exchange/import-notes';
import { toWebAnnotation } from '../../../../lib/notes/exchange/web-annotation';
import type { Note } from '../../../../lib/notes/note-types';
import { fromNoteSelectors, toNoteSelectors } from '../../../../lib/page/note-selectors';
import { BR_PAGES, selectShown, type BrPage } from '../../../fixtures/hypothesis/br-pages';
import {
  hypothesisAnchor,
  hypothesisDescribe,
  textContentSpan,
  type HypothesisSelector,
} from '../../../fixtures/hypothesis/conventions';
import { makeNote, storyNotes } from './fixtures';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

/** A note saved the way the page saves one: the reader's selection described on the page's body. */
function saved(page: BrPage, passage: string): Note {
  const doc = parse(page.html);
  const selectors = toNoteSelectors(describePassage(doc.body, selectShown(doc, passage)));
  return {
    ...makeNote({ url: page.url, pageKey: page.url, pageTitle: page.name }),
    selectors,
    ...(page.name === 'arabic notice' ? { language: 'ar' } : {}),
  };
}

const cases = BR_PAGES.flatMap((page) =>
  page.passages.map((passage) => {
    const doc = parse(page.html);
    // A passage across a line break: its quote has a space there, as Hypothesis's own quotes do.
    const acrossBr = selectShown(doc, passage).cloneContents().querySelector('br') !== null;
    return { page, passage, acrossBr };
  }),
);
const notes = cases.map(({ page, passage }) => saved(page, passage));

/** Where ClaimLens finds its own note on the page, as characters of the body's textContent. */
function ownPlace(body: HTMLElement, note: Note): [number, number] {
  return textContentSpan(body, locate(body, fromNoteSelectors(note.selectors))!.range);
}

function exportedSelectors(): { format: string; selectors: HypothesisSelector[][] }[] {
  const w3c = JSON.parse(toWebAnnotation(notes)).first.items.map(
    (a: { target: { selector: HypothesisSelector[] } }) => a.target.selector,
  );
  const hypothesis = JSON.parse(toHypothesisJson(notes)).annotations.map(
    (a: { target: { selector: HypothesisSelector[] }[] }) => a.target[0]!.selector,
  );
  return [
    { format: 'Web Annotation', selectors: w3c },
    { format: 'Hypothesis JSON', selectors: hypothesis },
  ];
}

describe("ClaimLens exports under Hypothesis's anchoring", () => {
  it('are placed where ClaimLens places them, across <br>, in Arabic and through nested markup', () => {
    for (const { format, selectors } of exportedSelectors()) {
      cases.forEach(({ page, passage, acrossBr }, i) => {
        const body = parse(page.html).body;
        const found = hypothesisAnchor(body, selectors[i]!);
        const label = `${format}, ${page.name}: ${passage}`;
        expect(textContentSpan(body, found.range), label).toEqual(ownPlace(body, notes[i]!));
        // Hypothesis keeps its first choice, the range, only when its text is the quote: it is, except
        // across a <br>, where the quote has a space the range's text has not, and Hypothesis places it by
        // the quote, as it places its own quotes there.
        expect(found.by, label).toBe(acrossBr ? 'TextQuoteSelector' : 'RangeSelector');
      });
    }
  });

  it('place the passage by each selector alone: the range, the position, the quote', () => {
    const [, hypothesis] = exportedSelectors();
    cases.forEach(({ page, passage, acrossBr }, i) => {
      const body = parse(page.html).body;
      const own = ownPlace(body, notes[i]!);
      const all = hypothesis!.selectors[i]!;
      const quote = all.find((s) => s.type === 'TextQuoteSelector')!;
      const with_ = (type: string) => [all.find((s) => s.type === type)!, quote];
      for (const [selectors, by] of [
        // Across a <br>, the quote places it (above).
        [with_('RangeSelector'), acrossBr ? 'TextQuoteSelector' : 'RangeSelector'],
        // ClaimLens counts the page's text without script text, Hypothesis with it: where a script comes
        // first (the statement page), Hypothesis's quote check turns the position down and the quote places it.
        [
          with_('TextPositionSelector'),
          page.name === 'statement' || acrossBr ? 'TextQuoteSelector' : 'TextPositionSelector',
        ],
        [[quote], 'TextQuoteSelector'],
      ] as const) {
        const found = hypothesisAnchor(body, selectors);
        expect(found.by, `${page.name}: ${passage}`).toBe(by);
        expect(textContentSpan(body, found.range), `${page.name}: ${passage} by ${by}`).toEqual(own);
      }
    });
  });
});

describe('Hypothesis JSON written by ClaimLens', () => {
  it("has the shape Hypothesis's export writes and its import reads: private annotations of one user", () => {
    const file = JSON.parse(toHypothesisJson(storyNotes(), { creator: 'Lina H.', version: '1.2.3', now: 0 }));
    expect(file).toMatchObject({
      export_date: '1970-01-01T00:00:00.000Z',
      export_userid: 'acct:Lina_H.@claimlens.invalid',
      client_version: 'ClaimLens 1.2.3',
    });
    expect(file.annotations).toHaveLength(5);
    for (const [i, a] of file.annotations.entries()) {
      const note = storyNotes()[i]!;
      expect(a.user).toBe('acct:Lina_H.@claimlens.invalid');
      expect(a.user_info).toEqual({ display_name: 'Lina H.' });
      // Hypothesis imports an annotation as shared when a group may read it: these stay the reader's own.
      expect(a.permissions).toEqual({ read: [a.user] });
      expect(a.uri).toBe(note.url);
      expect(a.text).toBe(note.text);
      expect(a.tags).toEqual(note.tags);
      expect(a.document).toEqual({ title: [note.pageTitle] });
      expect(a.target).toHaveLength(1);
      expect(a.target[0].source).toBe(note.url);
      expect(a.target[0].selector.at(-1)).toEqual({ type: 'TextQuoteSelector', ...note.selectors.quote });
      expect(a.references).toBeUndefined();
    }
    const anonymous = JSON.parse(toHypothesisJson([makeNote()], { creator: '  ' }));
    expect(anonymous.annotations[0].user).toBe('acct:claimlens@claimlens.invalid');
    expect(anonymous.annotations[0].user_info).toBeUndefined();
  });

  it('reads back as the same notes: ids, address, title, quote, position, range, text, tags and times', () => {
    const story = [...storyNotes(), ...notes];
    const parsed = parseImport(toHypothesisJson(story));
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    expect(parsed.format).toBe('hypothesis');
    const carried = (n: Note) => ({
      id: n.id,
      url: n.url,
      pageKey: n.pageKey,
      pageTitle: n.pageTitle,
      selectors: n.selectors,
      text: n.text,
      tags: n.tags,
      createdAt: n.createdAt,
      updatedAt: n.updatedAt,
    });
    expect(parsed.notes.map(carried)).toEqual(story.map(carried));
    // The format has no place for these: they come back as an imported annotation's defaults.
    expect(parsed.notes.every((n) => n.color === 'highlight' && n.entityIds.length === 0)).toBe(true);
    expect(parsed.notes.some((n) => n.language !== undefined)).toBe(false);
    // Imported over the notes it came from, nothing changes but what the format does not carry.
    expect(
      importReport(planImport(new Map(story.map((n) => [n.id, n])), parsed.notes), parsed.skipped),
    ).toMatch(/0 added/);
  });

  it('an empty export reads back as no notes, in either format', () => {
    for (const file of [toHypothesisJson([]), toWebAnnotation([])]) {
      const parsed = parseImport(file);
      expect(parsed.ok && parsed.notes).toEqual([]);
    }
  });
});

describe("Hypothesis's own JSON around <br>", () => {
  it("keeps Hypothesis's positions and anchors its passages where Hypothesis does", () => {
    const annotations = cases.map(({ page, passage }, i) => {
      const doc = parse(page.html);
      return {
        id: `hypothesisId${String(i).padStart(10, '0')}`,
        created: '2026-06-01T10:00:00.000000+00:00',
        updated: '2026-06-01T10:00:00.000000+00:00',
        user: 'acct:reader@hypothes.is',
        uri: page.url,
        text: '',
        tags: [],
        group: '__world__',
        permissions: { read: ['group:__world__'] },
        target: [{ source: page.url, selector: hypothesisDescribe(doc.body, selectShown(doc, passage)) }],
        document: { title: [page.name] },
      };
    });
    const parsed = parseImport(
      JSON.stringify({
        export_date: '2026-06-02T00:00:00.000Z',
        export_userid: '',
        client_version: '1.1',
        annotations,
      }),
    );
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    cases.forEach(({ page, passage }, i) => {
      const note = parsed.notes[i]!;
      const position = annotations[i]!.target[0]!.selector.find((s) => s.type === 'TextPositionSelector')!;
      expect(note.selectors.position).toEqual({ start: position.start, end: position.end });
      const body = parse(page.html).body;
      const ours = locate(body, fromNoteSelectors(note.selectors))!;
      const theirs = hypothesisAnchor(body, annotations[i]!.target[0]!.selector);
      expect(textContentSpan(body, ours.range), `${page.name}: ${passage}`).toEqual(
        textContentSpan(body, theirs.range),
      );
      // By its position where ClaimLens counts the text as Hypothesis does (no script before it), else by the
      // range; either holds the quote read with a space per <br>.
      expect(ours.method).toBe(page.name === 'statement' ? 'range' : 'position');
    });
  });

  it('drops a position that cannot be the quote, and keeps the annotation', () => {
    const annotation = (start: number, end: number) => ({
      id: `pos${start}x${end}xxxxxxxxxxxx`.slice(0, 22),
      uri: BR_PAGES[0]!.url,
      text: '',
      tags: [],
      target: [
        {
          source: BR_PAGES[0]!.url,
          selector: [
            { type: 'TextPositionSelector', start, end },
            { type: 'TextQuoteSelector', exact: 'smoke, stalls', prefix: '', suffix: '' },
          ],
        },
      ],
    });
    // 13 characters with one space: a span of 12 (a <br>) or 13 fits, 11 (two spaces short) or 14 does not.
    const parsed = parseImport(
      JSON.stringify({
        export_date: '2026-06-02T00:00:00.000Z',
        annotations: [annotation(10, 22), annotation(10, 23), annotation(10, 21), annotation(10, 24)],
      }),
    );
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    expect(parsed.notes.map((n) => n.selectors.position)).toEqual([
      { start: 10, end: 22 },
      { start: 10, end: 23 },
      undefined,
      undefined,
    ]);
  });
});
