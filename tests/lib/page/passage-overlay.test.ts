// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PassageOverlay } from '../../../lib/page/passage-overlay';

/**
 * jsdom lays nothing out: each text node's rectangle is given here (one line, 10 px per character,
 * at the top given by its paragraph's data-top), and the overlay's origin is where the test says.
 */
let origin = { left: 0, top: 0 };
// jsdom's ranges have no getClientRects at all: a stand-in the tests replace.
Range.prototype.getClientRects ??= () => [] as unknown as DOMRectList;
beforeEach(() => {
  vi.spyOn(Range.prototype, 'getClientRects').mockImplementation(function (this: Range) {
    const node = this.startContainer;
    const top = Number((node.parentElement?.closest('[data-top]') as HTMLElement | null)?.dataset.top ?? 0);
    const list = [new DOMRect(this.startOffset * 10, top, (this.endOffset - this.startOffset) * 10, 18)];
    return Object.assign(list, { item: (i: number) => list[i] ?? null }) as unknown as DOMRectList;
  });
  // Paragraphs stand 100 px right of the overlay's origin (their text's margin); the rest at it.
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
    return this.tagName === 'P'
      ? new DOMRect(origin.left + 100, origin.top, 600, 20)
      : new DOMRect(origin.left, origin.top, 0, 0);
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  document.body.innerHTML = '';
  origin = { left: 0, top: 0 };
});

const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));

function setUp(theme: 'light' | 'dark' = 'light') {
  document.body.innerHTML =
    '<p data-top="100">Police said the group claimed it.</p><p data-top="140">Officials disputed that.</p>';
  const host = document.createElement('div');
  document.documentElement.append(host);
  // The boxes go into a closed root the page cannot reach: the test keeps hold of it as it is made.
  let root: ShadowRoot | undefined;
  let mode: string | undefined;
  const attach = host.attachShadow.bind(host);
  host.attachShadow = (init) => ((mode = init.mode), (root = attach(init)));
  const overlay = new PassageOverlay(
    document,
    async () => host,
    () => theme,
  );
  const passage = (p: number, start: number, end: number) => {
    const text = document.querySelectorAll('p')[p]!.firstChild!;
    const range = document.createRange();
    range.setStart(text, start);
    range.setEnd(text, end);
    return range;
  };
  const all = () => [...(root?.children ?? [])] as HTMLElement[];
  /** The tint boxes (the margin markers apart). */
  const children = () => all().filter((el) => !('marker' in el.dataset));
  const markers = () => all().filter((el) => 'marker' in el.dataset);
  const boxes = () =>
    children().map((el) => {
      const s = (el as HTMLElement).style;
      return {
        left: s.left,
        top: s.top,
        width: s.width,
        background: s.background,
        outlineStyle: s.outlineStyle,
        outlineWidth: s.outlineWidth,
      };
    });
  return { host, overlay, passage, boxes, children, markers, mode: () => mode };
}

/** The host is asked for asynchronously, then drawn in the next frame. */
async function settled() {
  await frame();
  await frame();
}

describe('the overlay of saved passages', () => {
  it('draws a box over each passage’s text, in document coordinates, never catching the pointer', async () => {
    const { host, overlay, passage, boxes, mode } = setUp();
    origin = { left: 0, top: -500 }; // scrolled down 500 px
    overlay.set([
      { id: 'a', style: 'note-highlight', range: passage(0, 16, 33) },
      { id: 'b', style: 'note-claim', range: passage(1, 0, 9) },
    ]);
    await settled();
    expect(boxes()).toMatchObject([
      { left: '160px', top: '600px', width: '170px' },
      { left: '0px', top: '640px', width: '90px' },
    ]);
    expect(mode()).toBe('closed');
    expect(host.children).toHaveLength(0);
    expect(host.style.pointerEvents).toBe('none');
    expect(host.style.position).toBe('absolute');
    overlay.destroy();
  });

  it('tints translucently, lighter on a dark page, so the text under it stays readable', async () => {
    const alpha = (background: string) => Number(/rgba\([^)]*,\s*([\d.]+)\)/.exec(background)?.[1] ?? 1);
    const light = setUp('light');
    light.overlay.set([{ id: 'a', style: 'note-highlight', range: light.passage(0, 0, 6) }]);
    await settled();
    const onLight = light.boxes()[0]!.background;
    light.overlay.destroy();
    const dark = setUp('dark');
    dark.overlay.set([{ id: 'a', style: 'note-highlight', range: dark.passage(0, 0, 6) }]);
    await settled();
    const onDark = dark.boxes()[0]!.background;
    dark.overlay.destroy();
    expect(alpha(onLight)).toBeLessThanOrEqual(0.4);
    expect(alpha(onDark)).toBeLessThanOrEqual(0.4);
    expect(onDark).not.toBe(onLight);
  });

  it('keeps the boxes of passages that did not move, removes those of deleted ones', async () => {
    const { overlay, passage, children } = setUp();
    const a = { id: 'a', style: 'note-highlight' as const, range: passage(0, 0, 6) };
    overlay.set([a, { id: 'b', style: 'note-official' as const, range: passage(1, 0, 9) }]);
    await settled();
    const first = children()[0];
    overlay.set([a]);
    await settled();
    expect(children()).toHaveLength(1);
    expect(children()[0]).toBe(first);
    overlay.destroy();
  });

  it('outlines the passage whose note is open, keeping the colour the reader chose, and back', async () => {
    const { overlay, passage, boxes } = setUp();
    overlay.set([{ id: 'a', style: 'note-follow-up', range: passage(0, 0, 6) }]);
    await settled();
    const normal = boxes()[0]!.background;
    expect(boxes()[0]!.outlineStyle).toBe('');
    overlay.setActive('a');
    await frame();
    expect(boxes()[0]!.background).toBe(normal);
    expect(boxes()[0]!.outlineStyle).toBe('solid');
    expect(boxes()[0]!.outlineWidth).toBe('2px');
    overlay.setActive(null);
    await frame();
    expect(boxes()[0]!.background).toBe(normal);
    expect(boxes()[0]!.outlineStyle).toBe('');
    overlay.destroy();
  });

  it('marks each saved passage in the margin left of its paragraph, in its colour, and takes the mark away with it', async () => {
    const { overlay, passage, markers } = setUp();
    overlay.set([
      { id: 'a', style: 'note-official', range: passage(0, 16, 33) },
      { id: 'b', style: 'note-follow-up', range: passage(1, 0, 9) },
    ]);
    await settled();
    const [a, b] = markers().map((m) => m.style);
    // Left of the paragraph (100 px), whatever column the passage starts in; as tall as its line.
    expect(a).toMatchObject({ left: '89px', top: '100px', width: '3px', height: '18px' });
    expect(b).toMatchObject({ left: '89px', top: '140px', width: '3px', height: '18px' });
    expect(a!.background).not.toBe(b!.background);
    expect(a!.background).not.toMatch(/rgba/); // solid: three pixels must be seen
    overlay.set([{ id: 'b', style: 'note-follow-up', range: passage(1, 0, 9) }]);
    await settled();
    expect(markers()).toHaveLength(1);
    expect(markers()[0]!.style.top).toBe('140px');
    overlay.destroy();
  });

  it('lays out again, once per frame, when the page changes', async () => {
    const { overlay, passage, boxes } = setUp();
    overlay.set([{ id: 'b', style: 'note-claim', range: passage(1, 0, 9) }]);
    await settled();
    expect(boxes()[0]!.top).toBe('140px');
    // The page inserts content above: the paragraph moves down.
    document.querySelectorAll('p')[1]!.setAttribute('data-top', '400');
    document.body.prepend(document.createElement('div'));
    document.body.prepend(document.createElement('div'));
    // Three changes, one layout (the overlay's origin is read once per layout).
    const layouts = () =>
      vi
        .mocked(HTMLElement.prototype.getBoundingClientRect)
        .mock.contexts.filter((element) => (element as HTMLElement).tagName !== 'P').length;
    const before = layouts();
    await frame();
    await frame();
    expect(boxes()[0]!.top).toBe('400px');
    expect(layouts() - before).toBe(1);
    overlay.destroy();
  });

  it('takes every box away and stops watching when destroyed', async () => {
    const { overlay, passage, children } = setUp();
    overlay.set([{ id: 'a', style: 'note-highlight', range: passage(0, 0, 6) }]);
    await settled();
    expect(children()).toHaveLength(1);
    overlay.destroy();
    expect(children()).toHaveLength(0);
    document.body.append(document.createElement('p'));
    await settled();
    expect(children()).toHaveLength(0);
  });
});
