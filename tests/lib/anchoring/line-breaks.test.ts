// @vitest-environment jsdom
// A `<br>` in the text model: Hypothesis's selectors made around one anchor where Hypothesis anchors them, and notes saved before still anchor where they were.
import { describe, expect, it } from 'vitest';
import {
  buildTextModel,
  describe as describePassage,
  locate,
  offsetsInModel,
  rangeFromModel,
  textOf,
  type Selector,
} from '../../../lib/anchoring';
import { holdsQuote } from '../../../lib/anchoring/line-breaks';
import { BR_PAGES, selectShown } from '../../fixtures/hypothesis/br-pages';
import {
  hypothesisAnchor,
  hypothesisDescribe,
  textContentSpan,
  type HypothesisSelector,
} from '../../fixtures/hypothesis/conventions';
import { edit, parse } from '../../fixtures/anchoring/helpers';

const BR_POEM = '<p>glass and smoke,<br>the stalls<br><br>lay open</p>';

/** Both ranges cover the same characters of the page (a point between two text nodes may be written either way). */
function samePlace(a: Range, b: Range): boolean {
  const body = a.startContainer.ownerDocument!.body;
  const [x, y] = [textContentSpan(body, a), textContentSpan(body, b)];
  return x[0] === y[0] && x[1] === y[1];
}

const only = (selectors: HypothesisSelector[], ...types: string[]) =>
  selectors.filter((s) => types.includes(s.type)) as unknown as Selector[];

describe('the text model and <br>', () => {
  it('gives a <br> no character, as textContent does, and records where each one is', () => {
    const doc = parse(`<!doctype html><body>${BR_POEM}</body>`);
    const model = buildTextModel(doc.body);
    expect(model.text).toBe(doc.body.textContent);
    expect(model.text).toBe('glass and smoke,the stallslay open');
    expect(model.breaks).toEqual([16, 26, 26]);
  });

  it('reads a quote as ClaimLens writes it (no character for a <br>) or as Hypothesis does (a space)', () => {
    const model = buildTextModel(parse(`<!doctype html><body>${BR_POEM}</body>`).body);
    const start = model.text.indexOf('smoke');
    const end = model.text.indexOf(' open');
    expect(holdsQuote(model, start, end, 'smoke,the stallslay')).toBe(true);
    expect(holdsQuote(model, start, end, 'smoke, the stalls  lay')).toBe(true);
    // A space only where a <br> is, and one per <br>.
    expect(holdsQuote(model, start, end, 'smoke, the stalls lay')).toBe(false);
    expect(holdsQuote(model, start, end, 'smoke, the stalls   lay')).toBe(false);
    expect(holdsQuote(model, start, end, 'smoke,the stalls lay ')).toBe(false);
    expect(holdsQuote(model, start, end, 'smoke, the stalls  lad')).toBe(false);
    // A selection that took in the <br> at its edge starts (or ends) with its space.
    const the = model.text.indexOf('the');
    expect(holdsQuote(model, the, the + 3, ' the')).toBe(true);
    expect(holdsQuote(model, the - 6, the, 'smoke, ')).toBe(true);
    expect(holdsQuote(model, the, the + 3, 'the')).toBe(true);
    expect(holdsQuote(model, the, the + 3, '  the')).toBe(false);
  });
});

describe("Hypothesis's selectors around <br>", () => {
  for (const page of BR_PAGES) {
    it(`anchor where Hypothesis anchors them on the ${page.name} page`, () => {
      for (const passage of page.passages) {
        const made = parse(page.html);
        const selectors = hypothesisDescribe(made.body, selectShown(made, passage));
        const quote = selectors.find((s) => s.type === 'TextQuoteSelector')!;
        // Hypothesis writes a space for each <br> the passage crosses (and keeps the source's own line ends).
        expect(quote.exact!.replace(/\s+/g, ' ')).toBe(passage);

        const doc = parse(page.html);
        const theirs = hypothesisAnchor(doc.body, selectors).range;
        for (const kinds of [
          ['TextQuoteSelector', 'TextPositionSelector'],
          ['TextQuoteSelector'],
          ['TextQuoteSelector', 'TextPositionSelector', 'RangeSelector'],
        ]) {
          const ours = locate(doc.body, only(selectors, ...kinds));
          expect(ours, `${passage} by ${kinds.join('+')}`).not.toBeNull();
          expect(samePlace(ours!.range, theirs), `${passage} by ${kinds.join('+')}`).toBe(true);
          expect(ours!.score).toBeGreaterThan(0.95);
        }
      }
    });
  }

  it('are found by their position where the body has no script, and by their quote where it has one', () => {
    const [poem, , statement] = BR_PAGES;
    const at = (html: string, passage: string) => {
      const doc = parse(html);
      return locate(
        doc.body,
        only(
          hypothesisDescribe(doc.body, selectShown(doc, passage)),
          'TextQuoteSelector',
          'TextPositionSelector',
        ),
      )!.method;
    };
    expect(at(poem!.html, poem!.passages[0]!)).toBe('position');
    // Hypothesis counts the script's text; ClaimLens's offsets leave it out, so the quote places it.
    expect(at(statement!.html, statement!.passages[0]!)).toBe('quote');
  });

  it('still anchor on an edited page, by their quote in context', () => {
    const [poem] = BR_PAGES;
    const made = parse(poem!.html);
    const passage = 'the stalls lay open to the rain and no one who had come to trade';
    const selectors = hypothesisDescribe(made.body, selectShown(made, passage));
    const edited = parse(
      edit(poem!.html, '<h1>', '<p>Read aloud on the first night of the vigil, by candlelight.</p><h1>'),
    );
    const ours = locate(edited.body, only(selectors, 'TextQuoteSelector', 'TextPositionSelector'))!;
    expect(ours.method).toBe('quote');
    expect(samePlace(ours.range, hypothesisAnchor(edited.body, selectors).range)).toBe(true);
  });

  it('do not take a word that runs on across a <br> for a word boundary that is not there', () => {
    // "rain" is a word on the page; "trai" inside "trade" is not, even though it is letters on both sides.
    const doc = parse(
      '<!doctype html><body><p>come to trade<br>would walk</p><p>come to t<br>rain</p></body>',
    );
    const selectors: Selector[] = [
      { type: 'TextQuoteSelector', exact: 'rain', prefix: 'come to t ', suffix: '' },
    ];
    const found = locate(doc.body, selectors)!;
    expect(found.range.startContainer.parentElement).toBe(doc.querySelectorAll('p')[1]);
  });
});

/** Selectors as ClaimLens writes them now: a space in the quote for each <br> inside the passage. */
function savedNow(html: string, passage: string): { selectors: Selector[]; span: [number, number] } {
  const doc = parse(html);
  const range = selectShown(doc, passage);
  const { start, end } = offsetsInModel(buildTextModel(doc.body), range);
  return { selectors: describePassage(doc.body, range), span: [start, end] };
}

/** Selectors as ClaimLens wrote them before: the text without a character for <br>, context cut from it. */
function savedBefore(html: string, passage: string): { selectors: Selector[]; span: [number, number] } {
  const { selectors, span } = savedNow(html, passage);
  const text = buildTextModel(parse(html).body).text;
  return {
    selectors: selectors.map((s) =>
      s.type === 'TextQuoteSelector' ? { ...s, exact: text.slice(span[0], span[1]) } : s,
    ),
    span,
  };
}

describe('notes ClaimLens saves across a <br>', () => {
  it('quote the passage as the page shows it: a space where each line breaks', () => {
    for (const page of BR_PAGES) {
      for (const passage of page.passages) {
        const exact = (savedNow(page.html, passage).selectors[0] as { exact: string }).exact;
        expect(exact.replace(/\s+/g, ' '), `${page.name}: ${passage}`).toBe(passage);
      }
    }
    // One space for each <br>, none for one at the passage's edge.
    const poem = '<!doctype html><body><p>glass and smoke,<br>the stalls<br><br>lay open</p></body>';
    const doc = parse(poem);
    const model = buildTextModel(doc.body);
    const at = (from: string, to: string) =>
      (
        describePassage(
          doc.body,
          rangeFromModel(model, model.text.indexOf(from), model.text.indexOf(to) + to.length),
        )[0] as { exact: string }
      ).exact;
    expect(at('smoke', 'lay')).toBe('smoke, the stalls  lay');
    expect(at('the', 'stalls')).toBe('the stalls');
  });

  for (const page of BR_PAGES) {
    it(`anchor exactly in place on the ${page.name} page, by position, range or quote alone`, () => {
      for (const passage of page.passages) {
        const { selectors, span } = savedNow(page.html, passage);
        const doc = parse(page.html);
        const model = buildTextModel(doc.body);
        const found = locate(doc.body, selectors)!;
        expect(found.method, passage).toBe('position');
        expect(offsetsInModel(model, found.range)).toEqual({ start: span[0], end: span[1] });
        const byRange = locate(
          doc.body,
          selectors.filter((s) => s.type !== 'TextPositionSelector'),
        )!;
        expect(byRange.method, passage).toBe('range');
        expect(offsetsInModel(model, byRange.range)).toEqual({ start: span[0], end: span[1] });
        const quoteOnly = locate(
          doc.body,
          selectors.filter((s) => s.type === 'TextQuoteSelector'),
        )!;
        expect(quoteOnly.method, passage).toBe('quote');
        expect(samePlace(quoteOnly.range, found.range), passage).toBe(true);
      }
    });
  }

  it('agree with Hypothesis on the place when exported to it', () => {
    for (const page of BR_PAGES) {
      for (const passage of page.passages) {
        const { selectors } = savedNow(page.html, passage);
        const doc = parse(page.html);
        const ours = locate(doc.body, selectors)!.range;
        const theirs = hypothesisAnchor(doc.body, selectors as unknown as HypothesisSelector[]);
        expect(textContentSpan(doc.body, theirs.range), `${page.name}: ${passage}`).toEqual(
          textContentSpan(doc.body, ours),
        );
      }
    }
  });
});

describe('notes ClaimLens saved before <br> was read as a space', () => {
  for (const page of BR_PAGES) {
    it(`stay exactly in place on the ${page.name} page`, () => {
      for (const passage of page.passages) {
        const { selectors, span } = savedBefore(page.html, passage);
        const doc = parse(page.html);
        const found = locate(doc.body, selectors)!;
        expect(found.method, passage).toBe('position');
        expect(offsetsInModel(buildTextModel(doc.body), found.range)).toEqual({
          start: span[0],
          end: span[1],
        });
        // Quote alone (the page moved on): the same words, found as before.
        const quoteOnly = locate(
          doc.body,
          selectors.filter((s) => s.type === 'TextQuoteSelector'),
        )!;
        expect(samePlace(quoteOnly.range, found.range), passage).toBe(true);
        expect(quoteOnly.method).toBe('quote');
      }
    });
  }

  it('agree with Hypothesis on the place when exported to it', () => {
    for (const page of BR_PAGES) {
      for (const passage of page.passages) {
        const { selectors } = savedBefore(page.html, passage);
        const doc = parse(page.html);
        const ours = locate(doc.body, selectors)!.range;
        const theirs = hypothesisAnchor(doc.body, selectors as unknown as HypothesisSelector[]);
        expect(textContentSpan(doc.body, theirs.range), `${page.name}: ${passage}`).toEqual(
          textContentSpan(doc.body, ours),
        );
      }
    }
  });

  it('keeps the text of a page without <br> exactly as before', () => {
    const html = '<!doctype html><body><p>One <em>line</em> of text.</p><script>var x = 1;</script></body>';
    expect(textOf(parse(html).body)).toBe('One line of text.');
    expect(buildTextModel(parse(html).body).breaks).toEqual([]);
  });
});
