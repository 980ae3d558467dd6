/** An incident's full card: the conflict at a glance, every claim, the timeline, every official statement, the toll. */
import type { ComponentChildren } from 'preact';
import type { IncidentCard, TollView } from '../lib/knowledge/cards';
import { formatDay } from '../lib/calendar';
import type { Translate } from '../lib/i18n';
import { useT } from './i18n';
import { CLAIM_MODE_LABEL, CLAIM_STANCE_LABEL } from './labels';
import { SourceLinks } from './SourceLinks';
import { StatementItem } from './StatementItem';
import { FromPacks } from './FromPacks';
import { ConflictGlance } from './ConflictGlance';
import { IncidentTimeline } from './IncidentTimeline';
import { CopyCitation } from './CopyCitation';
import { citationDate, itemCitation } from '../lib/knowledge/citation';
import { RecordedMark } from './record/RecordedMark';

export function IncidentCardView({ card, footer }: { card: IncidentCard; footer?: ComponentChildren }) {
  const t = useT();
  // Outfits whose only claims are uncertain: counted apart, never as competing claimants.
  const firmClaims = card.claims.filter((c) => c.stance === 'claimed' && !c.uncertain);
  const firm = new Set(firmClaims.map((c) => c.claimantId));
  const uncertain = new Set(
    card.claims
      .filter((c) => c.stance === 'claimed' && c.uncertain && !firm.has(c.claimantId))
      .map((c) => c.claimantId),
  ).size;
  const base =
    card.competingClaimants > 1
      ? t('cardCompetingClaimsHeading', String(card.competingClaimants))
      : card.competingClaimants === 1
        ? firmClaims.length > 1
          ? t('cardClaimsByOneGroup', String(firmClaims.length))
          : t('cardOneClaim')
        : card.claims.length === 0
          ? t('cardNoClaim')
          : t('cardClaims');
  const claimHeading = uncertain > 0 ? t('cardAndUncertain', [base, String(uncertain)]) : base;
  const claimants = new Set(card.claims.filter((c) => c.stance === 'claimed').map((c) => c.claimant));
  const place = [card.place, ...card.region.slice(0, 2)].join(', ');
  const showPacks = card.packs.length > 1;
  return (
    <div class="cl-card" data-type="incident">
      <p class="cl-kicker">
        <span class="cl-kind cl-kind-incident">{t('kindIncident')}</span> {formatDay(card.date)} · {place}
      </p>
      <h2 class="cl-title">{card.name}</h2>
      <ConflictGlance card={card} />
      {/* The glance above flags the conflict; the list itself is not painted amber all the way down. */}
      <section class="cl-section" aria-label={t('cardClaims')}>
        <h3>{claimHeading}</h3>
        <ul>
          {card.claims.map((c, i) => (
            <li key={i} class="cl-claim">
              <strong>{c.claimant}</strong> <span class="cl-stance">{t(CLAIM_STANCE_LABEL[c.stance])}</span>
              {c.channel && <> {t('cardVia', c.channel)}</>}
              {c.mode && <span class="cl-meta"> · {t(CLAIM_MODE_LABEL[c.mode])}</span>}
              {c.date && <span class="cl-meta"> · {formatDay(c.date)}</span>}
              {c.uncertain && <span class="cl-flag"> · {t('cardAttributionUncertain')}</span>}
              <RecordedMark packs={c.packs} />
              <div>{c.summary}</div>
              <SourceLinks sources={c.sources} />
              {showPacks && <FromPacks packs={c.packs} />}
              <CopyCitation
                text={() => {
                  const via = c.channel ? ` ${t('cardVia', c.channel)}` : '';
                  const when = c.date ? `, ${citationDate(c.date) ?? c.date}` : '';
                  const line = `${c.claimant} ${t(CLAIM_STANCE_LABEL[c.stance])}${via}${when}: ${c.summary}`;
                  return itemCitation(line, c.sources);
                }}
                label={t('copyClaimLabel', c.claimant)}
              />
            </li>
          ))}
        </ul>
      </section>
      <IncidentTimeline card={card} />
      {card.statements.length > 0 && (
        <section class="cl-section" aria-label={t('cardOfficialStatements')}>
          <h3>{t('cardOfficialStatementsCount', String(card.statements.length))}</h3>
          <ul>
            {card.statements.map((s, i) => (
              <StatementItem key={i} statement={s} showPacks={showPacks} claimants={claimants} />
            ))}
          </ul>
        </section>
      )}
      <section class="cl-section" aria-label={t('cardWhatHappened')}>
        <h3>{t('cardWhatHappened')}</h3>
        <p class="cl-summary">{card.summary}</p>
      </section>
      {card.tolls.length > 0 && (
        <section class="cl-section" aria-label={t('cardToll')}>
          <h3>{t('cardToll')}</h3>
          <ul>
            {card.tolls.map((toll, i) => (
              <li key={i}>
                {tollText(t, toll)}
                {toll.uncertain && <span class="cl-flag"> {t('cardUncertain')}</span>}{' '}
                <span class="cl-meta">{t('cardAsOf', formatDay(toll.asOf))}</span>{' '}
                <SourceLinks sources={toll.sources} />
                {showPacks && <FromPacks packs={toll.packs} />}
              </li>
            ))}
          </ul>
        </section>
      )}
      {card.caveats.length > 0 && (
        <section class="cl-section" aria-label={t('cardCaveats')}>
          <h3>{t('cardCaveats')}</h3>
          <ul>
            {card.caveats.map((c, i) => (
              <li key={i}>{c}</li>
            ))}
          </ul>
        </section>
      )}
      <p class="cl-pack">
        {t('cardFrom', card.packs.join(', '))}
        {card.packsAsOf && <> · {t('cardPacksAsOf', formatDay(card.packsAsOf))}</>}
      </p>
      {footer}
    </div>
  );
}

function tollText(t: Translate, toll: TollView): string {
  const key =
    toll.qualifier === 'at-least'
      ? 'tollAtLeast'
      : toll.qualifier === 'about'
        ? 'tollAbout'
        : toll.qualifier === 'up-to'
          ? 'tollUpTo'
          : 'tollExact';
  const count = toll.countMax !== undefined ? `${toll.count}–${toll.countMax}` : String(toll.count);
  return `${t(key, [count, toll.kind])}${toll.who ? `: ${toll.who}` : ''}`;
}
