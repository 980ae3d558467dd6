import { describe, expect, it } from 'vitest';
import {
  BARE_NOTE_ROW_HEIGHT,
  NOTE_ROW_HEIGHT,
  PAGE_ROW_HEIGHT,
  firstVisibleRow,
  noteRows,
} from '../../../lib/notes/note-rows';
import type { Note } from '../../../lib/notes/note-types';

const note = (id: string, page: string): Note => ({
  id,
  pageKey: `https://news.example/${page}`,
  url: `https://news.example/${page}`,
  pageTitle: `Page ${page}`,
  site: 'news.example',
  selectors: { quote: { exact: id, prefix: '', suffix: '' } },
  text: '',
  tags: [],
  color: 'highlight',
  entityIds: [],
  incidentIds: [],
  createdAt: 0,
  updatedAt: 0,
  anchorStatus: 'anchored',
  terms: [],
});

// Newest first, as the list holds them.
const notes = [note('n1', 'b'), note('n2', 'a'), note('n3', 'b'), note('n4', 'c')];

describe('rows of the notes list', () => {
  it('flat: one row per note, stacked', () => {
    const rows = noteRows(notes, false);
    expect(rows.map((r) => r.key)).toEqual(['n1', 'n2', 'n3', 'n4']);
    expect(rows[3]!.top).toBe(3 * BARE_NOTE_ROW_HEIGHT);
  });

  it('makes a row with the reader’s note taller, and the open row taller by its editor', () => {
    const mixed = [{ ...note('n1', 'a'), text: 'why it matters' }, note('n2', 'a'), note('n3', 'a')];
    const rows = noteRows(mixed, false, { open: { id: 'n2', height: 250 } });
    expect(rows.map((r) => r.height)).toEqual([
      NOTE_ROW_HEIGHT,
      BARE_NOTE_ROW_HEIGHT + 250,
      BARE_NOTE_ROW_HEIGHT,
    ]);
    expect(rows[2]!.top).toBe(NOTE_ROW_HEIGHT + BARE_NOTE_ROW_HEIGHT + 250);
  });

  it('grouped: pages in the order of their newest note, each with its notes and count', () => {
    const rows = noteRows(notes, true);
    expect(rows.map((r) => (r.type === 'page' ? `${r.title} (${r.count})` : r.key))).toEqual([
      'Page b (2)',
      'n1',
      'n3',
      'Page a (1)',
      'n2',
      'Page c (1)',
      'n4',
    ]);
    expect(rows[3]!.top).toBe(PAGE_ROW_HEIGHT + 2 * BARE_NOTE_ROW_HEIGHT);
  });

  it('finds the first row in view at any scroll position', () => {
    const rows = noteRows(notes, true);
    expect(firstVisibleRow(rows, 0)).toBe(0);
    expect(firstVisibleRow(rows, PAGE_ROW_HEIGHT + 1)).toBe(1);
    expect(firstVisibleRow(rows, PAGE_ROW_HEIGHT + BARE_NOTE_ROW_HEIGHT)).toBe(2);
    expect(firstVisibleRow(rows, 10_000)).toBe(rows.length);
  });
});
