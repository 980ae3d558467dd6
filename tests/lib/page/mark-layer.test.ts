// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { HIGHLIGHT_PRIORITY, MarkLayer, randomHighlightName } from '../../../lib/page/mark-layer';

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
  const byStyle = (style: keyof typeof HIGHLIGHT_PRIORITY) =>
    [...registry.entries()].find(([, h]) => h.priority === HIGHLIGHT_PRIORITY[style]);
  return { registry, touched: () => touched, byStyle };
}

afterEach(() => {
  delete (globalThis as { Highlight?: unknown }).Highlight;
  delete (globalThis.CSS as { highlights?: unknown } | undefined)?.highlights;
  document.head.innerHTML = '';
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
    expect([...api.byStyle('group')![1]].map(String)).toEqual(['Amaq']);
    layer.destroy();
  });

  it('names its highlights anew on each page: no fixed name a page could look for', () => {
    const first = withHighlightApi();
    const one = new MarkLayer();
    one.add('group', rangeOver('Amaq'));
    const firstName = first.byStyle('group')![0];
    one.destroy();
    const second = withHighlightApi();
    const two = new MarkLayer();
    two.add('group', rangeOver('Amaq'));
    const secondName = second.byStyle('group')![0];
    two.destroy();
    expect(firstName).not.toBe(secondName);
    expect(firstName).not.toMatch(/claim|lens|group/i);
    // Its palette follows the names (jsdom cannot adopt a constructed sheet: a style element then).
    const names = new Set(Array.from({ length: 200 }, randomHighlightName));
    expect(names.size).toBe(200);
    for (const name of names) expect(name).toMatch(/^[a-z][a-z0-9]{11}$/);
  });

  it('styles exactly the names it registered, and takes its palette away when destroyed', () => {
    const api = withHighlightApi();
    const layer = new MarkLayer();
    layer.add('incident', rangeOver('Pulwama'));
    const name = api.byStyle('incident')![0];
    const css = [...document.querySelectorAll('style')].map((s) => s.textContent).join('\n');
    expect(css).toContain(`::highlight(${name})`);
    layer.destroy();
    expect(api.registry.size).toBe(0);
    expect(document.querySelectorAll('style')).toHaveLength(0);
  });

  it('paints the focused mark above the entity marks', () => {
    const api = withHighlightApi();
    const layer = new MarkLayer();
    const range = rangeOver('Zakura');
    layer.add('actor', range);
    layer.add('group', range);
    layer.setActive(range);
    expect(api.byStyle('actor')![1].priority).toBeLessThan(api.byStyle('group')![1].priority);
    expect(api.byStyle('group')![1].priority).toBeLessThan(api.byStyle('active')![1].priority);
    layer.destroy();
    expect(api.registry.size).toBe(0);
  });

  it('never puts a saved passage in the page’s registry', () => {
    const api = withHighlightApi();
    const layer = new MarkLayer();
    layer.add('note-claim', rangeOver('a saved passage'));
    expect(api.registry.size).toBe(0);
    expect(api.touched()).toBe(0);
  });

  it('puts back what the page cleared, deleted, emptied or added to, and its palette', async () => {
    const api = withHighlightApi();
    const layer = new MarkLayer();
    const range = rangeOver('Amaq');
    layer.add('group', range);
    const [name, highlight] = api.byStyle('group')!;
    expect(layer.repair()).toBe(false);

    api.registry.clear(); // CSS.highlights.clear() by the page
    expect(layer.repair()).toBe(true);
    expect([...api.registry.get(name)!].map(String)).toEqual(['Amaq']);

    highlight.clear(); // the page emptied our highlight
    expect(layer.repair()).toBe(true);
    expect(highlight.size).toBe(1);

    highlight.add(document.createRange()); // or added a fake mark to it
    expect(layer.repair()).toBe(true);
    expect([...highlight]).toEqual([range]);

    api.registry.set(name, new FakeHighlight()); // or replaced it
    expect(layer.repair()).toBe(true);
    expect(api.registry.get(name)).toBe(highlight);

    document.head.innerHTML = ''; // or removed the palette
    expect(layer.repair()).toBe(true);
    expect(document.head.textContent).toContain(name);

    // Drawing checks too: a page that cleared everything gets it back with the next marks.
    api.registry.clear();
    layer.add('incident', rangeOver('Pulwama'));
    await Promise.resolve();
    expect(api.registry.get(name)).toBe(highlight);
    layer.destroy();
  });

  it('draws nothing, and does not fail, where the browser has no highlight API', () => {
    const layer = new MarkLayer();
    expect(() => {
      layer.add('incident', rangeOver('Pulwama'));
      layer.setActive(rangeOver('Pulwama'));
      layer.repair();
      layer.destroy();
    }).not.toThrow();
  });
});
