// @vitest-environment jsdom
// The text model: which text counts, and how offsets map to DOM ranges and back.
import { describe, expect, it } from 'vitest';
import {
  buildTextModel,
  offsetsOfRange,
  rangeFromOffsets,
  textOf,
} from '../../../lib/anchoring/text-position';
import { parse } from '../../fixtures/anchoring/helpers';

const page = (html: string) => parse(`<!doctype html><html><body>${html}</body></html>`).body;

describe('the text model', () => {
  it('is the text nodes in document order, nested markup included', () => {
    expect(textOf(page('<p>Two <b>groups <i>claimed</i></b> it.</p><ul><li>One</li><li>Two</li></ul>'))).toBe(
      'Two groups claimed it.OneTwo',
    );
  });

  it('leaves out script, style, noscript, template, textarea and the ClaimLens UI host', () => {
    const root = page(
      '<p>Before.</p><script>var claim = "x";</script><style>p { color: red }</style>' +
        '<noscript>No scripts</noscript><template><p>Template</p></template><textarea>Draft</textarea>' +
        '<claimlens-ui><span>Our panel</span></claimlens-ui><p>After.</p>',
    );
    const template = root.querySelector('template')!;
    template.appendChild(root.ownerDocument.createTextNode('Child of the template element'));
    expect(textOf(root)).toBe('Before.After.');
  });

  it('reads a lone text node and an empty root', () => {
    const root = page('<p>Only text</p>');
    expect(textOf(root.querySelector('p')!.firstChild!)).toBe('Only text');
    expect(textOf(page(''))).toBe('');
    expect(rangeFromOffsets(page(''), 0, 0).collapsed).toBe(true);
  });
});

describe('mapping offsets to ranges and back', () => {
  const html =
    '<p>Police <b>said</b> the device</p><p>was <em>in a cart</em>.</p><script>x()</script><p>End</p>';

  it('round-trips every span', () => {
    const root = page(html);
    const text = textOf(root);
    for (let start = 0; start <= text.length; start++) {
      for (let end = start; end <= text.length; end++) {
        const range = rangeFromOffsets(root, start, end);
        expect(offsetsOfRange(root, range)).toEqual({ start, end });
        // Range.toString also reads the script; the model does not.
        expect(range.toString().replace('x()', '')).toBe(text.slice(start, end));
      }
    }
  });

  it('puts a start on a node boundary into the next node and an end into the previous one', () => {
    const root = page(html);
    const range = rangeFromOffsets(root, 'Police '.length, 'Police said'.length);
    expect(range.startContainer.textContent).toBe('said');
    expect(range.startOffset).toBe(0);
    expect(range.endContainer.textContent).toBe('said');
    expect(range.endOffset).toBe(4);
  });

  it('reads boundaries given as an element and a child index', () => {
    const root = page(html);
    const [first, second, third] = Array.from(root.querySelectorAll('p'));
    const range = root.ownerDocument.createRange();
    range.setStart(first!, 1); // before <b>
    range.setEnd(second!, 2); // after <em>
    expect(offsetsOfRange(root, range)).toEqual({
      start: 7,
      end: 'Police said the devicewas in a cart'.length,
    });
    range.setStart(root, 0);
    range.setEnd(third!, 0);
    expect(offsetsOfRange(root, range)).toEqual({ start: 0, end: textOf(root).indexOf('End') });
    range.selectNodeContents(root);
    expect(offsetsOfRange(root, range)).toEqual({ start: 0, end: textOf(root).length });
  });

  it('counts a boundary inside excluded text at the next counted text', () => {
    const root = page(html);
    const script = root.querySelector('script')!;
    const range = root.ownerDocument.createRange();
    range.setStart(script.firstChild!, 1);
    range.setEnd(root.querySelectorAll('p')[2]!.firstChild!, 2);
    expect(offsetsOfRange(root, range)).toEqual({
      start: textOf(root).indexOf('End'),
      end: textOf(root).indexOf('End') + 2,
    });
  });

  it('refuses offsets outside the text and ranges outside the root', () => {
    const root = page(html);
    expect(() => rangeFromOffsets(root, -1, 2)).toThrow(RangeError);
    expect(() => rangeFromOffsets(root, 3, 2)).toThrow(RangeError);
    expect(() => rangeFromOffsets(root, 0, 1000)).toThrow(RangeError);
    const paragraph = root.querySelector('p')!;
    const outside = root.ownerDocument.createRange();
    outside.selectNodeContents(root);
    expect(() => offsetsOfRange(paragraph, outside)).toThrow(/not inside the root/);
  });

  it('keeps the node list and offsets consistent', () => {
    const model = buildTextModel(page(html));
    model.nodes.forEach((node, i) => {
      expect(model.text.slice(model.starts[i], model.ends[i])).toBe(node.data);
    });
  });
});
