// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { outermostRoots } from '../../../lib/page/pending-roots';
import { isSkipped } from '../../../lib/page/visible-text';

describe('which changed nodes the spotter reads', () => {
  it('reads a node inside another changed node with it, and leaves out what is gone or never read', () => {
    document.body.innerHTML =
      '<main><section id="s"><p id="a">A</p><p id="b">B</p></section><p id="c">C</p><div hidden><p id="h">H</p></div></main>';
    const byId = (id: string) => document.getElementById(id)!;
    const gone = document.createElement('p');
    const text = byId('a').firstChild!;
    const roots = outermostRoots([byId('a'), text, byId('s'), byId('c'), byId('h'), gone], isSkipped);
    expect(roots.map((n) => (n as Element).id)).toEqual(['s', 'c']);
  });

  it(
    'judges each ancestor once, however many changed nodes share it (siblings by the thousand, a deep chain)',
    { timeout: 30_000 },
    () => {
      document.body.innerHTML = '<main id="feed"></main>';
      const feed = document.getElementById('feed')!;
      const added: Node[] = [];
      for (let i = 0; i < 2_000; i++) added.push(feed.appendChild(document.createElement('p')));
      let parent: Element = feed;
      for (let i = 0; i < 500; i++) {
        const span = document.createElement('span');
        parent.appendChild(span);
        added.push(span);
        parent = span;
      }
      // Counted, not timed: how many times an ancestor is looked at.
      let looks = 0;
      const roots = outermostRoots(added, (element) => {
        looks++;
        return isSkipped(element);
      });
      expect(roots).toHaveLength(2_001);
      expect(looks).toBeLessThan(3 * added.length);
    },
  );
});
