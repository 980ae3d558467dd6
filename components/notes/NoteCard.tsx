/** A saved note opened from its highlight: the passage (and the one it was first saved on, if re-linked), the note (its Markdown subset drawn), tags, colour; edit or delete. */
import type { Note } from '../../lib/notes/note-types';
import { readerDate } from '../../lib/reader-date';
import { useT } from '../i18n';
import { colorName } from '../labels';
import { NoteText } from '../NoteText';

export interface NoteCardProps {
  note: Pick<Note, 'selectors' | 'text' | 'tags' | 'color' | 'createdAt' | 'updatedAt' | 'originalQuote'>;
  /** The reader's own names for the colours, where renamed. */
  colorLabels?: Partial<Record<string, string>>;
  onEdit(): void;
  onDelete(): void;
}

const short = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}…` : text);

export function NoteCard({ note, colorLabels, onEdit, onDelete }: NoteCardProps) {
  const t = useT();
  const quote = note.selectors.quote.exact;
  // The one date style of ClaimLens ("7 Dec 2026"), as in the popup's rows.
  const saved = readerDate(note.createdAt);
  return (
    <div class="cl-note-card" data-color={note.color}>
      <p class="cl-kicker">
        <span class={`cl-kind cl-note-kind cl-color-${note.color}`}>
          {colorName(t, note.color, colorLabels)}
        </span>{' '}
        {t('noteCardSaved', saved)}
      </p>
      <blockquote class="cl-note-quote">{quote.length > 400 ? `${quote.slice(0, 400)}…` : quote}</blockquote>
      {note.originalQuote && (
        <p class="cl-meta cl-note-original">{t('noteOriginally', short(note.originalQuote.trim(), 200))}</p>
      )}
      {note.text ? (
        <NoteText class="cl-note-text" text={note.text} />
      ) : (
        <p class="cl-meta">{t('noteCardNoText')}</p>
      )}
      {note.tags.length > 0 && (
        <ul class="cl-tags" aria-label={t('noteTags')}>
          {note.tags.map((tag) => (
            <li key={tag}>{tag}</li>
          ))}
        </ul>
      )}
      <div class="cl-actions">
        <button type="button" onClick={onEdit}>
          {t('noteEdit')}
        </button>
        <button type="button" onClick={onDelete}>
          {t('noteDelete')}
        </button>
      </div>
    </div>
  );
}
