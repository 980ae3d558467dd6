/** An incident in a tooltip: when, where, the toll, every competing claim and every official statement. */
import type { IncidentCard, TollView } from '../lib/knowledge/cards';
import { formatDay } from '../lib/calendar';
import { CLAIM_MODE_LABEL, CLAIM_STANCE_LABEL } from './labels';
import { SourceLinks } from './SourceLinks';
import { StatementItem } from './StatementItem';

export interface IncidentMatchInfo {
  confidence: number;
  why: string;
}

export function IncidentCardView({ card, match }: { card: IncidentCard; match?: IncidentMatchInfo }) {
  // Outfits whose only claims are uncertain: counted apart, never as competing claimants.
  const firm = new Set(
    card.claims.filter((c) => c.stance === 'claimed' && !c.uncertain).map((c) => c.claimantId),
  );
  const uncertain = new Set(
    card.claims
      .filter((c) => c.stance === 'claimed' && c.uncertain && !firm.has(c.claimantId))
      .map((c) => c.claimantId),
  ).size;
  const base =
    card.competingClaimants > 1
      ? `${card.competingClaimants} competing claims of responsibility`
      : card.competingClaimants === 1
        ? '1 claim of responsibility'
        : card.claims.length === 0
          ? 'No claim of responsibility in the pack'
          : 'Claims';
  const claimHeading = uncertain > 0 ? `${base}, and ${uncertain} uncertain` : base;
  const place = [card.place, ...card.region.slice(0, 2)].join(', ');
  return (
    <div class="cl-card" data-type="incident">
      <p class="cl-kicker">
        <span class="cl-kind cl-kind-incident">Incident</span> {formatDay(card.date)} · {place}
      </p>
      <h2 class="cl-title">{card.name}</h2>
      {match && (
        <p class="cl-why">
          Why this incident: {match.why} · confidence {Math.round(match.confidence * 100)}%
        </p>
      )}
      <p class="cl-summary">{card.summary}</p>
      <section class={`cl-section${card.competingClaimants > 1 ? ' cl-conflict' : ''}`} aria-label="Claims">
        <h3>
          {card.competingClaimants > 1 && <span aria-hidden="true">⚠ </span>}
          {claimHeading}
        </h3>
        <ul>
          {card.claims.map((c, i) => (
            <li key={i} class="cl-claim">
              <strong>{c.claimant}</strong> <span class="cl-stance">{CLAIM_STANCE_LABEL[c.stance]}</span>
              {c.channel && <> via {c.channel}</>}
              {c.mode && <span class="cl-meta"> · {CLAIM_MODE_LABEL[c.mode]}</span>}
              {c.date && <span class="cl-meta"> · {formatDay(c.date)}</span>}
              {c.uncertain && <span class="cl-flag"> · attribution uncertain</span>}
              <div>{c.summary}</div>
              <SourceLinks sources={c.sources} />
            </li>
          ))}
        </ul>
      </section>
      {card.statements.length > 0 && (
        <section class="cl-section" aria-label="Official statements">
          <h3>Official statements ({card.statements.length})</h3>
          <ul>
            {card.statements.map((s, i) => (
              <StatementItem key={i} statement={s} />
            ))}
          </ul>
        </section>
      )}
      {card.tolls.length > 0 && (
        <section class="cl-section" aria-label="Toll">
          <h3>Toll</h3>
          <ul>
            {card.tolls.map((t, i) => (
              <li key={i}>
                {tollText(t)}
                {t.uncertain && <span class="cl-flag"> (uncertain)</span>}{' '}
                <span class="cl-meta">as of {formatDay(t.asOf)}</span> <SourceLinks sources={t.sources} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {card.caveats.length > 0 && (
        <section class="cl-section" aria-label="Caveats">
          <h3>Caveats</h3>
          <ul>
            {card.caveats.map((c, i) => (
              <li key={i}>{c}</li>
            ))}
          </ul>
        </section>
      )}
      <p class="cl-pack">From: {card.packs.join(', ')}</p>
    </div>
  );
}

function tollText(t: TollView): string {
  const qualifier =
    t.qualifier === 'at-least'
      ? 'at least '
      : t.qualifier === 'about'
        ? 'about '
        : t.qualifier === 'up-to'
          ? 'up to '
          : '';
  const count = t.countMax !== undefined ? `${t.count}–${t.countMax}` : String(t.count);
  return `${qualifier}${count} ${t.kind}${t.who ? `: ${t.who}` : ''}`;
}
