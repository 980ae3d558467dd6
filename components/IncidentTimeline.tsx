/** An incident's timeline: the incident, then each claim, retraction and official statement on its own dated line, marked by stance. */
import type { IncidentCard } from '../lib/knowledge/cards';
import { incidentTimeline, type TimelineEntry } from '../lib/knowledge/incident-timeline';
import { formatDay } from '../lib/calendar';
import type { Translate } from '../lib/i18n';
import { useT } from './i18n';
import { CLAIM_STANCE_LABEL, officialPhrase, positionOf } from './labels';

const CLAIM_KIND = {
  claimed: 'timelineClaim',
  retracted: 'timelineRetraction',
  denied: 'timelineDenial',
} as const;

function line(t: Translate, entry: TimelineEntry, claimants: ReadonlySet<string>): [string, string, string] {
  if (entry.kind === 'incident') return ['incident', t('timelineIncident'), entry.name];
  if (entry.kind === 'claim') {
    const c = entry.claim;
    const via = c.channel ? ` ${t('cardVia', c.channel)}` : '';
    const uncertain = c.uncertain ? ` · ${t('cardAttributionUncertain')}` : '';
    return [
      `claim-${c.stance}`,
      t(CLAIM_KIND[c.stance]),
      `${c.claimant} ${t(CLAIM_STANCE_LABEL[c.stance])}${via}${uncertain}`,
    ];
  }
  const s = entry.statement;
  const who = s.onBehalfOf ? `${s.speaker} (${s.onBehalfOf})` : s.speaker;
  return [
    `official-${s.stance}`,
    t('timelineStatement'),
    `${who} ${officialPhrase(t, positionOf(s, claimants))}`,
  ];
}

export function IncidentTimeline({ card }: { card: IncidentCard }) {
  const t = useT();
  const claimants = new Set(card.claims.filter((c) => c.stance === 'claimed').map((c) => c.claimant));
  return (
    <section class="cl-section cl-timeline" aria-label={t('timelineHeading')}>
      <h3>{t('timelineHeading')}</h3>
      <ol>
        {incidentTimeline(card).map((entry, i) => {
          const [stance, kind, text] = line(t, entry, claimants);
          return (
            <li key={i} class={`cl-tl cl-tl-${stance}`}>
              <span class="cl-tl-date">{entry.date ? formatDay(entry.date) : t('timelineUndated')}</span>
              <span class="cl-tl-kind">{kind}</span>
              <span class="cl-tl-text">{text}</span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
