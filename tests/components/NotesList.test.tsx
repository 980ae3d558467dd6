// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { useState } from 'preact/hooks';
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
    rerender(<NotesList {...base} notes={[]} deleted={[note(1)]} onUndo={onUndo} />);
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

describe('selecting notes in the list', () => {
  /** The list with its selection kept as the popup keeps it. */
  function Selectable({ notes, onChange }: { notes: Note[]; onChange?: (ids: string[]) => void }) {
    const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
    return (
      <NotesList
        {...base}
        notes={notes}
        selected={selected}
        onSelect={(ids, on) => {
          const next = new Set(selected);
          for (const id of ids)
            if (on) next.add(id);
            else next.delete(id);
          setSelected(next);
          onChange?.([...next].sort());
        }}
      />
    );
  }
  const box = (i: number) => screen.getByRole('checkbox', { name: `popupSelectNote(Passage number ${i})` });

  it('selects one note with its checkbox, and a range with Shift', () => {
    const onChange = vi.fn();
    render(<Selectable notes={Array.from({ length: 8 }, (_, i) => note(i))} onChange={onChange} />);
    fireEvent.click(box(1));
    expect((box(1) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(box(4), { shiftKey: true });
    expect(onChange).toHaveBeenLastCalledWith(['note-1', 'note-2', 'note-3', 'note-4']);
    expect([0, 1, 2, 3, 4, 5].map((i) => (box(i) as HTMLInputElement).checked)).toEqual([
      false,
      true,
      true,
      true,
      true,
      false,
    ]);
    // Shift again from there unselects the range back to the new click.
    fireEvent.click(box(3), { shiftKey: true });
    expect(onChange).toHaveBeenLastCalledWith(['note-1', 'note-2']);
  });

  it('selects every listed note at once, even 10,000, drawing only the rows in view', () => {
    const onChange = vi.fn();
    const notes = Array.from({ length: 10_000 }, (_, i) => note(i));
    render(<Selectable notes={notes} onChange={onChange} />);
    const all = screen.getByRole('checkbox', { name: `popupSelectAll(${(10_000).toLocaleString()})` });
    fireEvent.click(all);
    expect(onChange.mock.lastCall![0]).toHaveLength(10_000);
    expect((all as HTMLInputElement).checked).toBe(true);
    expect(screen.getAllByRole('checkbox', { checked: true }).length).toBeLessThan(40);
    fireEvent.click(box(0));
    expect((all as HTMLInputElement).checked).toBe(false);
    expect((all as HTMLInputElement).indeterminate).toBe(true);
  });

  it('says how many notes were deleted together, for the undo', () => {
    render(<NotesList {...base} notes={[]} deleted={[note(1), note(2), note(3)]} />);
    expect(screen.getByRole('status').textContent).toContain('popupDeletedMany_other(3)');
  });
});
