// The ClaimLens JSON file: lossless export, validated import, and the round trip that must change nothing.
import { describe, expect, it } from 'vitest';
import { fromClaimLensJson, toClaimLensJson } from '../../../../lib/notes/exchange/json';
import { NotesImportError } from '../../../../lib/notes/exchange/note-validation';
import { T0, makeNote, storyNotes } from './fixtures';

describe('ClaimLens JSON', () => {
  it('writes the format header and every field of every note, but not the search index', () => {
    const notes = storyNotes();
    const doc = JSON.parse(toClaimLensJson(notes, { now: T0 }));
    expect(doc.format).toBe('claimlens-notes');
    expect(doc.version).toBe(1);
    expect(doc.exportedAt).toBe('2024-05-11T09:00:00.000Z');
    expect(doc.notes).toEqual(notes.map(({ terms: _index, ...note }) => note));
    expect(doc.notes.some((n: object) => 'terms' in n)).toBe(false);
  });

  it('export → import → export is identical', () => {
    const notes = storyNotes();
    const first = toClaimLensJson(notes, { now: T0 });
    const imported = fromClaimLensJson(first);
    expect(imported).toEqual(notes);
    expect(toClaimLensJson(imported, { now: T0 })).toBe(first);
  });

  it('keeps markup in text as text', () => {
    const hostile = '<img src=x onerror=alert(1)><script>alert("x")</script>';
    const [note] = fromClaimLensJson(toClaimLensJson([makeNote({ text: hostile, pageTitle: hostile })]));
    expect(note!.text).toBe(hostile);
    expect(note!.pageTitle).toBe(hostile);
  });

  it('leaves out properties a note does not have and recomputes the derived ones', () => {
    const note = { ...makeNote(), extra: 'x', site: 'elsewhere.test', terms: ['forged'] };
    const doc = JSON.parse(toClaimLensJson([note]));
    expect(doc.notes[0].extra).toBeUndefined();
    const [back] = fromClaimLensJson(JSON.stringify(doc));
    expect(back!.site).toBe('example-news.test');
    expect(back!.terms).toContain('zakura');
    expect(back!.terms).not.toContain('forged');
  });

  it('throws NotesImportError with every problem', () => {
    const doc = JSON.parse(toClaimLensJson([makeNote()]));
    doc.notes[0].tags = [1];
    doc.notes[0].color = 'purple';
    let caught: unknown;
    try {
      fromClaimLensJson(JSON.stringify(doc));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(NotesImportError);
    expect((caught as NotesImportError).errors).toEqual([
      'notes[0].tags[0]: expected a string, got a number',
      'notes[0].color: "purple" is not one of highlight, claim, official, disputed, follow-up',
    ]);
    expect(() => fromClaimLensJson('{')).toThrow(NotesImportError);
  });
});
