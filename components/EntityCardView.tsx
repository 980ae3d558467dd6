/** A group, outlet, body or person in a tooltip: names, relations, incidents it claimed, what officials said. */
import type { EntityCard } from '../lib/knowledge/cards';
import { formatDay } from '../lib/calendar';
import { CLAIM_STANCE_LABEL, KIND_LABEL, RELATION_LABEL } from './labels';
import { StatementItem } from './StatementItem';

const MAX_ALIASES = 12;

export function EntityCardView({ card }: { card: EntityCard }) {
  const aliases = card.aliases.slice(0, MAX_ALIASES);
  return (
    <div class="cl-card" data-type="entity">
      <p class="cl-kicker">
        <span class={`cl-kind cl-kind-${card.kind}`}>{KIND_LABEL[card.kind]}</span>
      </p>
      <h2 class="cl-title">{card.name}</h2>
      {aliases.length > 0 && (
        <p class="cl-aliases">
          Also written: {aliases.join(' · ')}
          {card.aliases.length > MAX_ALIASES && ` and ${card.aliases.length - MAX_ALIASES} more`}
        </p>
      )}
      {card.description && <p class="cl-summary">{card.description}</p>}
      {card.relations.length > 0 && (
        <section class="cl-section" aria-label="Relations">
          <h3>Relations</h3>
          <ul>
            {card.relations.map((r, i) => (
              <li key={i}>
                {RELATION_LABEL[r.type][r.direction]} <strong>{r.other}</strong>
                {(r.from || r.until) && (
                  <span class="cl-meta">
                    {' '}
                    ({r.from ? formatDay(r.from) : '…'}–{r.until ? formatDay(r.until) : ''})
                  </span>
                )}
                {r.uncertain && <span class="cl-flag"> (alleged)</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {card.claimedIncidents.length > 0 && (
        <section class="cl-section" aria-label="Incidents claimed">
          <h3>Claims of responsibility ({card.claimedIncidents.length})</h3>
          <ul>
            {card.claimedIncidents.map((c) => (
              <li key={`${c.id}-${c.stance}`}>
                {CLAIM_STANCE_LABEL[c.stance]}: <strong>{c.name}</strong>{' '}
                <span class="cl-meta">· {formatDay(c.date)}</span>
                {c.competing && <span class="cl-flag"> · competing claims</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {card.statements.length > 0 && (
        <section class="cl-section" aria-label="Statements about it">
          <h3>What officials said ({card.statements.length})</h3>
          <ul>
            {card.statements.map((s, i) => (
              <StatementItem key={i} statement={s} />
            ))}
          </ul>
        </section>
      )}
      <p class="cl-pack">From: {card.packs.join(', ')}</p>
    </div>
  );
}
