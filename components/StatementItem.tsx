/** One official statement: who, in which role, which stance, when, what was said, and the source. */
import type { StatementView } from '../lib/knowledge/cards';
import { formatDay } from '../lib/calendar';
import { useT } from './i18n';
import { officialPhrase, positionOf } from './labels';
import { SourceLinks } from './SourceLinks';
import { CopyCitation } from './CopyCitation';
import { citationDate, itemCitation } from '../lib/knowledge/citation';
import { FromPacks } from './FromPacks';
import { RecordedMark } from './record/RecordedMark';

/**
 * `showPacks`: the card draws on more than one pack, so each statement says which pack holds it.
 * `claimants`: the outfits that claimed the incident, so a statement about one reads "the X claim".
 */
export function StatementItem({
  statement: s,
  showPacks = false,
  claimants,
}: {
  statement: StatementView;
  showPacks?: boolean;
  claimants?: ReadonlySet<string>;
}) {
  const t = useT();
  const role = [s.role, s.onBehalfOf].filter(Boolean).join(', ');
  return (
    <li class="cl-statement">
      <strong>{s.speaker}</strong>
      {role && <span class="cl-meta"> ({role})</span>}{' '}
      <span class={`cl-stance cl-stance-${s.stance}`}>{officialPhrase(t, positionOf(s, claimants))}</span>
      {s.incident && <span class="cl-meta"> · {t('statementOn', s.incident)}</span>}
      {s.date && <span class="cl-meta"> · {formatDay(s.date)}</span>}
      {s.uncertain && <span class="cl-flag"> · {t('statementUncertain')}</span>}
      <RecordedMark packs={s.packs} />
      {s.quote && <q class="cl-quote">{s.quote}</q>}
      <div>{s.paraphrase}</div>
      <SourceLinks sources={s.sources} />
      {showPacks && <FromPacks packs={s.packs} />}
      <CopyCitation
        text={() => {
          const said = [s.quote && `“${s.quote}”`, s.paraphrase].filter(Boolean).join(' ');
          const when = s.date ? `, ${citationDate(s.date) ?? s.date}` : '';
          const who = role ? `${s.speaker} (${role})` : s.speaker;
          return itemCitation(`${who}${when}: ${said}`, s.sources);
        }}
        label={t('copyStatementLabel', s.speaker)}
      />
    </li>
  );
}
