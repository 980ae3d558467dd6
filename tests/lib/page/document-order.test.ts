// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { DocumentOrder } from '../../../lib/page/document-order';

describe('positions compared in document order', () => {
  it('agrees with the DOM on nodes in lists, nested elements and containers', () => {
    document.body.innerHTML =
      '<ul id="u"><li>a</li><li>b <b>c</b></li><li>d</li></ul><p id="p">e<span>f</span>g</p>';
    const texts: Text[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n as Text);
    const points: [Node, number][] = [
      ...texts.flatMap((t): [Node, number][] => [
        [t, 0],
        [t, t.length],
      ]),
      [document.getElementById('u')!, 1],
      [document.getElementById('p')!, 0],
      [document.getElementById('p')!, 3],
      [document.body, 1],
    ];
    const order = new DocumentOrder();
    const range = (node: Node, offset: number) => {
      const r = document.createRange();
      r.setStart(node, offset);
      return r;
    };
    for (const [a, ao] of points)
      for (const [b, bo] of points) {
        const dom = range(a, ao).compareBoundaryPoints(Range.START_TO_START, range(b, bo));
        expect([a.nodeName, ao, b.nodeName, bo, Math.sign(order.compare(a, ao, b, bo))]).toEqual([
          a.nodeName,
          ao,
          b.nodeName,
          bo,
          dom,
        ]);
      }
  });
});
