/**
 * Several enabled packs as one body of knowledge. Entities with the same id, or the same Wikidata
 * item, are one entity: aliases, relations, claims and statements are combined, and every claim,
 * statement, toll and relation keeps its sources and the packs that said it. Earlier packs come
 * first (the bundled pack, then the others in the order they were installed): their names,
 * descriptions and summaries are the ones shown.
 */
import type {
  Alias,
  Claim,
  Entity,
  EntityStatement,
  Incident,
  KnowledgePack,
  Relation,
  Source,
  Statement,
  Toll,
} from './pack-types';

/** Which packs said something (pack names, in pack order). */
export interface Provenance {
  packs: string[];
}

export type MergedClaim = Claim & Provenance;
export type MergedStatement = Statement & Provenance;
export type MergedEntityStatement = EntityStatement & Provenance;
export type MergedToll = Toll & Provenance;
export type MergedRelation = Relation & Provenance;

export interface MergedEntity extends Omit<Entity, 'relations'>, Provenance {
  relations: MergedRelation[];
}

export interface MergedIncident extends Omit<Incident, 'claims' | 'statements' | 'tolls'>, Provenance {
  claims: MergedClaim[];
  statements: MergedStatement[];
  tolls: MergedToll[];
}

export interface MergedKnowledge {
  entities: Map<string, MergedEntity>;
  incidents: Map<string, MergedIncident>;
  /** Keyed by `<pack id>/<source id>`: two packs may use the same source id for different pages. */
  sources: Map<string, Source>;
  /** The label of the pack that cited each source (same keys as `sources`). */
  sourcePacks: Map<string, string>;
  entityStatements: MergedEntityStatement[];
  /** What could not be merged as the ids suggested (shown by the pack manager). */
  notes: MergeNote[];
}

/** Two packs use one id for different things; the later pack's item was kept apart. */
export type MergeNote =
  | { type: 'kind-differs'; pack: string; id: string; kind: string; otherKind: string; otherPacks: string[] }
  | { type: 'incident-is-entity'; pack: string; id: string };

export function sourceKey(packId: string, sourceId: string): string {
  return `${packId}/${sourceId}`;
}

/**
 * `labels[i]` names pack `i` in what it said (default: its name). Provenance is by pack: two packs are
 * never one in `packs`, even with the same name, as long as their labels differ (pack-provenance.ts).
 */
export function mergePacks(packs: readonly KnowledgePack[], labels?: readonly string[]): MergedKnowledge {
  const merged: MergedKnowledge = {
    entities: new Map(),
    incidents: new Map(),
    sources: new Map(),
    sourcePacks: new Map(),
    entityStatements: [],
    notes: [],
  };
  const byWikidata = new Map<string, string>();
  for (const [index, pack] of packs.entries()) {
    const name = labels?.[index] ?? pack.name;
    for (const source of pack.sources) {
      merged.sources.set(sourceKey(pack.id, source.id), source);
      merged.sourcePacks.set(sourceKey(pack.id, source.id), name);
    }
    const src = (ids: readonly string[] | undefined) => (ids ?? []).map((id) => sourceKey(pack.id, id));

    // 1. Where each of this pack's entities goes: an existing one (same id or Wikidata item) or a new one.
    const ids = new Map<string, string>();
    for (const entity of pack.entities) {
      const same = merged.entities.get(entity.id);
      const viaWikidata = entity.wikidata ? byWikidata.get(entity.wikidata) : undefined;
      let target = entity.id;
      if (same && same.kind !== entity.kind) {
        target = `${entity.id}~${pack.id}`;
        merged.notes.push({
          type: 'kind-differs',
          pack: name,
          id: entity.id,
          kind: entity.kind,
          otherKind: same.kind,
          otherPacks: [...same.packs],
        });
      } else if (!same && viaWikidata && merged.entities.get(viaWikidata)!.kind === entity.kind) {
        target = viaWikidata;
      }
      ids.set(entity.id, target);
    }
    for (const incident of pack.incidents) {
      if (merged.entities.has(incident.id) || ids.has(incident.id)) {
        ids.set(incident.id, `${incident.id}~${pack.id}`);
        merged.notes.push({ type: 'incident-is-entity', pack: name, id: incident.id });
      }
    }
    const id = (local: string) => ids.get(local) ?? local;
    const idList = (locals: readonly string[] | undefined) => locals?.map(id);

    // 2. Entities, with this pack's ids rewritten to where they went.
    for (const entity of pack.entities) {
      const target = id(entity.id);
      const relations: MergedRelation[] = (entity.relations ?? []).map((r) => ({
        ...r,
        target: id(r.target),
        sources: src(r.sources),
        packs: [name],
      }));
      const existing = merged.entities.get(target);
      if (!existing) {
        merged.entities.set(target, {
          ...entity,
          id: target,
          relations,
          sources: src(entity.sources),
          packs: [name],
        });
        if (entity.wikidata && !byWikidata.has(entity.wikidata)) byWikidata.set(entity.wikidata, target);
        continue;
      }
      existing.aliases = unionAliases(existing.name, existing.aliases, [
        entity.name,
        ...(entity.aliases ?? []),
      ]);
      existing.relations = combine(existing.relations, relations, (r) => `${r.type}|${r.target}`);
      existing.sources = union(existing.sources ?? [], src(entity.sources));
      existing.description ??= entity.description;
      if (!existing.wikidata && entity.wikidata) {
        existing.wikidata = entity.wikidata;
        if (!byWikidata.has(entity.wikidata)) byWikidata.set(entity.wikidata, target);
      }
      addPack(existing, name);
    }

    // 3. Incidents, merged by id; claims, statements and tolls said twice are one item with both sources.
    const statement = (s: Statement): MergedStatement => ({
      ...s,
      speaker: id(s.speaker),
      onBehalfOf: s.onBehalfOf && id(s.onBehalfOf),
      about: s.about && id(s.about),
      attributedTo: idList(s.attributedTo),
      sources: src(s.sources),
      packs: [name],
    });
    for (const incident of pack.incidents) {
      const target = id(incident.id);
      const claims: MergedClaim[] = incident.claims.map((c) => ({
        ...c,
        claimant: id(c.claimant),
        channel: c.channel && id(c.channel),
        sources: src(c.sources),
        packs: [name],
      }));
      const statements = incident.statements.map(statement);
      const tolls: MergedToll[] = (incident.tolls ?? []).map((t) => ({
        ...t,
        sources: src(t.sources),
        packs: [name],
      }));
      const existing = merged.incidents.get(target);
      if (!existing) {
        merged.incidents.set(target, {
          ...incident,
          id: target,
          place: id(incident.place),
          region: idList(incident.region),
          claims,
          statements,
          tolls,
          sources: src(incident.sources),
          packs: [name],
        });
        continue;
      }
      existing.aliases = unionAliases(existing.name, existing.aliases, [
        incident.name,
        ...(incident.aliases ?? []),
      ]);
      existing.region = union(existing.region ?? [], idList(incident.region) ?? []);
      existing.eventWords = union(existing.eventWords ?? [], incident.eventWords ?? []);
      existing.claims = combine(existing.claims, claims, (c) => `${c.claimant}|${c.stance}|${c.date ?? ''}`);
      existing.statements = combine(existing.statements, statements, statementKey);
      existing.tolls = combine(
        existing.tolls,
        tolls,
        (t) => `${t.kind}|${t.count}|${t.countMax ?? ''}|${t.asOf}|${t.who ?? ''}`,
      );
      existing.caveats = union(existing.caveats ?? [], incident.caveats ?? []);
      existing.sources = union(existing.sources ?? [], src(incident.sources));
      addPack(existing, name);
    }

    const entityStatements = (pack.statements ?? []).map((s) => statement(s) as MergedEntityStatement);
    merged.entityStatements = combine(merged.entityStatements, entityStatements, statementKey);
  }
  return merged;
}

function statementKey(s: MergedStatement): string {
  return `${s.speaker}|${s.stance}|${s.date ?? ''}|${s.about ?? ''}|${(s.attributedTo ?? []).join(',')}`;
}

function addPack(item: Provenance, name: string): void {
  if (!item.packs.includes(name)) item.packs.push(name);
}

function union<T>(a: readonly T[], b: readonly T[]): T[] {
  return [...new Set([...a, ...b])];
}

/** `b`'s items appended to `a`'s; one that `a` already has (same key) adds its sources and packs. */
function combine<T extends Provenance & { sources?: string[] }>(
  a: readonly T[],
  b: readonly T[],
  key: (item: T) => string,
): T[] {
  const out = [...a];
  const index = new Map(out.map((item, i) => [key(item), i]));
  for (const item of b) {
    const at = index.get(key(item));
    if (at === undefined) {
      index.set(key(item), out.length);
      out.push(item);
      continue;
    }
    const kept = out[at]!;
    out[at] = {
      ...kept,
      sources: union(kept.sources ?? [], item.sources ?? []),
      packs: union(kept.packs, item.packs),
      uncertain: (kept as { uncertain?: boolean }).uncertain || (item as { uncertain?: boolean }).uncertain,
    };
  }
  return out;
}

/** Aliases of both, the first one kept where the same text appears twice; the name is not an alias. */
function unionAliases(name: string, a: readonly Alias[] | undefined, b: readonly Alias[]): Alias[] {
  const seen = new Set([name, ...(a ?? []).map(aliasText)]);
  const out = [...(a ?? [])];
  for (const alias of b) {
    if (seen.has(aliasText(alias))) continue;
    seen.add(aliasText(alias));
    out.push(alias);
  }
  return out;
}

function aliasText(alias: Alias): string {
  return typeof alias === 'string' ? alias : alias.text;
}
