// Importing notes files: hostile and broken input refused whole with every problem listed, and the merge plan.
import { describe, expect, it } from 'vitest';
import { importReport, parseImport, planImport } from '../../../../lib/notes/exchange/import-notes';
import { toClaimLensJson } from '../../../../lib/notes/exchange/json';
import { toWebAnnotation } from '../../../../lib/notes/exchange/web-annotation';
import type { Note } from '../../../../lib/notes/note-types';
import { T0, makeNote, storyNotes } from './fixtures';

/** A ClaimLens file of the story notes, as an object a test can spoil. */
function exported(): { notes: Record<string, unknown>[] } & Record<string, unknown> {
  return JSON.parse(toClaimLensJson(storyNotes(), { now: T0 }));
}

function errorsOf(text: string, options?: Parameters<typeof parseImport>[1]): string[] {
  const result = parseImport(text, options);
  expect(result.ok).toBe(false);
  expect('notes' in result).toBe(false);
  return result.ok ? [] : result.errors;
}

describe('parseImport', () => {
  it('reads a ClaimLens export whole', () => {
    const result = parseImport(toClaimLensJson(storyNotes()));
    expect(result).toEqual({
      ok: true,
      format: 'claimlens',
      notes: storyNotes(),
      skipped: { pageNotes: 0, replies: 0, withoutQuote: 0 },
    });
  });

  it('reads Web Annotations', () => {
    const result = parseImport(toWebAnnotation(storyNotes()));
    expect(result.ok && result.format).toBe('web-annotation');
    expect(result.ok && result.notes).toHaveLength(5);
  });

  it('keeps script in text as the same characters, never anything else', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const file = toClaimLensJson([makeNote({ text: hostile, tags: ['<script>alert(1)</script>'] })]);
    const result = parseImport(file);
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(result.notes[0]!.text).toBe(hostile);
    expect(result.notes[0]!.tags).toEqual(['<script>alert(1)</script>']);
    expect(toClaimLensJson(result.notes)).toContain(JSON.stringify(hostile));
  });

  it('refuses a file over the size limit, saying the limit', () => {
    const big = 'a'.repeat(50 * 1024 * 1024 + 1);
    expect(errorsOf(big)).toEqual([
      'The file is larger than the import limit of 50 MB (52,428,800 bytes); split it into smaller files.',
    ]);
    // Bytes, not characters: 4 Arabic letters are 8 bytes in UTF-8.
    expect(errorsOf('"شرطة"', { maxBytes: 9 })[0]).toMatch(/larger than the import limit of 9 bytes/);
    const empty = '{"format":"claimlens-notes","version":1,"notes":[]}';
    expect(parseImport(empty, { maxBytes: empty.length })).toEqual({
      ok: true,
      format: 'claimlens',
      notes: [],
      skipped: { pageNotes: 0, replies: 0, withoutQuote: 0 },
    });
  });

  it('refuses invalid JSON, saying where', () => {
    const [error] = errorsOf('{\n  "format": "claimlens-notes",\n  "notes": [,]\n}');
    expect(error).toMatch(/^The file is not valid JSON \(line 3, column 13\): /);
    expect(error).toBe("The file is not valid JSON (line 3, column 13): Unexpected token ','.");
    expect(errorsOf('{"format":')).toEqual([
      'The file is not valid JSON (line 1, column 11): Unexpected end of JSON input.',
    ]);
    expect(errorsOf('[1, 2')).toEqual([
      "The file is not valid JSON (line 1, column 6): Expected ',' or ']' after array element.",
    ]);
    expect(errorsOf('{"a": tru}')[0]).toMatch(/^The file is not valid JSON \(line 1, column 7\)/);
    expect(errorsOf('{"a": 1} x')[0]).toMatch(/^The file is not valid JSON \(line 1, column 10\)/);
    expect(errorsOf('['.repeat(200_000))[0]).toMatch(/^The file is not valid JSON/);
    expect(errorsOf('   ')).toEqual(['The file is empty.']);
  });

  it('refuses unknown formats', () => {
    expect(errorsOf('{"format":"evernote","notes":[]}')[0]).toMatch(/says its format is "evernote"/);
    expect(errorsOf('{"hello":"world"}')[0]).toMatch(/^This is not a notes file ClaimLens can read: /);
    expect(errorsOf('42')).toHaveLength(1);
    expect(errorsOf(JSON.stringify({ ...exported(), version: 2 }))).toEqual([
      'version: version 2 was written by a newer ClaimLens; this one reads version 1',
    ]);
  });

  it('lists every problem with its path and returns no notes', () => {
    const doc = exported();
    doc.notes[0]!.tags = [7, 'ok'];
    doc.notes[1]!.createdAt = '2024-05-11';
    delete doc.notes[1]!.text;
    doc.notes[2]!.url = 'javascript:alert(document.cookie)';
    doc.notes[2]!.color = 'red';
    doc.notes[3]!.selectors = {
      quote: { exact: '', prefix: 1, suffix: '' },
      position: { start: -1, end: 2 },
    };
    doc.notes[4]!.anchorStatus = 'lost';
    doc.notes[4]!.updatedAt = Infinity; // JSON has no Infinity: it becomes null
    doc.notes.push('a string' as never, { ...doc.notes[0], tags: [] });
    expect(errorsOf(JSON.stringify(doc))).toEqual([
      'notes[0].tags[0]: expected a string, got a number',
      'notes[1].text: missing',
      'notes[1].createdAt: expected a time in milliseconds (a finite number), got a string',
      'notes[2].url: only http and https addresses are accepted, not "javascript:"',
      'notes[2].color: "red" is not one of highlight, claim, official, disputed, follow-up',
      'notes[3].selectors.quote.exact: must not be empty',
      'notes[3].selectors.quote.prefix: expected a string, got a number',
      'notes[3].selectors.position.start: expected a whole number of at least 0',
      'notes[4].updatedAt: expected a time in milliseconds (a finite number), got null',
      'notes[4].anchorStatus: "lost" is not one of anchored, fuzzy, orphan, unknown',
      'notes[5]: expected a note (an object), got a string',
    ]);
  });

  it('refuses duplicate ids, wrong containers and over-long values', () => {
    const doc = exported();
    doc.notes.push({ ...doc.notes[0] });
    expect(errorsOf(JSON.stringify(doc))).toEqual([
      'notes[5].id: "3f0c8a52-6a0e-4c41-9d7e-2b5f4a1c9e01" is also the id of notes[0]',
    ]);
    expect(errorsOf(JSON.stringify({ ...exported(), notes: {} }))).toEqual([
      'notes: expected a list, got an object',
    ]);

    const long = exported();
    long.notes[0]!.text = 'x'.repeat(100_001);
    long.notes[0]!.tags = Array.from({ length: 51 }, (_, i) => `tag${i}`);
    long.notes[1]!.tags = ['y'.repeat(101)];
    long.notes[1]!.selectors = { quote: { exact: 'q'.repeat(100_001), prefix: '', suffix: '' } };
    expect(errorsOf(JSON.stringify(long))).toEqual([
      'notes[0].text: longer than 100,000 characters (100,001)',
      'notes[0].tags: more than 50 items (51)',
      'notes[1].selectors.quote.exact: longer than 100,000 characters (100,001)',
      'notes[1].tags[0]: longer than 100 characters (101)',
    ]);
  });

  it('lists a few hundred errors and counts the rest', () => {
    const doc = exported();
    doc.notes = Array.from({ length: 1000 }, () => ({}));
    const errors = errorsOf(JSON.stringify(doc));
    expect(errors).toHaveLength(201);
    expect(errors[200]).toMatch(/^… and [\d,]+ more errors$/);
  });
});

describe('planImport', () => {
  const [a, b, c] = storyNotes() as [Note, Note, Note];

  it('adds new notes, updates older stored ones, skips identical and older incoming ones', () => {
    const existing = new Map<string, Note>([
      [a.id, a],
      [b.id, { ...b, text: 'newer local edit', updatedAt: b.updatedAt + 60_000 }],
      [c.id, { ...c, text: 'old', updatedAt: c.updatedAt - 60_000 }],
    ]);
    const fresh = makeNote({ id: 'fresh-note' });
    const plan = planImport(existing, [a, b, c, fresh]);
    expect(plan.add).toEqual([fresh]);
    expect(plan.update).toEqual([c]);
    expect(plan.skip).toEqual([a, b]);
    expect(importReport(plan)).toBe('1 added, 1 updated, 2 skipped');
  });

  it('counts a note repeated in the file once, its newest version', () => {
    const newer = { ...a, text: 'edited', updatedAt: a.updatedAt + 1 };
    const plan = planImport(new Map(), [a, newer]);
    expect(plan.add).toEqual([newer]);
    expect(plan.skip).toEqual([a]);
  });

  it('ignores derived search terms when comparing', () => {
    const plan = planImport(new Map([[a.id, { ...a, terms: ['old', 'terms'] }]]), [a]);
    expect(importReport(plan)).toBe('0 added, 0 updated, 1 skipped');
  });
});
