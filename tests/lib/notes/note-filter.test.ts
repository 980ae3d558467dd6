import { describe, expect, it } from 'vitest';
import { filterChoices, filterNotes } from '../../../lib/notes/note-filter';
import type { Note } from '../../../lib/notes/note-types';

const day = (d: string) => new Date(`${d}T12:00:00`).getTime();

const note = (id: string, over: Partial<Note>): Note => ({
  id,
  pageKey: 'https://news.example/a',
  url: 'https://news.example/a',
  pageTitle: 'A report',
  site: 'news.example',
  selectors: { quote: { exact: id, prefix: '', suffix: '' } },
  text: '',
  tags: [],
  color: 'highlight',
  entityIds: [],
  incidentIds: [],
  createdAt: day('2024-05-10'),
  updatedAt: day('2024-05-10'),
  anchorStatus: 'anchored',
  terms: [],
  ...over,
});

const notes = [
  note('a', {
    tags: ['police'],
    color: 'official',
    entityIds: ['org-jk-police'],
    createdAt: day('2024-05-01'),
  }),
  note('b', {
    tags: ['claims', 'police'],
    color: 'claim',
    incidentIds: ['incident-zakura-2017'],
    site: 'other.example',
  }),
  note('c', {
    tags: ['claims'],
    color: 'claim',
    entityIds: ['group-islamic-state'],
    createdAt: day('2024-06-02'),
  }),
];

const ids = (list: Note[]) => list.map((n) => n.id);

describe('note filters', () => {
  it('filters by tag, colour, what the passage mentions, site and dates', () => {
    expect(ids(filterNotes(notes, { tag: 'police' }))).toEqual(['a', 'b']);
    expect(ids(filterNotes(notes, { color: 'claim' }))).toEqual(['b', 'c']);
    expect(ids(filterNotes(notes, { mentions: 'incident-zakura-2017' }))).toEqual(['b']);
    expect(ids(filterNotes(notes, { mentions: 'group-islamic-state' }))).toEqual(['c']);
    expect(ids(filterNotes(notes, { site: 'other.example' }))).toEqual(['b']);
    expect(ids(filterNotes(notes, { from: '2024-05-10', to: '2024-05-31' }))).toEqual(['b']);
    expect(ids(filterNotes(notes, { to: '2024-05-01' }))).toEqual(['a']);
  });

  it('combines filters, and lets everything through when none is set', () => {
    expect(ids(filterNotes(notes, { tag: 'claims', color: 'claim', site: 'news.example' }))).toEqual(['c']);
    expect(ids(filterNotes(notes, { tag: 'police', color: 'claim', mentions: 'org-jk-police' }))).toEqual([]);
    expect(ids(filterNotes(notes, {}))).toEqual(['a', 'b', 'c']);
  });

  it('offers the values in use', () => {
    expect(filterChoices(notes)).toEqual({
      tags: ['claims', 'police'],
      sites: ['news.example', 'other.example'],
      mentions: ['group-islamic-state', 'incident-zakura-2017', 'org-jk-police'],
    });
  });
});
