// @vitest-environment jsdom
// The gesture relay: ClaimLens hears the reader's clicks and keys even on a page that stops them at the window.
import { describe, expect, it } from 'vitest';
import { EVENT_RELAY_GLOBAL, installEventRelay, listenFirst } from '../../../lib/page/event-relay';

/** A page script, run after the relay (as every page script is), that stops these events at the window. */
function pageStops(types: string[]): void {
  for (const type of types) window.addEventListener(type, (e) => e.stopImmediatePropagation(), true);
}

describe('the gesture relay', () => {
  it('hears clicks and keys a page stops at the window, once, and stops hearing when told', () => {
    const world: Record<string, unknown> = {};
    installEventRelay(window, world);
    installEventRelay(window, world); // a second copy of the script in the same frame adds nothing
    pageStops(['click', 'keydown']);
    const heard: string[] = [];
    const controller = new AbortController();
    listenFirst(window, 'click', () => heard.push('click'), controller.signal, world);
    listenFirst(window, 'keydown', (e) => heard.push(e.key), controller.signal, world);
    document.body.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'N', bubbles: true }));
    expect(heard).toEqual(['click', 'N']);
    controller.abort();
    document.body.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(heard).toEqual(['click', 'N']);
  });

  it('hears the focus move (Tab to a link) on a page that stops focus events at the window', () => {
    const world: Record<string, unknown> = {};
    installEventRelay(window, world);
    pageStops(['focus', 'focusin', 'focusout']);
    document.body.innerHTML = '<p><a id="named" href="#">a name</a></p>';
    const heard: string[] = [];
    listenFirst(
      window,
      'focusin',
      (e) => heard.push((e.target as Element).id),
      new AbortController().signal,
      world,
    );
    document.getElementById('named')!.focus();
    expect(heard).toEqual(['named']);
  });

  it('keeps the page dispatching when a listener throws', () => {
    const world: Record<string, unknown> = {};
    installEventRelay(window, world);
    const heard: string[] = [];
    const signal = new AbortController().signal;
    listenFirst(
      window,
      'pointerup',
      () => {
        throw new Error('broken');
      },
      signal,
      world,
    );
    listenFirst(window, 'pointerup', () => heard.push('second'), signal, world);
    let pageHeard = false;
    window.addEventListener('pointerup', () => (pageHeard = true));
    const original = console.error;
    console.error = () => undefined;
    try {
      document.body.dispatchEvent(new Event('pointerup', { bubbles: true }));
    } finally {
      console.error = original;
    }
    expect(heard).toEqual(['second']);
    expect(pageHeard).toBe(true);
  });

  it('listens at the window where no relay was installed (a page open before ClaimLens started)', () => {
    const world: Record<string, unknown> = {};
    const heard: string[] = [];
    listenFirst(window, 'mouseup', () => heard.push('up'), new AbortController().signal, world);
    document.body.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    expect(heard).toEqual(['up']);
    expect(world[EVENT_RELAY_GLOBAL]).toBeUndefined();
  });
});
