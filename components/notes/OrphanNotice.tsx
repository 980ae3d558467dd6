/** Saved passages that could not be found on the page: said plainly, listed, never drawn elsewhere; each can be re-linked. */
import { plural, useT } from '../i18n';

export interface OrphanNoticeProps {
  orphans: readonly { id: string; quote: string }[];
  onDismiss(): void;
  /** Starts re-linking a note to a passage the reader selects. */
  onRelink?(id: string): void;
}

const short = (quote: string, max: number) => (quote.length > max ? `${quote.slice(0, max)}…` : quote);

export function OrphanNotice({ orphans, onDismiss, onRelink }: OrphanNoticeProps) {
  const t = useT();
  if (orphans.length === 0) return null;
  return (
    <div class="cl-orphans" role="status">
      <button type="button" class="cl-close" aria-label={t('orphansDismiss')} onClick={onDismiss}>
        ×
      </button>
      <details>
        <summary>{plural(t, 'orphansNotFound', orphans.length)}</summary>
        <p class="cl-meta">{t('orphansExplain')}</p>
        <ul>
          {orphans.map((o) => (
            <li key={o.id}>
              “{short(o.quote, 160)}”
              {onRelink && (
                <>
                  {' '}
                  <button
                    type="button"
                    class="cl-relink"
                    aria-label={t('orphansRelinkLabel', short(o.quote, 60))}
                    onClick={() => onRelink(o.id)}
                  >
                    {t('orphansRelink')}
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}
