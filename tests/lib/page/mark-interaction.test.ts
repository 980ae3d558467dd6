// @vitest-environment jsdom
// Reaching a mark from the keyboard: Enter or Space on a focused link around a name pins its card, a
// second Enter follows the link; focus reached by Tab shows the card, focus given back does not.
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { watchMarks, type MarkInteractionHandlers } from '../../../lib/page/mark-interaction';
import type { Mark } from '../../../lib/page/spotter';

let controller: AbortController;
let handlers: {
  open: Mock<MarkInteractionHandlers['open']>;
  leave: Mock<() => void>;
  close: Mock<() => void>;
  isPinned: Mock<(m: Mark) => boolean>;
  away: Mock<() => void>;
};
let mark: Mark;
let pinned: Mark | null;

beforeEach(() => {
  document.body.innerHTML =
    '<p>Officials named <a id="named" href="/group">Lashkar-e-Taiba</a> and <a id="plain" href="/x">a court</a>.</p><input id="field">';
  const text = document.getElementById('named')!.firstChild!;
  const range = document.createRange();
  range.selectNodeContents(text);
  mark = { targetId: 'lashkar', type: 'entity', style: 'group', range };
  pinned = null;
  handlers = {
    open: vi.fn((m: Mark, how: 'hover' | 'click' | 'keyboard') => {
      if (how !== 'hover') pinned = m;
    }),
    leave: vi.fn(),
    close: vi.fn(() => {
      pinned = null;
    }),
    isPinned: vi.fn((m: Mark) => pinned === m),
    away: vi.fn(),
  };
  controller = new AbortController();
  watchMarks(document, () => [mark], handlers, controller.signal);
});

afterEach(() => controller.abort());

/** Presses a key where the focus is; true when ClaimLens took it from the page. */
function press(key: string): boolean {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
  (document.activeElement ?? document.body).dispatchEvent(event);
  return event.defaultPrevented;
}

describe('the keyboard on a focused mark', () => {
  it('Enter pins the card of the mark in the focused link, as a first click does', () => {
    document.getElementById('named')!.focus();
    expect(press('Enter')).toBe(true);
    expect(handlers.open).toHaveBeenCalledWith(mark, 'keyboard');
  });

  it('Space does the same', () => {
    document.getElementById('named')!.focus();
    expect(press(' ')).toBe(true);
    expect(handlers.open).toHaveBeenCalledWith(mark, 'keyboard');
  });

  it('a second Enter, once the focus is back on the link, follows the link', () => {
    const link = document.getElementById('named')!;
    link.focus();
    press('Enter');
    press('Escape'); // the card closes and gives the focus back to the link
    link.focus();
    expect(press('Enter')).toBe(false);
    expect(handlers.open).toHaveBeenCalledTimes(1);
  });

  it('leaves Enter alone on a link without a mark and in a text field', () => {
    document.getElementById('plain')!.focus();
    expect(press('Enter')).toBe(false);
    document.getElementById('field')!.focus();
    expect(press(' ')).toBe(false);
    expect(handlers.open).not.toHaveBeenCalled();
  });

  it('shows the card when Tab brings the focus to the mark, not when the focus is given back', () => {
    const link = document.getElementById('named')!;
    press('Tab');
    link.focus();
    expect(handlers.open).toHaveBeenCalledWith(mark, 'hover');
    link.blur();
    handlers.open.mockClear();
    press('Escape');
    link.focus();
    expect(handlers.open).not.toHaveBeenCalled();
  });
});
