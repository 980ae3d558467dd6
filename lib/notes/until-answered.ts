/**
 * Note requests that change a note to given values (an edit: text, tags, colour) can be sent again
 * safely: the second time, the background either applies them or finds them applied. When the
 * background does not answer (its worker was stopped mid-request), the request is sent again — which
 * is also how the page finds out whether the first one was stored — and only when it never answers is
 * the reader told that the change could not be confirmed, never that nothing changed.
 */

/** Tries, and pauses before each try again (ms). */
export const RETRY_PAUSES_MS = [150, 300, 600, 1200];

/**
 * The answer to `send`, tried again after each pause while it fails (no answer); `unanswered()` if it
 * never answers. `pause` waits (a timer; tests pass their own).
 */
export async function untilAnswered<T>(
  send: () => Promise<T>,
  unanswered: () => T,
  pause: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await send();
    } catch {
      if (attempt >= RETRY_PAUSES_MS.length) return unanswered();
      await pause(RETRY_PAUSES_MS[attempt]!);
    }
  }
}
