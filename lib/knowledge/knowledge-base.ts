/** The enabled packs, indexed: look-ups by id and the cards tooltips show. Built once per pack change. */
import type { Entity, EntityStatement, Incident, KnowledgePack, Source, Statement } from './pack-types';
import type { ClaimView, EntityCard, IncidentCard, RelationView, SourceView, StatementView } from './cards';

export class KnowledgeBase {
  readonly entities = new Map<string, Entity>();
  readonly incidents = new Map<string, Incident>();
  private readonly sources = new Map<string, Source>();
  private readonly packOf = new Map<string, string>();
  private readonly entityStatements: EntityStatement[] = [];

  constructor(readonly packs: readonly KnowledgePack[]) {
    // Earlier packs win on a shared id; merging across packs is the pack manager's job.
    for (const pack of packs) {
      for (const source of pack.sources)
        if (!this.sources.has(source.id)) this.sources.set(source.id, source);
      for (const entity of pack.entities) {
        if (this.entities.has(entity.id)) continue;
        this.entities.set(entity.id, entity);
        this.packOf.set(entity.id, pack.name);
      }
      for (const incident of pack.incidents) {
        if (this.incidents.has(incident.id)) continue;
        this.incidents.set(incident.id, incident);
        this.packOf.set(incident.id, pack.name);
      }
      this.entityStatements.push(...(pack.statements ?? []));
    }
  }

  nameOf(id: string): string {
    return this.entities.get(id)?.name ?? this.incidents.get(id)?.name ?? id;
  }

  private sourceViews(ids: readonly string[] | undefined): SourceView[] {
    const views: SourceView[] = [];
    for (const id of ids ?? []) {
      const s = this.sources.get(id);
      if (s) views.push({ publisher: s.publisher, title: s.title, url: s.url, published: s.published });
    }
    return views;
  }

  private statementView(s: Statement, incident?: Incident): StatementView {
    return {
      speakerId: s.speaker,
      speaker: this.nameOf(s.speaker),
      role: s.role,
      onBehalfOf: s.onBehalfOf && this.nameOf(s.onBehalfOf),
      date: s.date,
      stance: s.stance,
      about: s.about && this.nameOf(s.about),
      attributedTo: s.attributedTo?.map((id) => this.nameOf(id)),
      quote: s.quote,
      paraphrase: s.paraphrase,
      uncertain: s.uncertain,
      incident: incident?.name,
      sources: this.sourceViews(s.sources),
    };
  }

  incidentCard(id: string): IncidentCard | undefined {
    const incident = this.incidents.get(id);
    if (!incident) return undefined;
    const claims: ClaimView[] = incident.claims.map((c) => ({
      claimantId: c.claimant,
      claimant: this.nameOf(c.claimant),
      channel: c.channel && this.nameOf(c.channel),
      mode: c.mode,
      date: c.date,
      stance: c.stance,
      summary: c.summary,
      uncertain: c.uncertain,
      sources: this.sourceViews(c.sources),
    }));
    return {
      type: 'incident',
      id,
      name: incident.name,
      date: incident.date,
      place: this.nameOf(incident.place),
      region: (incident.region ?? []).map((r) => this.nameOf(r)),
      summary: incident.summary,
      tolls: (incident.tolls ?? []).map((t) => ({ ...t, sources: this.sourceViews(t.sources) })),
      claims,
      competingClaimants: competingClaimants(incident),
      statements: incident.statements.map((s) => this.statementView(s)),
      caveats: incident.caveats ?? [],
      packs: [this.packOf.get(id) ?? ''],
    };
  }

  entityCard(id: string): EntityCard | undefined {
    const entity = this.entities.get(id);
    if (!entity) return undefined;
    const relations: RelationView[] = (entity.relations ?? []).map((r) => ({
      type: r.type,
      direction: 'out',
      otherId: r.target,
      other: this.nameOf(r.target),
      from: r.from,
      until: r.until,
      uncertain: r.uncertain,
    }));
    for (const other of this.entities.values()) {
      for (const r of other.relations ?? []) {
        if (r.target !== id) continue;
        relations.push({
          type: r.type,
          direction: 'in',
          otherId: other.id,
          other: other.name,
          from: r.from,
          until: r.until,
          uncertain: r.uncertain,
        });
      }
    }
    const claimedIncidents: EntityCard['claimedIncidents'] = [];
    const statements: StatementView[] = this.entityStatements
      .filter((s) => s.about === id)
      .map((s) => this.statementView(s));
    for (const incident of this.incidents.values()) {
      const competing = competingClaimants(incident) > 1;
      // One row per incident and stance, however many times the group claimed it.
      const stances = new Set(
        incident.claims.filter((c) => c.claimant === id || c.channel === id).map((c) => c.stance),
      );
      for (const stance of stances)
        claimedIncidents.push({
          id: incident.id,
          name: incident.name,
          date: incident.date,
          stance,
          competing,
        });
      for (const s of incident.statements) {
        if (s.about === id || s.attributedTo?.includes(id)) statements.push(this.statementView(s, incident));
      }
    }
    claimedIncidents.sort((a, b) => b.date.localeCompare(a.date));
    const aliases = [
      ...new Set(
        (entity.aliases ?? [])
          .map((a) => (typeof a === 'string' ? a : a.text))
          .filter((a) => a !== entity.name),
      ),
    ];
    return {
      type: 'entity',
      id,
      kind: entity.kind,
      name: entity.name,
      aliases,
      description: entity.description,
      relations,
      claimedIncidents,
      statements,
      wikidata: entity.wikidata,
      packs: [this.packOf.get(id) ?? ''],
    };
  }
}

/** Distinct outfits that claimed the incident, leaving out claims whose attribution is uncertain. */
export function competingClaimants(incident: Incident): number {
  return new Set(incident.claims.filter((c) => c.stance === 'claimed' && !c.uncertain).map((c) => c.claimant))
    .size;
}
