import { describe, expect, it } from 'vitest';
import { generateNotes } from '../../../lib/bench/generated-notes';
import { parseImport } from '../../../lib/notes/exchange/import-notes';
import { toClaimLensJson } from '../../../lib/notes/exchange/json';

describe('generated notes for the benchmark', () => {
  it('are valid notes, the same on every run', () => {
    const notes = generateNotes(50);
    expect(generateNotes(50)).toEqual(notes);
    const parsed = parseImport(toClaimLensJson(notes));
    expect(parsed.ok).toBe(true);
    expect(new Set(notes.map((n) => n.id)).size).toBe(50);
  });
});
