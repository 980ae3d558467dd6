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
  onDelete: () => {},
  onOpen: () => {},
  empty: <p>nothing here</p>,
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
    scroller.scrollTop = 500 * 94; // rows with and without a note alternate (104 and 84 px)
    fireEvent.scroll(scroller);
    expect(screen.getByText('Passage number 500')).toBeTruthy();
    expect(screen.queryByText('Passage number 0')).toBeNull();
  });

  it('shows a row as a reader reads it: colour bar, passage, note (its Markdown drawn), page and date', () => {
    const onDelete = vi.fn();
    const marked = { ...note(1), text: 'Police **denied** it', color: 'disputed', tags: ['police'] };
    render(<NotesList {...base} notes={[marked]} onDelete={onDelete} />);
    const row = screen.getByRole('listitem');
    expect(row.querySelector('.bar.color-disputed')).toBeTruthy();
    expect(row.querySelector('.note strong')?.textContent).toBe('denied');
    expect(row.querySelector('.meta')?.textContent).toBe(
      `A report · ${new Date(marked.createdAt).getDate()} Nov 2023police`,
    );
    fireEvent.click(screen.getByRole('button', { name: 'popupDeleteNote' }));
    expect(onDelete).toHaveBeenCalledWith(marked);
  });

  it('falls back to the site when a page has no title', () => {
    render(<NotesList {...base} notes={[{ ...note(2), pageTitle: ' ' }]} />);
    expect(screen.getByRole('listitem').querySelector('.page')?.textContent).toBe('news.example');
  });

  it('draws the editor in place under its row, moving the rows below down', () => {
    const notes = [note(1), note(2), note(3)];
    render(
      <NotesList
        {...base}
        notes={notes}
        onEdit={() => {}}
        editing={{ id: 'note-2', editor: <textarea aria-label="the editor" /> }}
      />,
    );
    const rows = screen.getAllByRole('listitem');
    expect(rows[1]!.contains(screen.getByLabelText('the editor'))).toBe(true);
    expect(rows[0]!.contains(screen.getByLabelText('the editor'))).toBe(false);
    const top = (el: HTMLElement) => parseInt(el.style.top, 10);
    expect(top(rows[2]!) - top(rows[1]!)).toBeGreaterThan(84 + 200);
    expect(screen.getAllByRole('button', { name: 'popupEditNote' })[1]!.getAttribute('aria-expanded')).toBe(
      'true',
    );
  });

  it('opens a note on its page from its passage, a button reachable by keyboard', () => {
    const onOpen = vi.fn();
    render(<NotesList {...base} notes={[note(7)]} onOpen={onOpen} />);
    const open = screen.getByRole('button', { name: 'Passage number 7' });
    expect(screen.getByText('Note 7')).toBeTruthy();
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
    render(<NotesList {...base} notes={notes} grouped />);
    const headings = [...document.querySelectorAll('.page-row .page-title')].map((h) => h.textContent);
    expect(headings).toEqual(['A report', 'B report']);
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
});
