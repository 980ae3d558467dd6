import { describe, expect, it } from 'vitest';
import { exportFile } from '../../../../lib/notes/exchange/export-file';
import { parseImport } from '../../../../lib/notes/exchange/import-notes';
import { storyNotes } from './fixtures';

describe('the export menu’s files', () => {
  it('writes Hypothesis’s export shape, signed by the reader, and ClaimLens reads it back', () => {
    const notes = storyNotes();
    const file = exportFile(notes, 'hypothesis', { creator: 'Ayesha Rao', version: '1.2.3' });
    expect(file.type).toBe('application/json');
    expect(file.extension).toBe('hypothesis.json');
    const written = JSON.parse(file.content) as { annotations: { text: string; user: string }[] };
    expect(written.annotations).toHaveLength(notes.length);
    expect(written.annotations[0]!.user).toContain('Ayesha');
    const read = parseImport(file.content);
    expect(read.ok).toBe(true);
    if (read.ok)
      expect(read.notes.map((n) => n.selectors.quote.exact)).toEqual(
        notes.map((n) => n.selectors.quote.exact),
      );
  });
});
