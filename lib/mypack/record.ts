/**
 * Recording a claim or a statement into My pack (pure): the incident (a known one or a new one), the
 * claimant or speaker (known or new), the stance and the source inferred from the page. The result is
 * checked by the pack validator like any pack; an incident dated after the article and a source that
 * is not a web page are refused with a sentence; a claim already recorded (same claimant, incident and
 * stance) is offered as a second source of the first.
 */
import type {
  Claim,
  ClaimMode,
  ClaimStance,
  Entity,
  EntityKind,
  EventKind,
  Incident,
  KnowledgePack,
  PlaceType,
  Statement,
  StatementStance,
} from '../knowledge/pack-types';
import type { MergedEntity, MergedIncident } from '../knowledge/pack-merge';
import { validatePack } from '../knowledge/pack-validator';
import { foldText } from '../matching/normalise';
import { localize } from '../reader-messages';
import type { NoteSelectors } from '../notes/note-types';
import { nextVersion, type MyPackState } from './my-pack';
import { sourceUrlProblem, type SourceDraft } from './source-inference';

/** A known entity by id, or a new one by name. */
export type EntityChoice =
  { id: string } | { new: { name: string; kind: EntityKind; placeType?: PlaceType } };

export interface NewIncident {
  name: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  date: string;
  place: EntityChoice;
  kind?: EventKind;
  summary?: string;
}

export type IncidentChoice = { id: string } | { new: NewIncident };

export interface ClaimFields {
  kind: 'claim';
  actor: EntityChoice;
  stance: ClaimStance;
  channel?: EntityChoice;
  mode?: ClaimMode;
  /** In the reader's words; a sentence is made from the stance if empty. */
  text?: string;
}

export interface StatementFields {
  kind: 'statement';
  actor: EntityChoice;
  stance: StatementStance;
  /** For "attributes-to": whom the speaker named. */
  attributedTo?: EntityChoice[];
  role?: string;
  text?: string;
}

export interface RecordRequest {
  item: ClaimFields | StatementFields;
  incident: IncidentChoice;
  source: SourceDraft;
  passage: { url: string; selectors: NoteSelectors };
  /** The reader accepted the offer: add this source to the item already recorded. */
  asSecondSource?: boolean;
}

/** The merged knowledge of the enabled packs (My pack included), as far as recording needs it. */
export interface Known {
  incidents: ReadonlyMap<string, MergedIncident>;
  entities: ReadonlyMap<string, MergedEntity>;
  /** How cards name My pack: its items in `packs` are the reader's own, not another pack's. */
  mineLabel: string;
}

/** The same claim (claimant, incident, stance) or statement (speaker, incident, stance) said before. */
export interface Duplicate {
  /** In My pack (a second source is added to it) or in another pack (My pack says it again, sourced). */
  where: 'mine' | 'known';
  text: string;
  sources: number;
}

export type RecordOutcome =
  | {
      ok: true;
      state: MyPackState;
      /** The item's key (its first source's id). */
      key: string;
      incidentId: string;
      secondSource: boolean;
    }
  | { ok: false; error: string; duplicate?: Duplicate; problems?: string[] };

const ID_MAX = 100;

/** Adds what the reader recorded; the state given is not changed. */
export function recordItem(
  state: MyPackState,
  request: RecordRequest,
  known: Known,
  now: number,
  today: string,
): RecordOutcome {
  const urlProblem = sourceUrlProblem(request.source.url);
  if (urlProblem) return { ok: false, error: urlProblem };
  const pack: KnowledgePack = structuredClone(state.pack);
  const passages = { ...state.passages };
  const ids = new IdMaker(pack, known);

  // The incident: the one in My pack, a copy of a known one, or a new one.
  const incident = resolveIncident(pack, request.incident, known, ids, request.source);
  if ('error' in incident) return { ok: false, error: incident.error };
  const published = request.source.published;
  if (published && laterThan(incident.date, published))
    return { ok: false, error: localize('recordIncidentAfterArticle', [incident.date, published]) };
  if (laterThan(incident.date, today))
    return { ok: false, error: localize('recordIncidentInFuture', incident.date) };

  const actor = resolveEntity(pack, request.item.actor, known, ids);
  if ('error' in actor) return { ok: false, error: actor.error };
  const actorName = actor.name;

  // Said before? In My pack, or by another pack.
  const item = request.item;
  const mineSame =
    item.kind === 'claim'
      ? incident.claims.find((c) => c.claimant === actor.id && c.stance === item.stance)
      : incident.statements.find((s) => s.speaker === actor.id && s.stance === item.stance);
  const knownIncident = known.incidents.get(incident.id);
  const knownSame = knownIncident
    ? item.kind === 'claim'
      ? knownIncident.claims.find(
          (c) => c.claimant === actor.id && c.stance === item.stance && othersSaid(c.packs, known),
        )
      : knownIncident.statements.find(
          (s) => s.speaker === actor.id && s.stance === item.stance && othersSaid(s.packs, known),
        )
    : undefined;
  const duplicate: Duplicate | undefined = mineSame
    ? {
        where: 'mine',
        text: 'summary' in mineSame ? mineSame.summary : mineSame.paraphrase,
        sources: mineSame.sources.length,
      }
    : knownSame
      ? {
          where: 'known',
          text: 'summary' in knownSame ? knownSame.summary : knownSame.paraphrase,
          sources: knownSame.sources.length,
        }
      : undefined;
  if (duplicate && !request.asSecondSource)
    return { ok: false, error: localize('recordDuplicate', actorName), duplicate };

  // The source and its passage.
  const sourceId = ids.source();
  pack.sources.push({
    id: sourceId,
    publisher: request.source.publisher.trim(),
    title: request.source.title.trim(),
    url: request.source.url,
    ...(published ? { published } : {}),
    accessed: request.source.accessed,
    kind: 'news',
  });
  passages[sourceId] = { url: request.passage.url, selectors: request.passage.selectors, recordedAt: now };

  let key = sourceId;
  if (mineSame) {
    mineSame.sources.push(sourceId);
    key = mineSame.sources[0]!;
  } else if (item.kind === 'claim') {
    const channel = item.channel ? resolveEntity(pack, item.channel, known, ids) : undefined;
    if (channel && 'error' in channel) return { ok: false, error: channel.error };
    const claim: Claim = {
      claimant: actor.id,
      stance: item.stance,
      summary: item.text?.trim() || claimSentence(item.stance, actorName, request.source.publisher),
      sources: [sourceId],
    };
    // Said by another pack too: the same date, so that cards show one claim with both packs' sources.
    const date = knownSame?.date;
    if (date) claim.date = date;
    if (channel) claim.channel = channel.id;
    if (item.mode) claim.mode = item.mode;
    incident.claims.push(claim);
  } else {
    const attributed: string[] = [];
    for (const choice of item.attributedTo ?? []) {
      const entity = resolveEntity(pack, choice, known, ids);
      if ('error' in entity) return { ok: false, error: entity.error };
      attributed.push(entity.id);
    }
    const statement: Statement = {
      speaker: actor.id,
      stance: item.stance,
      paraphrase:
        item.text?.trim() ||
        statementSentence(
          item.stance,
          actorName,
          attributed.map((id) => nameIn(pack, known, id)),
          request.source.publisher,
        ),
      sources: [sourceId],
    };
    const date = knownSame?.date;
    if (date) statement.date = date;
    if (attributed.length > 0) statement.attributedTo = attributed;
    if (item.role?.trim()) statement.role = item.role.trim();
    incident.statements.push(statement);
  }

  pack.updated = today;
  pack.version = nextVersion(pack.version);
  const checked = validatePack(pack);
  if (!checked.ok)
    return {
      ok: false,
      error: localize('recordInvalid'),
      problems: checked.problems.slice(0, 20).map((p) => `${p.path}: ${p.message}`),
    };
  return {
    ok: true,
    state: { ...state, pack: checked.pack, passages },
    key,
    incidentId: incident.id,
    secondSource: !!duplicate,
  };
}

/** Whether a pack other than My pack said it. */
function othersSaid(packs: readonly string[], known: Known): boolean {
  return packs.some((p) => p !== known.mineLabel);
}

/** Whether date `a` is after date `b`, compared at the precision both have ("2017-11" is not after "2017-11-19"). */
export function laterThan(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) > b.slice(0, n);
}

function resolveIncident(
  pack: KnowledgePack,
  choice: IncidentChoice,
  known: Known,
  ids: IdMaker,
  source: SourceDraft,
): Incident | { error: string } {
  if ('id' in choice) {
    const mine = pack.incidents.find((i) => i.id === choice.id);
    if (mine) return mine;
    const other = known.incidents.get(choice.id);
    if (!other || !ids.valid(choice.id)) return { error: localize('recordUnknownIncident') };
    const place = resolveEntity(pack, { id: other.place }, known, ids);
    if ('error' in place) return place;
    const copy: Incident = {
      id: other.id,
      name: other.name,
      date: other.date,
      place: place.id,
      summary: other.summary,
      claims: [],
      statements: [],
    };
    pack.incidents.push(copy);
    return copy;
  }
  const fresh = choice.new;
  const name = fresh.name.trim();
  if (!name) return { error: localize('recordIncidentNameNeeded') };
  if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(fresh.date.trim()))
    return { error: localize('recordIncidentDateNeeded') };
  const placeChoice: EntityChoice =
    'new' in fresh.place ? { new: { ...fresh.place.new, kind: 'place' } } : fresh.place;
  const place = resolveEntity(pack, placeChoice, known, ids);
  if ('error' in place) return place;
  if (place.kind !== 'place') return { error: localize('recordNotAPlace', place.name) };
  const date = fresh.date.trim();
  const incident: Incident = {
    id: ids.fresh(`incident-${slug(name)}-${date.slice(0, 4)}`),
    name,
    date,
    place: place.id,
    summary:
      fresh.summary?.trim() || localize('recordIncidentSummary', [name, date, place.name, source.publisher]),
    claims: [],
    statements: [],
  };
  if (fresh.kind) incident.kinds = [fresh.kind];
  pack.incidents.push(incident);
  return incident;
}

function resolveEntity(
  pack: KnowledgePack,
  choice: EntityChoice,
  known: Known,
  ids: IdMaker,
): Entity | { error: string } {
  if ('id' in choice) {
    const mine = pack.entities.find((e) => e.id === choice.id);
    if (mine) return mine;
    const other = known.entities.get(choice.id);
    if (!other || !ids.valid(choice.id)) return { error: localize('recordUnknownEntity') };
    const copy: Entity = { id: other.id, kind: other.kind, name: other.name };
    if (other.placeType) copy.placeType = other.placeType;
    if (other.wikidata) copy.wikidata = other.wikidata;
    pack.entities.push(copy);
    return copy;
  }
  const name = choice.new.name.trim();
  if (!name) return { error: localize('recordEntityNameNeeded') };
  // A new entity that My pack already has under this name and kind is that one.
  const same = pack.entities.find((e) => e.kind === choice.new.kind && foldText(e.name) === foldText(name));
  if (same) return same;
  const entity: Entity = { id: ids.fresh(`${choice.new.kind}-${slug(name)}`), kind: choice.new.kind, name };
  if (choice.new.kind === 'place' && choice.new.placeType) entity.placeType = choice.new.placeType;
  pack.entities.push(entity);
  return entity;
}

function nameIn(pack: KnowledgePack, known: Known, id: string): string {
  return pack.entities.find((e) => e.id === id)?.name ?? known.entities.get(id)?.name ?? id;
}

/** Ids for new items: unique in My pack and among the known packs' ids. */
class IdMaker {
  private readonly taken = new Set<string>();
  constructor(pack: KnowledgePack, known: Known) {
    for (const list of [pack.sources, pack.entities, pack.incidents])
      for (const x of list) this.taken.add(x.id);
    for (const id of known.entities.keys()) this.taken.add(id);
    for (const id of known.incidents.keys()) this.taken.add(id);
  }
  /** A pack id can hold it (merged ids of items kept apart, "id~pack", cannot be copied). */
  valid(id: string): boolean {
    return /^[a-z0-9][a-z0-9._-]{0,127}$/.test(id);
  }
  fresh(base: string): string {
    const stem = base.slice(0, ID_MAX);
    let id = stem;
    for (let n = 2; this.taken.has(id); n++) id = `${stem}-${n}`;
    this.taken.add(id);
    return id;
  }
  source(): string {
    return this.fresh(`src-mine-${this.count()}`);
  }
  private count(): number {
    return [...this.taken].filter((id) => id.startsWith('src-mine-')).length + 1;
  }
}

/** Lower-case Latin letters and digits joined by hyphens; "x" when the name has none (another script). */
export function slug(name: string): string {
  const ascii = foldText(name.normalize('NFKD').replace(/[\u0300-\u036f]/g, ''))
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return ascii || 'x';
}

function claimSentence(stance: ClaimStance, claimant: string, publisher: string): string {
  const key = (
    { claimed: 'recordClaimClaimed', retracted: 'recordClaimRetracted', denied: 'recordClaimDenied' } as const
  )[stance];
  return localize(key, [claimant, publisher]);
}

function statementSentence(
  stance: StatementStance,
  speaker: string,
  attributed: string[],
  publisher: string,
): string {
  if (stance === 'attributes-to')
    return localize('recordStatementAttributes', [speaker, attributed.join(', '), publisher]);
  const key = (
    {
      denies: 'recordStatementDenies',
      disputes: 'recordStatementDisputes',
      unverified: 'recordStatementUnverified',
      confirms: 'recordStatementConfirms',
    } as const
  )[stance];
  return localize(key, [speaker, publisher]);
}
