// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { lineBoxes, marginMarker, sameBoxes, textRanges } from '../../../lib/page/overlay-geometry';

const rect = (left: number, top: number, width: number, height: number) => ({ left, top, width, height });

describe('where a passage’s tint goes', () => {
  it('follows the text only: one range per text node, cut at the passage’s ends', () => {
    document.body.innerHTML = '<p id="a">First <b>bold</b> words.</p><p id="b">Second paragraph here.</p>';
    const range = document.createRange();
    range.setStart(document.querySelector('#a')!.firstChild!, 2); // "rst "
    range.setEnd(document.querySelector('#b')!.firstChild!, 6); // "Second"
    expect(textRanges(range).map(String)).toEqual(['rst ', 'bold', ' words.', 'Second']);
  });

  it('handles a passage inside one text node, and one that covers whole elements', () => {
    document.body.innerHTML = '<p>alpha beta</p><ul><li>one</li><li>two</li></ul>';
    const inner = document.createRange();
    inner.setStart(document.querySelector('p')!.firstChild!, 6);
    inner.setEnd(document.querySelector('p')!.firstChild!, 10);
    expect(textRanges(inner).map(String)).toEqual(['beta']);
    const whole = document.createRange();
    whole.selectNodeContents(document.querySelector('ul')!);
    expect(textRanges(whole).map(String)).toEqual(['one', 'two']);
    const empty = document.createRange();
    empty.setStart(document.querySelector('p')!.firstChild!, 3);
    expect(textRanges(empty)).toEqual([]);
  });

  it('joins the pieces of one line, keeps lines apart, drops empty rectangles', () => {
    const boxes = lineBoxes(
      [
        rect(100, 50, 40, 18), // "rst "
        rect(140, 49, 30, 20), // "bold", a little taller
        rect(172, 50, 50, 18), // " words." (2 px apart: one box)
        rect(300, 50, 0, 18), // an empty rectangle at the line's end
        rect(100, 80, 80, 18), // the next line
      ],
      { left: 0, top: 0 },
    );
    expect(boxes).toEqual([rect(100, 49, 122, 20), rect(100, 80, 80, 18)]);
  });

  it('does not join two pieces of one line that lie apart (two columns)', () => {
    expect(lineBoxes([rect(10, 10, 50, 18), rect(400, 10, 50, 18)], { left: 0, top: 0 })).toHaveLength(2);
  });

  it('places the boxes relative to the overlay’s origin, so they scroll with the document', () => {
    // Scrolled down 1,000 px: the overlay's origin (the document's top) is 1,000 px above the window.
    const boxes = lineBoxes([rect(20.1, 30.2, 100.37, 18)], { left: -0, top: -1000 });
    expect(boxes).toEqual([rect(20, 1030.25, 100.25, 18)]);
  });

  it('tells an unchanged layout from a changed one', () => {
    const a = [rect(1, 2, 3, 4)];
    expect(sameBoxes(a, [rect(1, 2, 3, 4)])).toBe(true);
    expect(sameBoxes(a, [rect(1, 2, 3, 5)])).toBe(false);
    expect(sameBoxes(a, [])).toBe(false);
  });
});

describe('where a passage’s margin marker goes', () => {
  it('stands left of the block, as tall as all the passage’s lines, never left of the page', () => {
    const lines = [
      { left: 300, top: 100, width: 200, height: 18 },
      { left: 120, top: 122, width: 380, height: 18 },
    ];
    expect(marginMarker(lines, 120)).toEqual({ left: 109, top: 100, width: 3, height: 40 });
    expect(marginMarker(lines, 4)).toMatchObject({ left: 0 });
    expect(marginMarker([], 120)).toBeNull();
  });
});
