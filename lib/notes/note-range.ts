// A note's range (where its passage starts and ends in the page's elements), copied field by field.
import type { NoteRange } from './note-types';

/** Only the range's own fields, in one order: a stray property never reaches the store or a file. */
export function copyRange(range: NoteRange): NoteRange {
  return {
    startContainer: range.startContainer,
    startOffset: range.startOffset,
    endContainer: range.endContainer,
    endOffset: range.endOffset,
  };
}
