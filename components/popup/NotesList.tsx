/**
 * Every saved note, newest first, searchable as you type; only the rows in view are drawn, so the
 * list stays fast at thousands of notes. Delete offers an undo that puts the note back as it was.
 */
import { useState } from 'preact/hooks';
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
  /** The note just deleted, while it can still be brought back. */
  deleted: Note | null;
  onUndo(): void;
  t: Translate;
  /** Height of the scrolling list in pixels (the popup's). */
  height?: number;
}

const OVERSCAN_PX = 400;

export function NotesList(props: NotesListProps) {
  const { notes, t } = props;
  const height = props.height ?? 420;
  const [scrollTop, setScrollTop] = useState(0);
  const [grouped, setGrouped] = useState(false);
  const rows = noteRows(notes, grouped);
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
          {t('popupDeleted')}{' '}
          <button type="button" onClick={props.onUndo}>
            {t('popupUndo')}
          </button>
        </p>
      )}
      <label class="group-toggle">
        <input
          type="checkbox"
          checked={grouped}
          onChange={(e) => setGrouped((e.target as HTMLInputElement).checked)}
        />
        {t('popupGroupByPage')}
      </label>
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
              <NoteRowView key={row.key} row={row} {...props} />
            ),
          )}
        </div>
      </div>
    </div>
  );
}

function NoteRowView({ row, t, ...props }: { row: Extract<NoteRow, { type: 'note' }> } & NotesListProps) {
  const note = row.note;
  return (
    <div role="listitem" class="row" style={rowStyle(row)}>
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
