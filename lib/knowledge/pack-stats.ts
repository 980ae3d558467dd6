/** Counts of what a pack holds, as `npm run pack:validate -- --stats` prints them. */
import { ENTITY_KINDS, type EntityKind, type KnowledgePack } from './pack-types';

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
    incidentsWithCompetingClaims: pack.incidents.filter(
      (i) => new Set(i.claims.filter((c) => c.stance === 'claimed').map((c) => c.claimant)).size > 1,
    ).length,
  };
}
