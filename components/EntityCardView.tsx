/** A group, outlet, body or person in a tooltip: names, relations, incidents it claimed, what officials said. */
import type { ComponentChildren } from 'preact';
import type { EntityCard } from '../lib/knowledge/cards';
import { formatDay } from '../lib/calendar';
import { useT } from './i18n';
import { CLAIM_STANCE_LABEL, KIND_LABEL, RELATION_LABEL } from './labels';
import { StatementItem } from './StatementItem';

const MAX_ALIASES = 12;

/** An entity's kind, name and the other names it is written under (the first `maxAliases`). */
export function EntityHeading({ card, maxAliases }: { card: EntityCard; maxAliases: number }) {
  const t = useT();
  const aliases = card.aliases.slice(0, maxAliases);
  return (
    <>
      <p class="cl-kicker">
        <span class={`cl-kind cl-kind-${card.kind}`}>{t(KIND_LABEL[card.kind])}</span>
      </p>
      <h2 class="cl-title">{card.name}</h2>
      {aliases.length > 0 && (
        <p class="cl-aliases">
          {t('cardAlsoWritten', aliases.join(' · '))}
          {card.aliases.length > maxAliases &&
            ` ${t('cardAndMore', String(card.aliases.length - maxAliases))}`}
        </p>
      )}
    </>
  );
}

export function EntityCardView({ card, footer }: { card: EntityCard; footer?: ComponentChildren }) {
  const t = useT();
  // A media arm relays the claims of the group it speaks for: it is never said to have claimed.
  const onlyRelayed = card.claimedIncidents.every((c) => c.relayedFor);
  return (
    <div class="cl-card" data-type="entity">
      <EntityHeading card={card} maxAliases={MAX_ALIASES} />
      {card.description && <p class="cl-summary">{card.description}</p>}
      {card.relations.length > 0 && (
        <section class="cl-section" aria-label={t('cardRelations')}>
          <h3>{t('cardRelations')}</h3>
          <ul>
            {card.relations.map((r, i) => (
              <li key={i}>
                {t(RELATION_LABEL[r.type][r.direction])} <strong>{r.other}</strong>
                {(r.from || r.until) && (
                  <span class="cl-meta">
                    {' '}
                    ({r.from ? formatDay(r.from) : '…'}–{r.until ? formatDay(r.until) : ''})
                  </span>
                )}
                {r.uncertain && <span class="cl-flag"> {t('cardAlleged')}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {card.claimedIncidents.length > 0 && (
        <section class="cl-section" aria-label={t('cardIncidentsClaimed')}>
          <h3>
            {t(
              onlyRelayed ? 'cardClaimsRelayed' : 'cardClaimsOfResponsibility',
              String(new Set(card.claimedIncidents.map((c) => c.id)).size),
            )}
          </h3>
          <ul>
            {card.claimedIncidents.map((c) => (
              <li key={`${c.id}-${c.stance}-${c.relayedFor ?? ''}`}>
                {c.relayedFor ? t('cardRelayedClaim', c.relayedFor) : t(CLAIM_STANCE_LABEL[c.stance])}:{' '}
                <strong>{c.name}</strong> <span class="cl-meta">· {formatDay(c.date)}</span>
                {c.competing && <span class="cl-flag"> · {t('cardCompetingClaims')}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {card.statements.length > 0 && (
        <section class="cl-section" aria-label={t('cardStatementsAbout')}>
          <h3>{t('cardWhatOfficialsSaid', String(card.statements.length))}</h3>
          <ul>
            {card.statements.map((s, i) => (
              <StatementItem key={i} statement={s} showPacks={card.packs.length > 1} />
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
