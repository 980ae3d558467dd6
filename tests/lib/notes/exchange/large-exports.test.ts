// Ten thousand notes through every export: each completes and holds every note (no timing asserted).
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../../lib/notes/exchange/csv';
import { parseImport } from '../../../../lib/notes/exchange/import-notes';
import { toClaimLensJson } from '../../../../lib/notes/exchange/json';
import { toMarkdown } from '../../../../lib/notes/exchange/markdown';
import { toWebAnnotation } from '../../../../lib/notes/exchange/web-annotation';
import { manyNotes } from './fixtures';

const N = 10_000;
const notes = manyNotes(N);

describe('10,000 notes', () => {
  it('Markdown', () => {
    const md = toMarkdown(notes);
    expect(md.match(/^- Noted: /gm)).toHaveLength(N);
    expect(md.match(/^## /gm)).toHaveLength(500);
  });

  it('ClaimLens JSON, and reading it back', () => {
    const json = toClaimLensJson(notes);
    expect(JSON.parse(json).notes).toHaveLength(N);
    const back = parseImport(json);
    expect(back.ok && back.notes).toHaveLength(N);
  });

  it('Web Annotation', () => {
    const doc = JSON.parse(toWebAnnotation(notes));
    expect(doc.total).toBe(N);
    expect(doc.first.items).toHaveLength(N);
  });

  it('CSV', () => {
    const csv = toCsv(notes, { bom: false });
    // Each note's text holds one quoted line break, so rows are counted by their first cell, a date.
    expect(csv.match(/\r\n\d{1,2} [A-Z][a-z]{2} \d{4},/g)).toHaveLength(N);
  });
});
