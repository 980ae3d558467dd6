/**
 * "Note deleted · Undo", shown for a few seconds where the note's card was. Announced once to screen
 * readers; Undo is reached with Tab; the time runs out only while neither the pointer nor the focus
 * is on Undo, so a reader on their way to it is not cut short.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { useT } from '../i18n';

/** How long the offer to undo stays. */
export const UNDO_MS = 8000;

export interface DeletedNoticeProps {
  /** The note is being put back. */
  restoring?: boolean;
  error?: string;
  onUndo(): void;
  /** The time ran out: the delete stands. */
  onExpire(): void;
}

export function DeletedNotice({ restoring, error, onUndo, onExpire }: DeletedNoticeProps) {
  const t = useT();
  // Filled after the first paint: a live region that already exists is announced when it changes.
  const [said, setSaid] = useState('');
  const [held, setHeld] = useState(0);
  const expire = useRef(onExpire);
  expire.current = onExpire;
  useEffect(() => setSaid(t('noteDeleted')), []);
  useEffect(() => {
    if (held > 0 || restoring || error) return;
    const timer = setTimeout(() => expire.current(), UNDO_MS);
    return () => clearTimeout(timer);
  }, [held, restoring, error]);
  const hold = (by: number) => () => setHeld((n) => Math.max(0, n + by));
  return (
    <div class="cl-deleted">
      <p class="cl-deleted-line">
        <span role="status">{said}</span>
        <span aria-hidden="true"> · </span>
        <button
          type="button"
          class="cl-undo"
          disabled={restoring}
          onClick={onUndo}
          onPointerEnter={hold(1)}
          onPointerLeave={hold(-1)}
          onFocus={hold(1)}
          onBlur={hold(-1)}
        >
          {t('noteUndo')}
        </button>
      </p>
      {error && (
        <p class="cl-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
