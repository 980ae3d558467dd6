/** One note as a row reads: a bar of its colour, two lines of the passage, the page's title (or site) and date, the note. */
import type { ComponentChildren } from 'preact';
import type { Note } from '../../lib/notes/note-types';
import { readerDate } from '../../lib/reader-date';
import { NoteText } from '../NoteText';

export interface NoteSummaryProps {
  note: Pick<Note, 'selectors' | 'text' | 'tags' | 'color' | 'createdAt' | 'pageTitle' | 'site' | 'url'>;
  /** Shows the passage on its page (the passage is then a button). */
  onOpen?(): void;
  openLabel?: string;
  /** Hides the page's title (a list of one page's notes). */
  withoutPage?: boolean;
  /** Drawn after the date (a badge, a button). */
  children?: ComponentChildren;
}

export function NoteSummary({ note, onOpen, openLabel, withoutPage, children }: NoteSummaryProps) {
  const quote = note.selectors.quote.exact.replace(/\s+/g, ' ').trim();
  const passage = quote.length > 240 ? `${quote.slice(0, 240)}…` : quote;
  const page = note.pageTitle.trim() || note.site || note.url;
  return (
    <div class={`summary color-${note.color}`}>
      {onOpen ? (
        <button type="button" class="passage" title={openLabel} onClick={onOpen}>
          {passage}
        </button>
      ) : (
        <p class="passage">{passage}</p>
      )}
      {note.text && <NoteText class="note" text={note.text} />}
      <p class="meta">
        {!withoutPage && (
          <>
            <span class="page" title={note.url}>
              {page}
            </span>
            {' · '}
          </>
        )}
        <time dateTime={Number.isFinite(note.createdAt) ? new Date(note.createdAt).toISOString() : undefined}>
          {readerDate(note.createdAt)}
        </time>
        {note.tags.length > 0 && (
          <span class="tags">
            {note.tags.map((tag) => (
              <span key={tag} class="tag">
                {tag}
              </span>
            ))}
          </span>
        )}
        {children}
      </p>
    </div>
  );
}
