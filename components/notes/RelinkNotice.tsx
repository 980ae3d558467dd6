/**
 * Re-linking an orphan note on its page: says what to do (select the passage, then Attach), shows the
 * note and what is selected now, and works from the keyboard (Attach, Cancel, Escape; Alt+Shift+S attaches).
 */
import { useEffect, useRef } from 'preact/hooks';
import { useT } from '../i18n';

export interface RelinkNoticeProps {
  /** The passage the orphan was first saved on (its wording before it was lost). */
  quote: string;
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

const short = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}…` : text);

export function RelinkNotice({
  quote,
  selected,
  error,
  takeFocus = true,
  onAttach,
  onCancel,
}: RelinkNoticeProps) {
  const t = useT();
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (takeFocus) root.current?.focus({ preventScroll: true });
  }, []);
  return (
    <div
      ref={root}
      class="cl-relink-notice"
      role="dialog"
      aria-label={t('relinkLabel')}
      tabIndex={-1}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onCancel();
        }
      }}
    >
      <p class="cl-relink-help">{t('relinkInstructions')}</p>
      <p class="cl-meta">{t('noteOriginally', short(quote, 120))}</p>
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
