/** The conflict at a glance: who claimed the incident (outlet, date), whether accounts clash, and the officials' position in a line. */
import type { IncidentCard } from '../lib/knowledge/cards';
import { conflictSummary, type ClaimantSummary } from '../lib/knowledge/conflict-summary';
import { formatDay } from '../lib/calendar';
import type { Translate } from '../lib/i18n';
import { useT } from './i18n';
import { CLAIM_STANCE_LABEL, officialPhrase } from './labels';

function claimantText(t: Translate, c: ClaimantSummary): string {
  const details = [
    c.channel,
    c.date && formatDay(c.date),
    c.claims > 1 && t('glanceClaimNote', String(c.claims)),
  ]
    .filter(Boolean)
    .join(', ');
  return details ? `${c.name} (${details})` : c.name;
}

export function ConflictGlance({ card }: { card: IncidentCard }) {
  const t = useT();
  const g = conflictSummary(card);
  const elsewhere = g.attributedElsewhere.length > 0;
  const heading = g.competing
    ? t(elsewhere ? 'glanceCompetingElsewhere' : 'glanceCompeting', String(g.claimants.length))
    : elsewhere
      ? t('glanceElsewhere')
      : g.claimants.length === 1
        ? g.claimCount - g.uncertainClaimants.reduce((n, c) => n + c.claims, 0) > 1
          ? t('glanceOneClaimantMany', String(g.claimants[0]!.claims))
          : t('glanceOneClaimant')
        : g.uncertainClaimants.length > 0
          ? t('glanceOnlyUncertain')
          : t('cardNoClaim');
  const conflict = g.competing || elsewhere;
  return (
    <section class={`cl-glance${conflict ? ' cl-conflict' : ''}`} aria-label={t('glanceLabel')}>
      <h3 class="cl-glance-heading">
        {conflict && <span aria-hidden="true">⚠ </span>}
        {heading}
      </h3>
      {g.claimants.length > 0 && (
        <p class="cl-glance-line">
          <span class="cl-glance-label">{t('glanceClaimedBy')}</span>{' '}
          {g.claimants.map((c) => claimantText(t, c)).join(' · ')}
          {g.uncertainClaimants.length > 0 && (
            <span class="cl-meta">
              {' · '}
              {t('glanceUncertain')} {g.uncertainClaimants.map((c) => claimantText(t, c)).join(' · ')}
            </span>
          )}
        </p>
      )}
      {g.claimants.length === 0 && g.uncertainClaimants.length > 0 && (
        <p class="cl-glance-line cl-meta">
          {t('glanceUncertain')} {g.uncertainClaimants.map((c) => claimantText(t, c)).join(' · ')}
        </p>
      )}
      {g.otherClaims.map((c, i) => (
        <p key={i} class="cl-glance-line">
          {c.name} {t(CLAIM_STANCE_LABEL[c.stance])}
          {c.date && <span class="cl-meta"> ({formatDay(c.date)})</span>}
        </p>
      ))}
      {g.officials.map((line) => (
        <p key={line.body} class="cl-glance-line cl-glance-official">
          <span class="cl-glance-label">{line.body}:</span>{' '}
          {line.positions.map((p) => officialPhrase(t, p)).join('; ')}
        </p>
      ))}
      {g.moreBodies > 0 && (
        <p class="cl-glance-line cl-meta">{t('glanceMoreBodies', String(g.moreBodies))}</p>
      )}
    </section>
  );
}
