/** An incident's timeline: the incident, then every claim, retraction and official statement on its own dated line. */
import type { ClaimView, IncidentCard, StatementView } from './cards';

export type TimelineEntry =
  | { kind: 'incident'; date: string; name: string }
  | { kind: 'claim'; date?: string; claim: ClaimView }
  | { kind: 'statement'; date?: string; statement: StatementView };

/** In date order (the incident first on its day); undated items last, in the pack's order. */
export function incidentTimeline(card: IncidentCard): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    { kind: 'incident', date: card.date, name: card.name },
    ...card.claims.map((claim): TimelineEntry => ({ kind: 'claim', date: claim.date, claim })),
    ...card.statements.map((statement): TimelineEntry => ({
      kind: 'statement',
      date: statement.date,
      statement,
    })),
  ];
  // A stable sort: same-day items keep the pack's order, the incident before what was said of it.
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => {
      const da = a.entry.date;
      const db = b.entry.date;
      if (da && db && da !== db) return da < db ? -1 : 1;
      if (!da !== !db) return da ? -1 : 1;
      return a.index - b.index;
    })
    .map(({ entry }) => entry);
}
