/** A claim's or statement's sources: publisher and date, linked (http(s) only, new tab). */
import type { SourceView } from '../lib/knowledge/cards';
import { formatDay } from '../lib/calendar';
import { safeHttpUrl } from '../lib/safe-url';
import { useT } from './i18n';

export function SourceLinks({ sources }: { sources: readonly SourceView[] }) {
  const t = useT();
  if (sources.length === 0) return <span class="cl-nosource">{t('sourceNone')}</span>;
  return (
    <span class="cl-sources">
      {sources.map((s, i) => {
        const href = safeHttpUrl(s.url);
        const label = `${s.publisher}${s.published ? `, ${formatDay(s.published)}` : ''}`;
        return (
          <span key={i}>
            {i > 0 ? ' · ' : `${t('sourceLabel')} `}
            {href ? (
              <a href={href} target="_blank" rel="noopener noreferrer" title={s.title}>
                {label}
              </a>
            ) : (
              <span title={s.title}>{label}</span>
            )}
          </span>
        );
      })}
    </span>
  );
}
