/**
 * The conflict at a glance: who claimed the incident (outlet, date), whether accounts clash, and the
 * officials' position in a line; what the reader recorded says "recorded by you" in its details.
 */
import type { IncidentCard } from '../lib/knowledge/cards';
import { conflictSummary, type ClaimantSummary } from '../lib/knowledge/conflict-summary';
import { formatDay } from '../lib/calendar';
import type { Translate } from '../lib/i18n';
import { useT } from './i18n';
import { CLAIM_STANCE_LABEL, officialPhrase } from './labels';
import { isRecorded } from './record/RecordedMark';

function claimantText(t: Translate, c: ClaimantSummary, recorded: boolean): string {
  const details = [
    c.channel,
    c.date && formatDay(c.date),
    c.claims > 1 && t('glanceClaimNote', String(c.claims)),
    recorded && t('cardRecordedByYou'),
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
  // Said (or also said) by My pack: the same words as the full card's, in the details of each name.
  const recordedClaimants = new Set(
    card.claims.filter((c) => c.stance === 'claimed' && isRecorded(t, c.packs)).map((c) => c.claimantId),
  );
  const claimant = (c: ClaimantSummary) => claimantText(t, c, recordedClaimants.has(c.id));
  const recordedOther = (name: string, stance: string) =>
    card.claims.some((c) => c.claimant === name && c.stance === stance && isRecorded(t, c.packs));
  const recordedBody = (body: string) =>
    card.statements.some((s) => (s.onBehalfOf ?? s.speaker) === body && isRecorded(t, s.packs));
  return (
    <section class={`cl-glance${conflict ? ' cl-conflict' : ''}`} aria-label={t('glanceLabel')}>
      <h3 class="cl-glance-heading">
        {conflict && <span aria-hidden="true">⚠ </span>}
        {heading}
      </h3>
      {g.claimants.length > 0 && (
        <p class="cl-glance-line">
          <span class="cl-glance-label">{t('glanceClaimedBy')}</span> {g.claimants.map(claimant).join(' · ')}
          {g.uncertainClaimants.length > 0 && (
            <span class="cl-meta">
              {' · '}
              {t('glanceUncertain')} {g.uncertainClaimants.map(claimant).join(' · ')}
            </span>
          )}
        </p>
      )}
      {g.claimants.length === 0 && g.uncertainClaimants.length > 0 && (
        <p class="cl-glance-line cl-meta">
          {t('glanceUncertain')} {g.uncertainClaimants.map(claimant).join(' · ')}
        </p>
      )}
      {g.otherClaims.map((c, i) => {
        const details = [
          c.date && formatDay(c.date),
          recordedOther(c.name, c.stance) && t('cardRecordedByYou'),
        ]
          .filter(Boolean)
          .join(', ');
        return (
          <p key={i} class="cl-glance-line">
            {c.name} {t(CLAIM_STANCE_LABEL[c.stance])}
            {details && <span class="cl-meta"> ({details})</span>}
          </p>
        );
      })}
      {g.officials.map((line) => (
        <p key={line.body} class="cl-glance-line cl-glance-official">
          <span class="cl-glance-label">
            {recordedBody(line.body) ? `${line.body} (${t('cardRecordedByYou')})` : line.body}:
          </span>{' '}
          {line.positions.map((p) => officialPhrase(t, p)).join('; ')}
        </p>
      ))}
      {g.moreBodies > 0 && (
        <p class="cl-glance-line cl-meta">{t('glanceMoreBodies', String(g.moreBodies))}</p>
      )}
    </section>
  );
}
