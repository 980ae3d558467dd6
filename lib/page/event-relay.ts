/**
 * ClaimLens's listeners for the reader's gestures, put on the window before any of the page's own
 * scripts run (a one-line script registered at document_start, entrypoints/event-relay). A page that
 * stops pointer, click, key or focus events at the window in the capture phase — by accident or to
 * switch ClaimLens off — then stops them after ClaimLens has seen them. The relay lives in the content
 * scripts' own world: the page can neither see it nor add to it.
 */

export const RELAYED_EVENTS = [
  'pointermove',
  'pointerdown',
  'pointerup',
  'mouseup',
  'click',
  'keydown',
  'keyup',
  'focusin',
] as const;
export type RelayedEvent = (typeof RELAYED_EVENTS)[number];

/** Where the relay is kept, in the content scripts' global object (not the page's). */
export const EVENT_RELAY_GLOBAL = '__claimlensEventRelay';

type Listener<K extends RelayedEvent> = (event: WindowEventMap[K]) => void;

interface Relay {
  listeners: { [K in RelayedEvent]: Set<Listener<K>> };
}

/** Installs the relay: one capture listener per gesture on the window, first of all. */
export function installEventRelay(view: Window, global: Record<string, unknown> = globalThis as never): void {
  if (global[EVENT_RELAY_GLOBAL]) return;
  const relay: Relay = {
    listeners: Object.fromEntries(RELAYED_EVENTS.map((type) => [type, new Set()])) as Relay['listeners'],
  };
  global[EVENT_RELAY_GLOBAL] = relay;
  for (const type of RELAYED_EVENTS) {
    const listeners = relay.listeners[type] as Set<(event: Event) => void>;
    // Not passive: the keyboard shortcuts take their keys from the page (preventDefault).
    view.addEventListener(
      type,
      (event) => {
        for (const listener of listeners) {
          try {
            listener(event);
          } catch (error) {
            console.error('ClaimLens:', error); // never thrown into the page's dispatch
          }
        }
      },
      { capture: true },
    );
  }
}

/**
 * Listens to a gesture through the relay when it was installed, else (a page that was open before
 * ClaimLens started there) at the window in the capture phase, as late as the page allows.
 */
export function listenFirst<K extends RelayedEvent>(
  view: Window,
  type: K,
  listener: Listener<K>,
  signal: AbortSignal,
  global: Record<string, unknown> = globalThis as never,
): void {
  const relay = global[EVENT_RELAY_GLOBAL] as Relay | undefined;
  if (!relay) {
    view.addEventListener(type, listener, { capture: true, signal });
    return;
  }
  const listeners = relay.listeners[type] as Set<Listener<K>>;
  if (signal.aborted) return;
  listeners.add(listener);
  signal.addEventListener('abort', () => listeners.delete(listener), { once: true });
}
