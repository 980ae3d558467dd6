/**
 * Every saved note, newest first: a colour bar, two lines of the passage, the page and date, the note.
 * Only the rows in view are drawn, so the list stays fast at thousands of notes. Editing opens the
 * editor in place, under its row. Notes can be selected (checkbox, Space; Shift+click or Shift+Space
 * selects a range; "select all listed") for the bulk actions above the list.
 */
import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Note } from '../../lib/notes/note-types';
import { firstVisibleRow, noteRows, type NoteRow } from '../../lib/notes/note-rows';
import { NoteSummary } from './NoteSummary';
import type { Translate } from './ThisPage';

export interface NotesListProps {
  notes: readonly Note[];
  onDelete(note: Note): void;
  /** Shows the note on its page. */
  onOpen(note: Note): void;
  /** Opens the note's editor (under its row). */
  onEdit?(note: Note): void;
  /** The note being edited and its editor, drawn under its row. */
  editing?: { id: string; editor: ComponentChildren };
  /** What the list says when it is empty (no notes at all, or none matching). */
  empty: ComponentChildren;
  t: Translate;
  /** Height of the scrolling list in pixels (the popup's). */
  height?: number;
  /** Ids of the selected notes; without it the list offers no selection. */
  selected?: ReadonlySet<string>;
  /** Selects (on) or unselects these notes. */
  onSelect?(ids: readonly string[], on: boolean): void;
  grouped?: boolean;
}

const OVERSCAN_PX = 400;
/** The editor's height before it is measured (quote, text, tags, colours, buttons). */
const EDITOR_GUESS_PX = 300;

export function NotesList(props: NotesListProps) {
  const { notes, t, editing } = props;
  const height = props.height ?? 400;
  const [scrollTop, setScrollTop] = useState(0);
  const [editorHeight, setEditorHeight] = useState(EDITOR_GUESS_PX);
  const rows = useMemo(
    () => noteRows(notes, !!props.grouped, editing ? { open: { id: editing.id, height: editorHeight } } : {}),
    [notes, props.grouped, editing?.id, editorHeight],
  );
  // Where the last click on a checkbox was: Shift+click selects every note between it and the next.
  const anchor = useRef<string | null>(null);
  const selected = props.selected;
  const toggle = (note: Note, on: boolean, range: boolean) => {
    if (!props.onSelect) return;
    const from = range && anchor.current !== null ? rows.findIndex((r) => r.key === anchor.current) : -1;
    if (from >= 0) {
      const to = rows.findIndex((r) => r.key === note.id);
      const [lo, hi] = from < to ? [from, to] : [to, from];
      const ids: string[] = [];
      for (let i = lo; i <= hi; i++) if (rows[i]!.type === 'note') ids.push(rows[i]!.key);
      props.onSelect(ids, on);
    } else props.onSelect([note.id], on);
    anchor.current = note.id;
  };
  const total = rows.length === 0 ? 0 : rows[rows.length - 1]!.top + rows[rows.length - 1]!.height;
  const visible: NoteRow[] = [];
  for (let i = firstVisibleRow(rows, Math.max(0, scrollTop - OVERSCAN_PX)); i < rows.length; i++) {
    if (rows[i]!.top > scrollTop + height + OVERSCAN_PX) break;
    visible.push(rows[i]!);
  }
  if (notes.length === 0) return <div class="empty-state">{props.empty}</div>;
  return (
    <div
      class="scroller"
      role="list"
      aria-label={t('popupAllNotesLabel', String(notes.length))}
      style={{ height: `${Math.min(height, total)}px` }}
      onScroll={(event) => setScrollTop((event.target as HTMLElement).scrollTop)}
    >
      <div style={{ height: `${total}px`, position: 'relative' }}>
        {visible.map((row) =>
          row.type === 'page' ? (
            <div key={row.key} class="page-row" role="presentation" style={rowStyle(row)}>
              <span class="page-title">{row.title}</span>
              <span class="page-count">
                {row.site} · {row.count}
              </span>
            </div>
          ) : (
            <NoteRowView
              key={row.key}
              row={row}
              {...props}
              isSelected={selected?.has(row.note.id)}
              onToggle={props.onSelect && toggle}
              editor={editing?.id === row.note.id ? editing.editor : undefined}
              onEditorHeight={setEditorHeight}
            />
          ),
        )}
      </div>
    </div>
  );
}

interface NoteRowViewProps extends NotesListProps {
  row: Extract<NoteRow, { type: 'note' }>;
  isSelected?: boolean;
  onToggle?(note: Note, on: boolean, range: boolean): void;
  editor?: ComponentChildren;
  onEditorHeight(height: number): void;
}

function NoteRowView({ row, t, isSelected, onToggle, editor, onEditorHeight, ...props }: NoteRowViewProps) {
  const note = row.note;
  const quote = note.selectors.quote.exact;
  const short = quote.length > 60 ? `${quote.slice(0, 60)}…` : quote;
  const editorBox = useRef<HTMLDivElement>(null);
  // The row grows by the editor's real height, so the rows below move down rather than under it.
  useLayoutEffect(() => {
    const box = editorBox.current;
    if (!box) return;
    // Nothing measured (not laid out yet): the guess stands.
    const measure = () => box.offsetHeight > 0 && onEditorHeight(box.offsetHeight + 8);
    measure();
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(measure) : undefined;
    observer?.observe(box);
    return () => observer?.disconnect();
  }, [editor !== undefined]);
  return (
    <div
      role="listitem"
      data-note={note.id}
      class={`row${onToggle ? ' selectable' : ''}${isSelected ? ' selected' : ''}${editor ? ' open' : ''}`}
      style={rowStyle(row)}
    >
      <span class={`bar color-${note.color}`} aria-hidden="true" />
      {onToggle && (
        <input
          type="checkbox"
          class="pick"
          checked={!!isSelected}
          aria-label={t('popupSelectNote', short)}
          onClick={(event) => onToggle(note, (event.target as HTMLInputElement).checked, event.shiftKey)}
        />
      )}
      <NoteSummary note={note} onOpen={() => props.onOpen(note)} openLabel={t('popupOpenNote')} />
      <div class="row-actions">
        {props.onEdit && (
          <button
            type="button"
            class="icon edit"
            aria-label={t('popupEditNote')}
            title={t('popupEditNote')}
            aria-expanded={editor !== undefined}
            onClick={() => props.onEdit!(note)}
          >
            <svg viewBox="0 0 16 16" aria-hidden="true">
              <path d="M11.5 2.5l2 2L6 12H4v-2z" />
            </svg>
          </button>
        )}
        <button
          type="button"
          class="icon delete"
          aria-label={t('popupDeleteNote')}
          title={t('popupDeleteNote')}
          onClick={() => props.onDelete(note)}
        >
          <svg viewBox="0 0 16 16" aria-hidden="true">
            <path d="M4 4l8 8M12 4l-8 8" />
          </svg>
        </button>
      </div>
      {editor && (
        <div class="inline-editor" ref={editorBox} role="group" aria-label={t('popupEditing', short)}>
          {editor}
        </div>
      )}
    </div>
  );
}

/** Where a row sits in the scrolling list: rows out of view are not drawn, the ones in view at their place. */
function rowStyle(row: NoteRow) {
  return { position: 'absolute', top: `${row.top}px`, height: `${row.height}px`, left: 0, right: 0 } as const;
}
