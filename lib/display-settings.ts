/** What ClaimLens marks on pages and how quickly its tooltips open (kept in extension storage). */

export const DISPLAY_KEY = 'claimlens:display';

/** What a reader can choose to mark; media arms count as groups. Places are never marked. */
export type MarkedKind = 'group' | 'incident' | 'person' | 'organization';
export const MARKED_KINDS: readonly MarkedKind[] = ['group', 'incident', 'person', 'organization'];

export interface DisplaySettings {
  kinds: MarkedKind[];
  /** "article": only the article's body (its `articleBody`, `<article>` or `<main>`); "page": all of it. */
  scope: 'page' | 'article';
  /** How long the pointer rests on a mark before its tooltip opens. */
  hoverDelayMs: number;
}

export const HOVER_DELAY_RANGE = { min: 0, max: 2000 } as const;

export const DEFAULT_DISPLAY: DisplaySettings = {
  kinds: [...MARKED_KINDS],
  scope: 'page',
  hoverDelayMs: 450,
};

export function cleanDisplay(value: unknown): DisplaySettings {
  const record = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const kinds = Array.isArray(record.kinds)
    ? MARKED_KINDS.filter((k) => (record.kinds as unknown[]).includes(k))
    : [...DEFAULT_DISPLAY.kinds];
  const delay = Number(record.hoverDelayMs);
  return {
    kinds,
    scope: record.scope === 'article' ? 'article' : 'page',
    hoverDelayMs: Number.isFinite(delay)
      ? Math.round(Math.min(HOVER_DELAY_RANGE.max, Math.max(HOVER_DELAY_RANGE.min, delay)))
      : DEFAULT_DISPLAY.hoverDelayMs,
  };
}

/** Whether a mark of this entity kind (or an incident) is drawn. */
export function isKindMarked(settings: Pick<DisplaySettings, 'kinds'>, kind: string): boolean {
  const asChosen = kind === 'media' ? 'group' : kind;
  return (settings.kinds as string[]).includes(asChosen);
}
