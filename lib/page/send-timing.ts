/**
 * The page's share of sending a message: the messaging library copies the message into the browser's
 * channel a microtask or two after the call returns, so the clock stops only once those have run.
 * Only microtasks run in between, so all of the time measured is main-thread work; the answer is
 * not waited for.
 */

/** Microtasks a message takes to be copied and posted after it is sent (the library's own awaits). */
export const SEND_MICROTASKS = 4;

export async function timeSend<T>(send: () => Promise<T>): Promise<{ answer: Promise<T>; ms: number }> {
  const t0 = performance.now();
  const answer = send();
  for (let tick = 0; tick < SEND_MICROTASKS; tick++) await undefined;
  return { answer, ms: performance.now() - t0 };
}
