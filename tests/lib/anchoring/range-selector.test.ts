// @vitest-environment jsdom
// RangeSelectors as Hypothesis writes them: element paths under the body and offsets into their text.
import { beforeEach, describe as suite, expect, it } from 'vitest';
import { describe, locate } from '../../../lib/anchoring';
import {
  describeRange,
  elementFromXPath,
  isRangeSelector,
  isSimpleXPath,
  resolveRange,
  xpathFromElement,
} from '../../../lib/anchoring/range-selector';

beforeEach(() => {
  document.body.innerHTML =
    '<header><p>Menu</p></header><article><h1>Night raid</h1><p>Lead paragraph.</p>' +
    '<p>Police said <b>two men</b> fled in a car<script>var x = 1;</script> towards the river.</p></article>';
});

function textRange(node: Node, start: number, endNode: Node, end: number): Range {
  const range = document.createRange();
  range.setStart(node, start);
  range.setEnd(endNode, end);
  return range;
}

suite('RangeSelector', () => {
  it('writes a passage as element paths under the body and offsets into their text, and reads it back', () => {
    const p = document.querySelectorAll('article p')[1]!;
    const bold = p.querySelector('b')!.firstChild!;
    const last = p.lastChild!; // " towards the river."
    const range = textRange(bold, 4, last, 8);
    const selector = describeRange(document.body, range)!;
    expect(selector).toEqual({
      type: 'RangeSelector',
      startContainer: '/article[1]/p[2]/b[1]',
      startOffset: 4,
      endContainer: '/article[1]/p[2]',
      // "Police said two men fled in a car" + "var x = 1;" (textContent counts script text) + " towards"
      endOffset: 'Police said two men fled in a car'.length + 'var x = 1;'.length + ' towards'.length,
    });
    expect(resolveRange(document.body, selector)!.toString()).toBe('men fled in a carvar x = 1; towards');
  });

  it('names nothing when the page no longer has the elements or the text', () => {
    const selector = {
      type: 'RangeSelector' as const,
      startContainer: '/article[1]/p[5]',
      startOffset: 0,
      endContainer: '/article[1]/p[5]',
      endOffset: 3,
    };
    expect(resolveRange(document.body, selector)).toBeNull();
    expect(
      resolveRange(document.body, {
        ...selector,
        startContainer: '/article[1]/p[1]',
        endContainer: '/article[1]/p[1]',
        endOffset: 400,
      }),
    ).toBeNull();
    // An end before the start names nothing either.
    expect(
      resolveRange(document.body, {
        ...selector,
        startContainer: '/article[1]/p[2]',
        endContainer: '/article[1]/p[1]',
      }),
    ).toBeNull();
  });

  it('accepts only plain name[n] steps: no predicates, functions or axes from a file reach the page', () => {
    expect(isSimpleXPath('/article[1]/p[2]')).toBe(true);
    expect(isSimpleXPath('')).toBe(true);
    for (const path of [
      '//p',
      '/p[@id="x"]',
      '/p[last()]',
      '/p[0]',
      '/p',
      '/../p[1]',
      'p[1]',
      '/p[1]/text()[1]',
    ])
      expect(isSimpleXPath(path)).toBe(false);
    expect(elementFromXPath('/p[@id="x"]', document.body)).toBeNull();
    expect(
      isRangeSelector({
        type: 'RangeSelector',
        startContainer: '/p[1]',
        startOffset: -1,
        endContainer: '/p[1]',
        endOffset: 2,
      }),
    ).toBe(false);
  });

  it('paths and elements agree both ways, counting same-name siblings only', () => {
    const h1 = document.querySelector('h1')!;
    expect(xpathFromElement(h1, document.body)).toBe('/article[1]/h1[1]');
    expect(elementFromXPath('/article[1]/h1[1]', document.body)).toBe(h1);
    expect(elementFromXPath('/header[1]/p[1]', document.body)).toBe(document.querySelector('header p'));
  });

  it('is not written where an emoji precedes a boundary in its element (UTF-16 and code points would differ)', () => {
    document.body.innerHTML = '<p>🙂 Smiles all round at the briefing.</p>';
    const text = document.querySelector('p')!.firstChild!;
    expect(describeRange(document.body, textRange(text, 3, text, 9))).toBeNull();
  });
});

suite('anchoring by a RangeSelector', () => {
  const PAGE =
    '<article><p>The army said the convoy was hit at dawn.</p><p>Residents said the convoy was hit at dawn, not at night.</p></article>';

  it('tells two equal quotes apart by the elements it names, where the quote alone takes the first', () => {
    document.body.innerHTML = PAGE;
    const second = document.querySelectorAll('p')[1]!.firstChild!;
    const start = 'Residents said '.length;
    const selectors = describe(
      document.body,
      textRange(second, start, second, start + 'the convoy was hit'.length),
    );
    const range = selectors.find((s) => s.type === 'RangeSelector');
    expect(range).toMatchObject({ startContainer: '/article[1]/p[2]', startOffset: start });
    // An imported note: its quote has no context and no position (as some tools write them).
    const quote = { type: 'TextQuoteSelector' as const, exact: 'the convoy was hit', prefix: '', suffix: '' };
    document.body.insertAdjacentHTML('afterbegin', '<p>Updated.</p>'); // a page that changed since
    const byRange = locate(document.body, [quote, range!]);
    expect(byRange?.method).toBe('range');
    expect(byRange?.range.startContainer.parentElement).toBe(document.querySelectorAll('article p')[1]);
    const byQuote = locate(document.body, [quote]);
    expect(byQuote?.range.startContainer.parentElement).toBe(document.querySelectorAll('article p')[0]);
  });

  it('is not trusted where its elements hold other text now: the quote finds the passage', () => {
    document.body.innerHTML = PAGE;
    const first = document.querySelector('p')!.firstChild!;
    const selectors = describe(document.body, textRange(first, 4, first, 8)); // "army"
    document.body.innerHTML =
      '<article><p>Earlier report.</p><p>The army said the convoy was hit at dawn.</p></article>';
    const found = locate(document.body, selectors);
    expect(found?.method).toBe('quote');
    expect(found?.range.toString()).toBe('army');
  });
});
