/** A saved note opened from its highlight: the passage, the note as text, tags, colour; edit or delete. */
import { DEFAULT_COLORS, type Note } from '../../lib/notes/note-types';

export interface NoteCardProps {
  note: Pick<Note, 'selectors' | 'text' | 'tags' | 'color' | 'createdAt' | 'updatedAt'>;
  onEdit(): void;
  onDelete(): void;
}

export function NoteCard({ note, onEdit, onDelete }: NoteCardProps) {
  const color = DEFAULT_COLORS.find((c) => c.id === note.color)?.label ?? note.color;
  const quote = note.selectors.quote.exact;
  return (
    <div class="cl-note-card" data-color={note.color}>
      <p class="cl-kicker">
        <span class={`cl-kind cl-note-kind cl-color-${note.color}`}>{color}</span> saved{' '}
        {new Date(note.createdAt).toLocaleDateString(undefined, {
          day: 'numeric',
          month: 'short',
          year: 'numeric',
        })}
      </p>
      <blockquote class="cl-note-quote">{quote.length > 400 ? `${quote.slice(0, 400)}…` : quote}</blockquote>
      {note.text ? (
        <p class="cl-note-text">{note.text}</p>
      ) : (
        <p class="cl-meta">No note, just the highlight.</p>
      )}
      {note.tags.length > 0 && (
        <ul class="cl-tags" aria-label="Tags">
          {note.tags.map((tag) => (
            <li key={tag}>{tag}</li>
          ))}
        </ul>
      )}
      <div class="cl-actions">
        <button type="button" onClick={onEdit}>
          Edit
        </button>
        <button type="button" onClick={onDelete}>
          Delete
        </button>
      </div>
    </div>
  );
}
