// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { HIGHLIGHT_NAMES, MarkLayer } from '../../../lib/page/mark-layer';

/** jsdom has no CSS Custom Highlight API: a stand-in with its shape, whose use is counted. */
class FakeHighlight extends Set<Range> {
  priority = 0;
}

function withHighlightApi() {
  const registry = new Map<string, FakeHighlight>();
  let touched = 0;
  Object.defineProperty(globalThis, 'Highlight', {
    configurable: true,
    get: () => (touched++, FakeHighlight),
  });
  Object.defineProperty(globalThis.CSS ?? Object.assign(globalThis, { CSS: {} }).CSS, 'highlights', {
    configurable: true,
    get: () => (touched++, registry),
  });
  return { registry, touched: () => touched };
}

afterEach(() => {
  delete (globalThis as { Highlight?: unknown }).Highlight;
  delete (globalThis.CSS as { highlights?: unknown } | undefined)?.highlights;
});

function rangeOver(text: string): Range {
  document.body.textContent = text;
  const range = document.createRange();
  range.selectNodeContents(document.body);
  return range;
}

describe('the mark layer', () => {
  it('does not touch the highlight API until the first mark is drawn', () => {
    const api = withHighlightApi();
    const layer = new MarkLayer();
    layer.delete('group', rangeOver('Amaq'));
    layer.setActive(null);
    expect(api.touched()).toBe(0);
    layer.add('group', rangeOver('Amaq'));
    expect(api.touched()).toBeGreaterThan(0);
    expect([...api.registry.get(HIGHLIGHT_NAMES.group)!].map(String)).toEqual(['Amaq']);
  });

  it('paints saved passages above entity marks, and the focused mark above all', () => {
    const api = withHighlightApi();
    const layer = new MarkLayer();
    const range = rangeOver('Zakura');
    layer.add('note-claim', range);
    layer.add('actor', range);
    layer.setActive(range);
    const priority = (name: string) => api.registry.get(name)!.priority;
    expect(priority(HIGHLIGHT_NAMES.actor)).toBeLessThan(priority(HIGHLIGHT_NAMES['note-claim']));
    expect(priority(HIGHLIGHT_NAMES['note-claim'])).toBeLessThan(priority(HIGHLIGHT_NAMES.active));
    layer.destroy();
    expect(api.registry.size).toBe(0);
  });

  it('draws nothing, and does not fail, where the browser has no highlight API', () => {
    const layer = new MarkLayer();
    expect(() => {
      layer.add('incident', rangeOver('Pulwama'));
      layer.setActive(rangeOver('Pulwama'));
      layer.destroy();
    }).not.toThrow();
  });
});
