// The reader's own names for the highlight colours, kept in extension storage (defaults otherwise).
import { DEFAULT_COLORS, type ColorId } from './note-types';

export const COLOR_LABELS_KEY = 'claimlens:colorLabels';

export type ColorLabels = Partial<Record<ColorId, string>>;

/** Keeps only known colours with a non-empty label of at most 40 characters. */
export function cleanColorLabels(value: unknown): ColorLabels {
  const labels: ColorLabels = {};
  if (typeof value !== 'object' || value === null) return labels;
  for (const { id } of DEFAULT_COLORS) {
    const label = (value as Record<string, unknown>)[id];
    if (typeof label === 'string' && label.trim() !== '') labels[id] = label.trim().slice(0, 40);
  }
  return labels;
}
