/**
 * Re-linking an orphan note on its page: says what to do (select the passage, then Attach), shows the
 * note, the passage it can no longer find (and the one it was first saved on, if it moved before) and
 * what is selected now, and works from the keyboard (Attach, Cancel, Escape; Alt+Shift+S attaches).
 * What to do is announced: read with the notice when it takes the focus, else told by a live region.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { noteMarkdownText } from '../../lib/notes/note-markdown';
import { useT } from '../i18n';

export interface RelinkNoticeProps {
  /** The passage the note is saved on, which this page no longer has. */
  quote: string;
  /** The passage it was first saved on, when it was re-linked before. */
  original?: string;
  /** What the reader wrote (Markdown), to tell which note this is. */
  text?: string;
  /** The text selected on the page now, if any. */
  selected: string | null;
  error?: string;
  /**
   * Whether the notice takes the focus when it opens (default). Not in the notes frame: the reader
   * selects the passage on the page, where the keys must stay.
   */
  takeFocus?: boolean;
  onAttach(): void;
  onCancel(): void;
}

/** Shortened for a line of the notice, without the spaces a selection may have taken at its ends. */
const short = (text: string, max: number) => {
  const trimmed = text.trim();
  return trimmed.length > max ? `${trimmed.slice(0, max)}…` : trimmed;
};

export function RelinkNotice({
  quote,
  original,
  text,
  selected,
  error,
  takeFocus = true,
  onAttach,
  onCancel,
}: RelinkNoticeProps) {
  const t = useT();
  const root = useRef<HTMLDivElement>(null);
  const instructionsId = useId();
  // Without the focus (the notes frame: the keys stay on the page), the instructions are told by a live
  // region, which is read out when its text changes, not when it arrives with it: they go into it once it
  // is on the page. With the focus, they are read as the notice's description.
  const [told, setTold] = useState(takeFocus);
  useEffect(() => {
    if (takeFocus) root.current?.focus({ preventScroll: true });
    else setTold(true);
  }, []);
  return (
    <div
      ref={root}
      class="cl-relink-notice"
      role="dialog"
      aria-label={t('relinkLabel')}
      aria-describedby={instructionsId}
      tabIndex={-1}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onCancel();
        }
      }}
    >
      <p id={instructionsId} class="cl-relink-help" role="status">
        {told ? t('relinkInstructions') : ''}
      </p>
      {text && <p class="cl-relink-note">{t('relinkNote', short(noteMarkdownText(text), 120))}</p>}
      <p class="cl-meta">{t('relinkLostPassage', short(quote, 120))}</p>
      {original && original !== quote && <p class="cl-meta">{t('noteOriginally', short(original, 120))}</p>}
      <p class="cl-relink-selected" aria-live="polite">
        {selected ? t('relinkSelected', short(selected, 160)) : t('relinkNothingSelected')}
      </p>
      {error && (
        <p class="cl-error" role="alert">
          {error}
        </p>
      )}
      <div class="cl-actions">
        <button
          type="button"
          disabled={!selected}
          // Keeps the page's selection when the button is pressed with the mouse.
          onMouseDown={(event) => event.preventDefault()}
          onClick={onAttach}
        >
          {t('relinkAttach')}
        </button>
        <button type="button" onMouseDown={(event) => event.preventDefault()} onClick={onCancel}>
          {t('relinkCancel')}
        </button>
      </div>
    </div>
  );
}
