/** Checks a saved passage's selectors as a message carries them: a quote of bounded length, and where it stood. */
import { isNoteRange } from '../anchoring/range-selector';
import type { NoteSelectors } from './note-types';

/** Longest passage a reader may save. */
export const MAX_QUOTE = 100_000;

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

export const isSelectors = (v: unknown): v is NoteSelectors =>
  isObj(v) &&
  isObj(v.quote) &&
  isStr(v.quote.exact, MAX_QUOTE) &&
  v.quote.exact.length > 0 &&
  isStr(v.quote.prefix, 1000) &&
  isStr(v.quote.suffix, 1000) &&
  (v.position === undefined ||
    (isObj(v.position) &&
      isNum(v.position.start) &&
      isNum(v.position.end) &&
      v.position.start <= v.position.end)) &&
  (v.range === undefined || isNoteRange(v.range));
