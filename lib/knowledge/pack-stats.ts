/** Counts of what a pack holds, as `npm run pack:validate -- --stats` prints them. */
import {
  ENTITY_KINDS,
  SOURCE_KINDS,
  type EntityKind,
  type Incident,
  type KnowledgePack,
  type SourceKind,
} from './pack-types';
import { lacksDates } from './relation-dates';

export interface PackStats {
  entities: number;
  entitiesByKind: Record<EntityKind, number>;
  aliases: number;
  incidents: number;
  claims: number;
  statements: number;
  tolls: number;
  sources: number;
  /** Claims, statements and tolls with no source (the validator refuses them; kept for the record). */
  itemsWithoutSource: number;
  /** Incidents with more than one outfit claiming responsibility. */
  incidentsWithCompetingClaims: number;
}

export function packStats(pack: KnowledgePack): PackStats {
  const entitiesByKind = Object.fromEntries(ENTITY_KINDS.map((k) => [k, 0])) as Record<EntityKind, number>;
  for (const entity of pack.entities) entitiesByKind[entity.kind]++;
  const statements = [...(pack.statements ?? []), ...pack.incidents.flatMap((i) => i.statements)];
  const claims = pack.incidents.flatMap((i) => i.claims);
  const tolls = pack.incidents.flatMap((i) => i.tolls ?? []);
  const unsourced = [...statements, ...claims, ...tolls].filter((item) => item.sources.length === 0).length;
  return {
    entities: pack.entities.length,
    entitiesByKind,
    aliases: pack.entities.reduce((n, e) => n + 1 + (e.aliases?.length ?? 0), 0),
    incidents: pack.incidents.length,
    claims: claims.length,
    statements: statements.length,
    tolls: tolls.length,
    sources: pack.sources.length,
    itemsWithoutSource: unsourced,
    incidentsWithCompetingClaims: pack.incidents.filter(hasCompetingClaims).length,
  };
}

/** What the pack covers and how well it is dated: the quality figures of `pack:validate --stats`. */
export interface PackCoverage {
  /** Incidents per year of their date, oldest first. */
  incidentsByYear: Record<string, number>;
  /** Incidents per broadest place they lie in (following `located-in` from the incident's place), most first. */
  incidentsByRegion: Record<string, number>;
  /** Incidents where an outfit withdrew an earlier claim. */
  incidentsWithRetraction: number;
  /** Incidents where someone attributed the attack to a party other than the outfits that claimed it. */
  incidentsWithAttributionElsewhere: number;
  /** Incidents with competing claims, a retraction or an attribution elsewhere (any of the three). */
  incidentsContested: number;
  /** Leadership, branch, affiliation and membership relations with neither `from` nor `until`. */
  relationsWithoutDates: number;
  sourcesWithoutPublished: number;
  /** Sources per kind; `unset` for sources that declare none. */
  sourcesByKind: Record<SourceKind | 'unset', number>;
}

/** Outfits with a `claimed` claim on the incident. */
function claimantsOf(incident: Incident): Set<string> {
  return new Set(incident.claims.filter((c) => c.stance === 'claimed').map((c) => c.claimant));
}

export function hasCompetingClaims(incident: Incident): boolean {
  return claimantsOf(incident).size > 1;
}

export function hasRetraction(incident: Incident): boolean {
  return incident.claims.some((c) => c.stance === 'retracted');
}

/** A statement named as responsible someone who did not claim the attack. */
export function hasAttributionElsewhere(incident: Incident): boolean {
  const claimants = claimantsOf(incident);
  return incident.statements.some(
    (s) => s.stance === 'attributes-to' && (s.attributedTo ?? []).some((id) => !claimants.has(id)),
  );
}

/** Counts keyed by label, largest first (ties by label). */
function tally(labels: readonly string[], order: 'count' | 'label'): Record<string, number> {
  const counts = new Map<string, number>();
  for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  const entries = [...counts].sort(([a, m], [b, n]) =>
    order === 'label' ? a.localeCompare(b) : n - m || a.localeCompare(b),
  );
  return Object.fromEntries(entries);
}

export function packCoverage(pack: KnowledgePack): PackCoverage {
  const byId = new Map(pack.entities.map((e) => [e.id, e]));
  /** The name of the last place reached by following `located-in` (cycles stop where they close). */
  const broadestPlace = (placeId: string): string => {
    const seen = new Set<string>();
    let id = placeId;
    for (;;) {
      seen.add(id);
      const up = byId.get(id)?.relations?.find((r) => r.type === 'located-in')?.target;
      if (!up || seen.has(up) || !byId.has(up)) break;
      id = up;
    }
    return byId.get(id)?.name ?? id;
  };
  const contested = pack.incidents.filter(
    (i) => hasCompetingClaims(i) || hasRetraction(i) || hasAttributionElsewhere(i),
  );
  const sourcesByKind = Object.fromEntries([...SOURCE_KINDS, 'unset'].map((k) => [k, 0])) as Record<
    SourceKind | 'unset',
    number
  >;
  for (const source of pack.sources) sourcesByKind[source.kind ?? 'unset']++;
  return {
    incidentsByYear: tally(
      pack.incidents.map((i) => i.date.slice(0, 4)),
      'label',
    ),
    incidentsByRegion: tally(
      pack.incidents.map((i) => broadestPlace(i.place)),
      'count',
    ),
    incidentsWithRetraction: pack.incidents.filter(hasRetraction).length,
    incidentsWithAttributionElsewhere: pack.incidents.filter(hasAttributionElsewhere).length,
    incidentsContested: contested.length,
    relationsWithoutDates: pack.entities.flatMap((e) => e.relations ?? []).filter(lacksDates).length,
    sourcesWithoutPublished: pack.sources.filter((s) => !s.published).length,
    sourcesByKind,
  };
}
