/** The enabled packs, merged and indexed: look-ups by id and the cards tooltips show. Built once per pack change. */
import type { Incident, KnowledgePack, Source } from './pack-types';
import type { ClaimView, EntityCard, IncidentCard, RelationView, SourceView, StatementView } from './cards';
import {
  mergePacks,
  type MergedEntity,
  type MergedEntityStatement,
  type MergedIncident,
  type MergedStatement,
  type MergeNote,
} from './pack-merge';

export class KnowledgeBase {
  readonly entities: ReadonlyMap<string, MergedEntity>;
  readonly incidents: ReadonlyMap<string, MergedIncident>;
  /** What the merge could not do as the ids suggested (shown by the pack manager). */
  readonly mergeNotes: readonly MergeNote[];
  private readonly sources: ReadonlyMap<string, Source>;
  private readonly entityStatements: readonly MergedEntityStatement[];

  /** How cards name the pack that cited each source (`<pack id>/<source id>` → label). */
  private readonly sourcePacks: ReadonlyMap<string, string>;

  /**
   * `packs` in order of precedence: the first pack's names and summaries are the ones shown.
   * `labels`: how cards name each pack (default: its name; the background gives its origin too).
   */
  constructor(
    readonly packs: readonly KnowledgePack[],
    labels?: readonly string[],
  ) {
    const merged = mergePacks(packs, labels);
    this.sourcePacks = merged.sourcePacks;
    this.entities = merged.entities;
    this.incidents = merged.incidents;
    this.sources = merged.sources;
    this.entityStatements = merged.entityStatements;
    this.mergeNotes = merged.notes;
  }

  /** The newest `updated` date among the named packs (ISO dates sort as text). */
  private asOf(packNames: readonly string[]): string | undefined {
    return this.packs
      .filter((p) => packNames.includes(p.name))
      .map((p) => p.updated)
      .sort()
      .at(-1);
  }

  nameOf(id: string): string {
    return this.entities.get(id)?.name ?? this.incidents.get(id)?.name ?? id;
  }

  private sourceViews(ids: readonly string[] | undefined): SourceView[] {
    const views: SourceView[] = [];
    for (const id of ids ?? []) {
      const s = this.sources.get(id);
      if (s)
        views.push({
          publisher: s.publisher,
          title: s.title,
          url: s.url,
          pack: this.sourcePacks.get(id),
          published: s.published,
        });
    }
    return views;
  }

  private statementView(s: MergedStatement, incident?: MergedIncident): StatementView {
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
      packs: s.packs,
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
      packs: c.packs,
    }));
    return {
      type: 'incident',
      id,
      name: incident.name,
      date: incident.date,
      place: this.nameOf(incident.place),
      region: (incident.region ?? []).map((r) => this.nameOf(r)),
      summary: incident.summary,
      tolls: incident.tolls.map((t) => ({ ...t, sources: this.sourceViews(t.sources) })),
      claims,
      competingClaimants: competingClaimants(incident),
      statements: incident.statements.map((s) => this.statementView(s)),
      caveats: incident.caveats ?? [],
      packs: incident.packs,
      packsAsOf: this.asOf(incident.packs),
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
      packs: r.packs,
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
          packs: r.packs,
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
      packs: entity.packs,
      packsAsOf: this.asOf(entity.packs),
    };
  }
}

/** Distinct outfits that claimed the incident, leaving out claims whose attribution is uncertain. */
export function competingClaimants(incident: Pick<Incident, 'claims'>): number {
  return new Set(incident.claims.filter((c) => c.stance === 'claimed' && !c.uncertain).map((c) => c.claimant))
    .size;
}
