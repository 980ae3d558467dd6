// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { ReaderSelection } from '../../../lib/page/reader-selection';

/** jsdom has no layout: the caret under a point is given by the test (x is the offset in #real). */
function setUp() {
  document.body.innerHTML =
    '<p id="real">The reader selects this sentence.</p><p id="decoy">The page wants this one saved.</p>';
  const real = document.querySelector('#real')!.firstChild!;
  (document as unknown as { caretPositionFromPoint(x: number): unknown }).caretPositionFromPoint = (
    x: number,
  ) => ({
    offsetNode: real,
    offset: x,
  });
  return { real, decoy: document.querySelector('#decoy')!.firstChild! };
}

/** An event as the browser gives it to the listener (jsdom's own events cannot be trusted ones). */
const pointer = (x: number, isTrusted = true) =>
  ({ isTrusted, button: 0, clientX: x, clientY: 5 }) as unknown as PointerEvent;
const key = (init: { key: string; shiftKey?: boolean }, isTrusted = true) =>
  ({ isTrusted, ctrlKey: false, metaKey: false, shiftKey: false, ...init }) as unknown as KeyboardEvent;

describe('the passage the reader selected', () => {
  let nodes: ReturnType<typeof setUp>;
  beforeEach(() => {
    nodes = setUp();
  });

  it('is the selection that reaches from where the button went down to where it came up', () => {
    const reader = new ReaderSelection(document);
    reader.pointerDown(pointer(0));
    document.getSelection()!.setBaseAndExtent(nodes.real, 0, nodes.real, 18);
    reader.pointerUp(pointer(18));
    expect(reader.take()?.toString()).toBe('The reader selects');
  });

  it('is not a selection the page put in its place on mouseup', () => {
    const reader = new ReaderSelection(document);
    reader.pointerDown(pointer(0));
    reader.pointerUp(pointer(18));
    document.getSelection()!.setBaseAndExtent(nodes.decoy, 0, nodes.decoy, 20);
    expect(reader.take()).toBeNull();
  });

  it('is nothing without a gesture of the reader, and a page’s synthetic events are no gesture', () => {
    const reader = new ReaderSelection(document);
    document.getSelection()!.setBaseAndExtent(nodes.decoy, 0, nodes.decoy, 20);
    expect(reader.take()).toBeNull();
    reader.keyDown(key({ key: 'ArrowRight', shiftKey: true }, false));
    reader.pointerDown(pointer(0, false));
    reader.pointerUp(pointer(18, false));
    expect(reader.take()).toBeNull();
  });

  it('is a keyboard selection after a selecting key, and not after Shift alone', () => {
    const reader = new ReaderSelection(document);
    document.getSelection()!.setBaseAndExtent(nodes.real, 0, nodes.real, 10);
    reader.keyDown(key({ key: 'Shift', shiftKey: true }));
    expect(reader.take()).toBeNull();
    reader.keyDown(key({ key: 'ArrowRight', shiftKey: true }));
    expect(reader.take()?.toString()).toBe('The reader');
  });

  it('is offered no more once a command took it, until the reader selects again', () => {
    const reader = new ReaderSelection(document);
    document.getSelection()!.setBaseAndExtent(nodes.real, 0, nodes.real, 10);
    reader.keyDown(key({ key: 'ArrowRight', shiftKey: true }));
    const taken = reader.take()!;
    expect(reader.offered()?.toString()).toBe('The reader');
    reader.markUsed(taken);
    // The release of Alt+Shift+S: the same selection is not offered again.
    expect(reader.offered()).toBeNull();
    // The reader extends it: theirs again.
    reader.keyDown(key({ key: 'ArrowRight', shiftKey: true }));
    document.getSelection()!.setBaseAndExtent(nodes.real, 0, nodes.real, 11);
    expect(reader.offered()?.toString()).toBe('The reader ');
    reader.markUsed(reader.take()!);
    // A new press of the mouse button over the same passage offers it again.
    reader.pointerDown(pointer(0));
    reader.pointerUp(pointer(11));
    expect(reader.offered()?.toString()).toBe('The reader ');
  });
});
