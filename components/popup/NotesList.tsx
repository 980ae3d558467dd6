/**
 * Every saved note, newest first, searchable as you type; only the rows in view are drawn, so the
 * list stays fast at thousands of notes. Delete offers an undo that puts the note back as it was.
 */
import { useState } from 'preact/hooks';
import type { Note } from '../../lib/notes/note-types';
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

const ROW_HEIGHT = 76;
const OVERSCAN = 6;

export function NotesList(props: NotesListProps) {
  const { notes, t } = props;
  const height = props.height ?? 420;
  const [scrollTop, setScrollTop] = useState(0);
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(notes.length, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN);
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
      {notes.length === 0 && <p class="empty">{props.query ? t('popupNoResults') : t('popupNoNotes')}</p>}
      <div
        class="scroller"
        role="list"
        aria-label={t('popupAllNotesLabel', String(notes.length))}
        style={{ height: `${height}px`, overflowY: 'auto', position: 'relative' }}
        onScroll={(event) => setScrollTop((event.target as HTMLElement).scrollTop)}
      >
        <div style={{ height: `${notes.length * ROW_HEIGHT}px`, position: 'relative' }}>
          {notes.slice(first, last).map((note, i) => (
            <div
              key={note.id}
              role="listitem"
              class="row"
              style={{
                position: 'absolute',
                top: `${(first + i) * ROW_HEIGHT}px`,
                height: `${ROW_HEIGHT}px`,
                left: 0,
                right: 0,
              }}
            >
              <button
                type="button"
                class="quote"
                title={t('popupOpenNote')}
                onClick={() => props.onOpen(note)}
              >
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
          ))}
        </div>
      </div>
    </div>
  );
}
