/**
 * A claim's or statement's sources: publisher and date, linked (http(s) only, new tab), with the host
 * the link really goes to beside the publisher (a pack cannot pass another site off as "Reuters"),
 * which pack cited each one when the sources come from more than one pack, and a button that copies
 * each one as a citation.
 */
import type { SourceView } from '../lib/knowledge/cards';
import { formatDay } from '../lib/calendar';
import { safeHttpUrl } from '../lib/safe-url';
import { formatCitation } from '../lib/knowledge/citation';
import { useT } from './i18n';
import { CopyCitation } from './CopyCitation';

export function SourceLinks({ sources }: { sources: readonly SourceView[] }) {
  const t = useT();
  if (sources.length === 0) return <span class="cl-nosource">{t('sourceNone')}</span>;
  const packs = new Set(sources.map((s) => s.pack));
  return (
    <span class="cl-sources">
      {sources.map((s, i) => {
        const href = safeHttpUrl(s.url);
        const host = href ? new URL(href).host.replace(/^www\./, '') : '';
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
            {host && <span class="cl-host"> ({host})</span>}
            <CopyCitation compact text={() => formatCitation(s)} label={t('copySourceLabel', label)} />
            {packs.size > 1 && s.pack && <span class="cl-cited-by"> — {t('sourceCitedBy', s.pack)}</span>}
          </span>
        );
      })}
    </span>
  );
}
