/** Converts between a note's stored selectors and the anchoring module's W3C-style selectors. */
import type { Selector } from '../anchoring/types';
import { copyRange } from '../notes/note-range';
import type { NoteSelectors } from '../notes/note-types';

export function toNoteSelectors(selectors: readonly Selector[]): NoteSelectors {
  const quote = selectors.find((s) => s.type === 'TextQuoteSelector');
  const position = selectors.find((s) => s.type === 'TextPositionSelector');
  const range = selectors.find((s) => s.type === 'RangeSelector');
  if (!quote) throw new Error('a passage needs a quote selector');
  return {
    quote: { exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
    position: position ? { start: position.start, end: position.end } : undefined,
    ...(range ? { range: copyRange(range) } : {}),
  };
}

export function fromNoteSelectors(selectors: NoteSelectors): Selector[] {
  const out: Selector[] = [{ type: 'TextQuoteSelector', ...selectors.quote }];
  if (selectors.position) out.push({ type: 'TextPositionSelector', ...selectors.position });
  if (selectors.range) out.push({ type: 'RangeSelector', ...copyRange(selectors.range) });
  return out;
}
