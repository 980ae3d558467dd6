/**
 * The short card a hover or focus shows: what it is, when and where, the conflict at a glance, and a
 * way to the full card. Sized to fit an 800×600 window without scrolling.
 */
import type { Card, EntityCard, IncidentCard } from '../lib/knowledge/cards';
import { formatDay } from '../lib/calendar';
import { conflictSummary } from '../lib/knowledge/conflict-summary';
import { useT } from './i18n';
import { ConflictGlance } from './ConflictGlance';
import { EntityHeading } from './EntityCardView';
import { RecognisedFooter, type IncidentMatchInfo } from './RecognisedFooter';

const GLANCE_ALIASES = 4;

function IncidentGlance({ card }: { card: IncidentCard }) {
  const t = useT();
  const place = [card.place, ...card.region.slice(0, 1)].join(', ');
  return (
    <>
      <p class="cl-kicker">
        <span class="cl-kind cl-kind-incident">{t('kindIncident')}</span> {formatDay(card.date)} · {place}
      </p>
      <h2 class="cl-title">{card.name}</h2>
      <ConflictGlance card={card} />
    </>
  );
}

/**
 * What the full card lists, counted from the same summary as the glance's heading: the claims whose
 * attribution is uncertain are said to be so, since the heading's "competing claims" leaves them out.
 */
function IncidentCounts({ card }: { card: IncidentCard }) {
  const t = useT();
  const g = conflictSummary(card);
  const claims = String(g.claimCount);
  const statements = String(g.statementCount);
  return (
    <span class="cl-meta">
      {g.uncertainClaimCount > 0
        ? t('glanceCountsUncertain', [claims, String(g.uncertainClaimCount), statements])
        : t('glanceCounts', [claims, statements])}
    </span>
  );
}

function EntityGlance({ card }: { card: EntityCard }) {
  const t = useT();
  const incidents = new Set(card.claimedIncidents.map((c) => c.id)).size;
  const relayed = card.claimedIncidents.length > 0 && card.claimedIncidents.every((c) => c.relayedFor);
  return (
    <>
      <EntityHeading card={card} maxAliases={GLANCE_ALIASES} />
      {card.description && <p class="cl-summary cl-clamp">{card.description}</p>}
      <p class="cl-meta">
        {t(relayed ? 'glanceRelayed' : 'glanceEntityFacts', [
          String(incidents),
          String(card.statements.length),
          String(card.relations.length),
        ])}
      </p>
    </>
  );
}

export function CompactCard({
  card,
  match,
  onOpen,
}: {
  card: Card;
  match?: IncidentMatchInfo;
  onOpen(): void;
}) {
  const t = useT();
  return (
    <div class="cl-card cl-compact" data-type={card.type}>
      {card.type === 'incident' ? <IncidentGlance card={card} /> : <EntityGlance card={card} />}
      <p class="cl-actions">
        <button type="button" class="cl-open" aria-label={t('glanceOpenLabel', card.name)} onClick={onOpen}>
          {t('glanceOpen')}
        </button>
        {card.type === 'incident' && <IncidentCounts card={card} />}
      </p>
      {card.type === 'incident' && <RecognisedFooter match={match} />}
    </div>
  );
}
