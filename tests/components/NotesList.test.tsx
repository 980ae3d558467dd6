// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { NotesList } from '../../components/popup/NotesList';
import type { Note } from '../../lib/notes/note-types';

afterEach(cleanup);

const t = (key: string, sub?: string | string[]) =>
  sub === undefined ? key : `${key}(${[sub].flat().join(',')})`;

const note = (i: number): Note => ({
  id: `note-${i}`,
  pageKey: 'https://news.example/a',
  url: 'https://news.example/a',
  pageTitle: 'A report',
  site: 'news.example',
  selectors: { quote: { exact: `Passage number ${i}`, prefix: '', suffix: '' } },
  text: i % 2 ? `Note ${i}` : '',
  tags: i % 3 ? [] : ['police'],
  color: 'claim',
  entityIds: [],
  incidentIds: [],
  createdAt: 1_700_000_000_000 - i,
  updatedAt: 1_700_000_000_000 - i,
  anchorStatus: 'anchored',
  terms: [],
});

const base = {
  query: '',
  onQuery: () => {},
  onDelete: () => {},
  onOpen: () => {},
  deleted: null,
  onUndo: () => {},
  t,
};

describe('the list of all notes', () => {
  it('draws only the rows in view, even with 10,000 notes', () => {
    const notes = Array.from({ length: 10_000 }, (_, i) => note(i));
    render(<NotesList {...base} notes={notes} height={400} />);
    const rows = screen.getAllByRole('listitem');
    expect(rows.length).toBeLessThan(30);
    expect(screen.getByText('Passage number 0')).toBeTruthy();
    expect(screen.getByRole('list', { name: 'popupAllNotesLabel(10000)' })).toBeTruthy();
  });

  it('draws the rows further down once the list is scrolled there', () => {
    const notes = Array.from({ length: 1000 }, (_, i) => note(i));
    render(<NotesList {...base} notes={notes} height={400} />);
    const scroller = screen.getByRole('list');
    scroller.scrollTop = 500 * 76;
    fireEvent.scroll(scroller);
    expect(screen.getByText('Passage number 500')).toBeTruthy();
    expect(screen.queryByText('Passage number 0')).toBeNull();
  });

  it('searches as the reader types, and offers undo after a delete', () => {
    const onQuery = vi.fn();
    const onDelete = vi.fn();
    const onUndo = vi.fn();
    const { rerender } = render(
      <NotesList {...base} notes={[note(1)]} onQuery={onQuery} onDelete={onDelete} />,
    );
    fireEvent.input(screen.getByRole('searchbox', { name: 'popupSearchLabel' }), {
      target: { value: 'zak' },
    });
    expect(onQuery).toHaveBeenCalledWith('zak');
    fireEvent.click(screen.getByRole('button', { name: 'popupDeleteNote' }));
    expect(onDelete).toHaveBeenCalledWith(note(1));
    rerender(<NotesList {...base} notes={[]} deleted={note(1)} onUndo={onUndo} />);
    fireEvent.click(screen.getByRole('button', { name: 'popupUndo' }));
    expect(onUndo).toHaveBeenCalled();
  });

  it('says when a search finds nothing, and teaches when there are no notes', () => {
    const { rerender } = render(<NotesList {...base} notes={[]} query="nothing" />);
    expect(screen.getByText('popupNoResults')).toBeTruthy();
    rerender(<NotesList {...base} notes={[]} query="" />);
    expect(screen.getByText('popupNoNotes')).toBeTruthy();
  });

  it('opens a note on its page from its passage, a button reachable by keyboard', () => {
    const onOpen = vi.fn();
    render(<NotesList {...base} notes={[note(7)]} onOpen={onOpen} />);
    const open = screen.getByRole('button', { name: 'Passage number 7' });
    expect(open.getAttribute('title')).toBe('popupOpenNote');
    fireEvent.click(open);
    expect(onOpen).toHaveBeenCalledWith(note(7));
  });

  it('offers editing a note when the list allows it', () => {
    const onEdit = vi.fn();
    const { rerender } = render(<NotesList {...base} notes={[note(3)]} />);
    expect(screen.queryByRole('button', { name: 'popupEditNote' })).toBeNull();
    rerender(<NotesList {...base} notes={[note(3)]} onEdit={onEdit} />);
    fireEvent.click(screen.getByRole('button', { name: 'popupEditNote' }));
    expect(onEdit).toHaveBeenCalledWith(note(3));
  });

  it('groups the notes under their pages when asked', () => {
    const notes = [
      note(1),
      { ...note(2), pageKey: 'https://news.example/b', pageTitle: 'B report' },
      note(3),
    ];
    render(<NotesList {...base} notes={notes} />);
    expect(screen.queryByText('A report')).toBeNull();
    fireEvent.click(screen.getByLabelText('popupGroupByPage'));
    expect(screen.getByText('A report')).toBeTruthy();
    expect(screen.getByText('B report')).toBeTruthy();
    expect(screen.getAllByRole('listitem')).toHaveLength(3);
  });
});
