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

  it(
    'orders siblings near and far apart in a long list, and nodes in a deep chain',
    { timeout: 30_000 },
    () => {
      document.body.innerHTML = '<main id="feed"></main>';
      const feed = document.getElementById('feed')!;
      const items: Text[] = [];
      for (let i = 0; i < 3_000; i++) {
        const p = document.createElement('p');
        p.textContent = `story ${i}`;
        feed.append(p);
        items.push(p.firstChild as Text);
      }
      const order = new DocumentOrder();
      for (const [a, b] of [
        [0, 1],
        [1, 0],
        [5, 17],
        [2_999, 0],
        [10, 2_500],
        [2_500, 2_501],
      ] as const)
        expect(Math.sign(order.compare(items[a]!, 0, items[b]!, 0))).toBe(Math.sign(a - b));

      let parent: Element = document.body;
      const chain: Text[] = [];
      for (let i = 0; i < 1_000; i++) {
        const span = document.createElement('span');
        span.append(`reply ${i}`);
        parent.append(span);
        chain.push(span.firstChild as Text);
        parent = span;
      }
      const deep = new DocumentOrder();
      expect(Math.sign(deep.compare(chain[999]!, 0, chain[0]!, 0))).toBe(1);
      expect(Math.sign(deep.compare(chain[100]!, 0, chain[900]!, 0))).toBe(-1);
      expect(Math.sign(deep.compare(items[3]!, 0, chain[5]!, 0))).toBe(-1);
    },
  );
});
