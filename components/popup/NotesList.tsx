/**
 * Every saved note, newest first, searchable as you type; only the rows in view are drawn, so the
 * list stays fast at thousands of notes. Delete offers an undo that puts the notes back as they were.
 * Notes can be selected (checkbox, Space; Shift+click or Shift+Space selects a range; "select all
 * listed") for the bulk actions above the list.
 */
import { useMemo, useRef, useState } from 'preact/hooks';
import { plural } from '../i18n';
import type { Note } from '../../lib/notes/note-types';
import { firstVisibleRow, noteRows, type NoteRow } from '../../lib/notes/note-rows';
import type { Translate } from './ThisPage';

export interface NotesListProps {
  notes: readonly Note[];
  query: string;
  onQuery(query: string): void;
  onDelete(note: Note): void;
  /** Shows the note on its page. */
  onOpen(note: Note): void;
  /** Opens the note's editor (above the list). */
  onEdit?(note: Note): void;
  /** The notes just deleted, while they can still be brought back. */
  deleted: readonly Note[] | null;
  onUndo(): void;
  t: Translate;
  /** Height of the scrolling list in pixels (the popup's). */
  height?: number;
  /** Ids of the selected notes; without it the list offers no selection. */
  selected?: ReadonlySet<string>;
  /** Selects (on) or unselects these notes. */
  onSelect?(ids: readonly string[], on: boolean): void;
}

const OVERSCAN_PX = 400;

export function NotesList(props: NotesListProps) {
  const { notes, t } = props;
  const height = props.height ?? 420;
  const [scrollTop, setScrollTop] = useState(0);
  const [grouped, setGrouped] = useState(false);
  const rows = useMemo(() => noteRows(notes, grouped), [notes, grouped]);
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
  const selectedListed = selected ? notes.reduce((n, note) => n + (selected.has(note.id) ? 1 : 0), 0) : 0;
  const total = rows.length === 0 ? 0 : rows[rows.length - 1]!.top + rows[rows.length - 1]!.height;
  const visible: NoteRow[] = [];
  for (let i = firstVisibleRow(rows, Math.max(0, scrollTop - OVERSCAN_PX)); i < rows.length; i++) {
    if (rows[i]!.top > scrollTop + height + OVERSCAN_PX) break;
    visible.push(rows[i]!);
  }
  return (
    <div class="notes-list">
      <input
        type="search"
        value={props.query}
        placeholder={t('popupSearchPlaceholder')}
        aria-label={t('popupSearchLabel')}
        onInput={(event) => props.onQuery((event.target as HTMLInputElement).value)}
      />
      {props.deleted && (
        <p class="undo" role="status">
          {props.deleted.length === 1
            ? t('popupDeleted')
            : plural(t, 'popupDeletedMany', props.deleted.length)}{' '}
          <button type="button" onClick={props.onUndo}>
            {t('popupUndo')}
          </button>
        </p>
      )}
      <div class="list-options">
        {selected && props.onSelect && notes.length > 0 && (
          <label class="select-all">
            <input
              type="checkbox"
              checked={selectedListed === notes.length}
              indeterminate={selectedListed > 0 && selectedListed < notes.length}
              onChange={(e) =>
                props.onSelect!(
                  notes.map((n) => n.id),
                  (e.target as HTMLInputElement).checked,
                )
              }
            />
            {t('popupSelectAll', notes.length.toLocaleString())}
          </label>
        )}
        <label class="group-toggle">
          <input
            type="checkbox"
            checked={grouped}
            onChange={(e) => setGrouped((e.target as HTMLInputElement).checked)}
          />
          {t('popupGroupByPage')}
        </label>
      </div>
      {notes.length === 0 && <p class="empty">{props.query ? t('popupNoResults') : t('popupNoNotes')}</p>}
      <div
        class="scroller"
        role="list"
        aria-label={t('popupAllNotesLabel', String(notes.length))}
        style={{ height: `${height}px`, overflowY: 'auto', position: 'relative' }}
        onScroll={(event) => setScrollTop((event.target as HTMLElement).scrollTop)}
      >
        <div style={{ height: `${total}px`, position: 'relative' }}>
          {visible.map((row) =>
            row.type === 'page' ? (
              <div key={row.key} class="page-row" role="presentation" style={rowStyle(row)}>
                <strong>{row.title}</strong>{' '}
                <span class="meta">
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
              />
            ),
          )}
        </div>
      </div>
    </div>
  );
}

interface NoteRowViewProps extends NotesListProps {
  row: Extract<NoteRow, { type: 'note' }>;
  isSelected?: boolean;
  onToggle?(note: Note, on: boolean, range: boolean): void;
}

function NoteRowView({ row, t, isSelected, onToggle, ...props }: NoteRowViewProps) {
  const note = row.note;
  const quote = note.selectors.quote.exact;
  return (
    <div
      role="listitem"
      class={`row${onToggle ? ' selectable' : ''}${isSelected ? ' selected' : ''}`}
      style={rowStyle(row)}
    >
      {onToggle && (
        <input
          type="checkbox"
          class="pick"
          checked={!!isSelected}
          aria-label={t('popupSelectNote', quote.length > 60 ? `${quote.slice(0, 60)}…` : quote)}
          onClick={(event) => onToggle(note, (event.target as HTMLInputElement).checked, event.shiftKey)}
        />
      )}
      <button type="button" class="quote" title={t('popupOpenNote')} onClick={() => props.onOpen(note)}>
        {note.selectors.quote.exact.slice(0, 160)}
      </button>
      <div class="meta">
        {note.site} · {new Date(note.createdAt).toLocaleDateString()}
        {note.tags.length > 0 && ` · ${note.tags.map((tag) => `#${tag}`).join(' ')}`}
      </div>
      {note.text && <div class="text">{note.text.slice(0, 120)}</div>}
      {props.onEdit && (
        <button
          type="button"
          class="edit"
          aria-label={t('popupEditNote')}
          onClick={() => props.onEdit!(note)}
        >
          ✎
        </button>
      )}
      <button
        type="button"
        class="delete"
        aria-label={t('popupDeleteNote')}
        onClick={() => props.onDelete(note)}
      >
        ×
      </button>
    </div>
  );
}

/** Where a row sits in the scrolling list: rows out of view are not drawn, the ones in view at their place. */
function rowStyle(row: NoteRow) {
  return { position: 'absolute', top: `${row.top}px`, height: `${row.height}px`, left: 0, right: 0 } as const;
}
