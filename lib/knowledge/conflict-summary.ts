/** An incident's conflict at a glance: who claimed it (grouped by claimant), what officials said, and whether accounts clash. */
import type { ClaimStance, StatementStance } from './pack-types';
import type { IncidentCard, StatementView } from './cards';

export interface ClaimantSummary {
  id: string;
  name: string;
  /** The outlet of its earliest dated claim (its media arm, e.g. Amaq), if any. */
  channel?: string;
  /** Its earliest claim's date. */
  date?: string;
  /** How many claims it made (an outfit may claim twice, by two channels). */
  claims: number;
}

/** One thing an official body said, in the words the card uses. */
export interface OfficialPosition {
  stance: StatementStance;
  /** For `attributes-to`: whom it named; otherwise what the statement was about. */
  object?: string;
  /** Whether `object` is one of the outfits that claimed the incident (then it is "the X claim"). */
  aboutClaimant: boolean;
  /** The body said it about itself ("denied involvement"). */
  aboutItself: boolean;
}

export interface OfficialLine {
  /** The body (police, a government), or the speaker where no body is named. */
  body: string;
  positions: OfficialPosition[];
}

export interface ConflictSummary {
  /** Outfits that claimed it firmly, in the pack's order. */
  claimants: ClaimantSummary[];
  /** Outfits whose only claims are uncertain attributions. */
  uncertainClaimants: ClaimantSummary[];
  /** Retractions and denials of involvement, by outfit. */
  otherClaims: { name: string; stance: Exclude<ClaimStance, 'claimed'>; date?: string }[];
  /** Claims with stance "claimed", firm and uncertain. */
  claimCount: number;
  /** Of `claimCount`, the claims whose attribution is uncertain (never counted as competing). */
  uncertainClaimCount: number;
  statementCount: number;
  /** More than one outfit claimed it. */
  competing: boolean;
  /** Officials (firmly) named someone who did not claim it while an outfit did: accounts clash. */
  attributedElsewhere: { body: string; names: string[] }[];
  /** Up to `maxBodies` official bodies, each with its two weightiest positions. */
  officials: OfficialLine[];
  /** Bodies left out of `officials`. */
  moreBodies: number;
}

/** Which of a body's statements shows first: what contradicts a claim, then what doubts it. */
function weight(s: StatementView, claimants: ReadonlySet<string>): number {
  const named = s.attributedTo ?? [];
  const base =
    s.stance === 'attributes-to'
      ? named.some((n) => !claimants.has(n))
        ? 0
        : 4
      : s.stance === 'denies'
        ? 1
        : s.stance === 'disputes'
          ? 2
          : s.stance === 'unverified'
            ? 3
            : 5;
  return base + (s.uncertain ? 10 : 0);
}

export function conflictSummary(card: IncidentCard, maxBodies = 2): ConflictSummary {
  const byClaimant = new Map<string, ClaimantSummary & { firm: boolean }>();
  const otherClaims: ConflictSummary['otherClaims'] = [];
  let claimCount = 0;
  let uncertainClaimCount = 0;
  for (const c of card.claims) {
    if (c.stance !== 'claimed') {
      otherClaims.push({ name: c.claimant, stance: c.stance, date: c.date });
      continue;
    }
    claimCount++;
    if (c.uncertain) uncertainClaimCount++;
    const entry = byClaimant.get(c.claimantId) ?? {
      id: c.claimantId,
      name: c.claimant,
      claims: 0,
      firm: false,
    };
    entry.claims++;
    entry.firm ||= !c.uncertain;
    // The earliest dated claim says through which outlet and when the outfit first claimed it.
    if (c.date && (!entry.date || c.date < entry.date)) {
      entry.date = c.date;
      entry.channel = c.channel;
    } else if (!entry.date && !entry.channel && c.channel) entry.channel = c.channel;
    byClaimant.set(c.claimantId, entry);
  }
  const strip = ({ firm: _firm, ...rest }: ClaimantSummary & { firm: boolean }): ClaimantSummary => rest;
  const all = [...byClaimant.values()];
  const claimants = all.filter((c) => c.firm).map(strip);
  const uncertainClaimants = all.filter((c) => !c.firm).map(strip);
  const claimantNames = new Set(claimants.map((c) => c.name));

  const bodies = new Map<string, StatementView[]>();
  for (const s of card.statements) {
    const body = s.onBehalfOf ?? s.speaker;
    bodies.set(body, [...(bodies.get(body) ?? []), s]);
  }
  const attributedElsewhere: ConflictSummary['attributedElsewhere'] = [];
  const lines: (OfficialLine & { weight: number })[] = [];
  for (const [body, statements] of bodies) {
    if (claimants.length > 0) {
      const names = new Set(
        statements
          .filter((s) => s.stance === 'attributes-to' && !s.uncertain)
          .flatMap((s) => s.attributedTo ?? [])
          .filter((n) => !claimantNames.has(n)),
      );
      if (names.size > 0) attributedElsewhere.push({ body, names: [...names] });
    }
    const sorted = [...statements].sort(
      (a, b) =>
        weight(a, claimantNames) - weight(b, claimantNames) || (b.date ?? '').localeCompare(a.date ?? ''),
    );
    const positions: OfficialPosition[] = [];
    const seen = new Set<string>();
    for (const s of sorted) {
      const object = s.stance === 'attributes-to' ? (s.attributedTo ?? []).join(', ') : s.about;
      // One position per thing said about: "disputed the IS claim" makes "called it unverified" redundant.
      const key = object ?? s.stance;
      if (seen.has(key)) continue;
      seen.add(key);
      positions.push({
        stance: s.stance,
        object,
        aboutClaimant: s.stance !== 'attributes-to' && !!s.about && claimantNames.has(s.about),
        aboutItself: s.about === body,
      });
      if (positions.length === 2) break;
    }
    lines.push({ body, positions, weight: weight(sorted[0]!, claimantNames) });
  }
  lines.sort((a, b) => a.weight - b.weight);
  return {
    claimants,
    uncertainClaimants,
    otherClaims,
    claimCount,
    uncertainClaimCount,
    statementCount: card.statements.length,
    competing: claimants.length > 1,
    attributedElsewhere,
    officials: lines.slice(0, maxBodies).map(({ body, positions }) => ({ body, positions })),
    moreBodies: Math.max(0, lines.length - maxBodies),
  };
}
