/**
 * Page texts the background keeps for a moment while their page reads its declared date: the page
 * then sends only the date, never the same text twice (copying a long text into a message is most of
 * what reading a long page costs its main thread). Bounded in count, characters and age; a text that
 * is gone (worker restarted, evicted) is simply sent again.
 */

export interface HeldTextLimits {
  /** Texts kept at most, oldest dropped first. */
  entries: number;
  /** Characters kept at most, over all texts. */
  characters: number;
  /** How long a text waits for its date. */
  ageMs: number;
}

export const DEFAULT_HELD_TEXT_LIMITS: HeldTextLimits = {
  entries: 32,
  characters: 8_000_000,
  ageMs: 60_000,
};

interface Held<T> {
  owner: string;
  item: T;
  at: number;
}

export class HeldTexts<T extends { text: string }> {
  /** In the order they were held: a Map keeps insertion order, so the oldest comes first. */
  private readonly held = new Map<string, Held<T>>();
  private characters = 0;

  constructor(
    private readonly limits: HeldTextLimits = DEFAULT_HELD_TEXT_LIMITS,
    private readonly now: () => number = Date.now,
    private readonly newToken: () => string = () => crypto.randomUUID(),
  ) {}

  /**
   * Keeps `item` for `owner` (the sending tab and frame) and returns the token that claims it, or
   * undefined when it is too long to keep.
   */
  hold(owner: string, item: T): string | undefined {
    this.expire();
    if (item.text.length > this.limits.characters) return undefined;
    while (
      this.held.size >= this.limits.entries ||
      this.characters + item.text.length > this.limits.characters
    )
      this.drop(this.held.keys().next().value!);
    const token = this.newToken();
    this.held.set(token, { owner, item, at: this.now() });
    this.characters += item.text.length;
    return token;
  }

  /** The text held under `token`, once: only for the owner that it was held for. */
  take(owner: string, token: string): T | undefined {
    this.expire();
    const held = this.held.get(token);
    if (!held || held.owner !== owner) return undefined;
    this.drop(token);
    return held.item;
  }

  get size(): number {
    return this.held.size;
  }

  private expire(): void {
    const oldest = this.now() - this.limits.ageMs;
    for (const [token, held] of this.held) {
      if (held.at > oldest) break;
      this.drop(token);
    }
  }

  private drop(token: string): void {
    const held = this.held.get(token);
    if (!held) return;
    this.characters -= held.item.text.length;
    this.held.delete(token);
  }
}
