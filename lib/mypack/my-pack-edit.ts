/**
 * Changing what the reader recorded (pure): an item's words or stance, deleting an item (its sources
 * and passages go with it; an incident or entity nothing refers to any more goes too), and the list
 * the options page browses: incidents with their claims and statements, each with its passages.
 */
import type { ClaimStance, KnowledgePack, Source, StatementStance } from '../knowledge/pack-types';
import { validatePack } from '../knowledge/pack-validator';
import { localize } from '../reader-messages';
import { nextVersion, type MyPackState, type Passage } from './my-pack';

export interface RecordedSource {
  source: Source;
  passage?: Passage;
}

export interface RecordedItem {
  /** Its first source's id: stays the same while it has that source. */
  key: string;
  kind: 'claim' | 'statement';
  /** Claimant or speaker. */
  actorId: string;
  actor: string;
  stance: ClaimStance | StatementStance;
  text: string;
  sources: RecordedSource[];
}

export interface RecordedIncident {
  id: string;
  name: string;
  date: string;
  place: string;
  items: RecordedItem[];
}

/** Incidents with their recorded claims and statements, newest incident date first. */
export function browseMyPack(state: MyPackState): RecordedIncident[] {
  const { pack, passages } = state;
  const entity = (id: string) => pack.entities.find((e) => e.id === id)?.name ?? id;
  const sources = (ids: readonly string[]): RecordedSource[] =>
    ids.flatMap((id) => {
      const source = pack.sources.find((s) => s.id === id);
      return source ? [{ source, passage: passages[id] }] : [];
    });
  return pack.incidents
    .map((incident) => ({
      id: incident.id,
      name: incident.name,
      date: incident.date,
      place: entity(incident.place),
      items: [
        ...incident.claims.map((c): RecordedItem => ({
          key: c.sources[0]!,
          kind: 'claim',
          actorId: c.claimant,
          actor: entity(c.claimant),
          stance: c.stance,
          text: c.summary,
          sources: sources(c.sources),
        })),
        ...incident.statements.map((s): RecordedItem => ({
          key: s.sources[0]!,
          kind: 'statement',
          actorId: s.speaker,
          actor: entity(s.speaker),
          stance: s.stance,
          text: s.paraphrase,
          sources: sources(s.sources),
        })),
      ],
    }))
    .filter((i) => i.items.length > 0)
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
}

export type EditOutcome = { ok: true; state: MyPackState } | { ok: false; error: string };

/** Changes an item's words (summary or paraphrase) and/or stance; validated like any change. */
export function editItem(
  state: MyPackState,
  key: string,
  change: { text?: string; stance?: string },
  today: string,
): EditOutcome {
  const pack = structuredClone(state.pack);
  const found = findItem(pack, key);
  if (!found) return { ok: false, error: localize('recordItemGone') };
  if (change.text !== undefined) {
    if (found.kind === 'claim') found.item.summary = change.text.trim();
    else found.item.paraphrase = change.text.trim();
  }
  if (change.stance !== undefined) (found.item as { stance: string }).stance = change.stance;
  return finish(state, pack, state.passages, today);
}

/** Deletes an item with its sources and passages, and whatever nothing refers to any more. */
export function deleteItem(state: MyPackState, key: string, today: string): EditOutcome {
  const pack = structuredClone(state.pack);
  const found = findItem(pack, key);
  if (!found) return { ok: false, error: localize('recordItemGone') };
  const gone = new Set(found.item.sources);
  if (found.kind === 'claim') found.incident.claims.splice(found.incident.claims.indexOf(found.item), 1);
  else found.incident.statements.splice(found.incident.statements.indexOf(found.item), 1);
  pack.incidents = pack.incidents.filter((i) => i.claims.length > 0 || i.statements.length > 0);
  pack.sources = pack.sources.filter((s) => !gone.has(s.id));
  pruneEntities(pack);
  const passages = Object.fromEntries(Object.entries(state.passages).filter(([id]) => !gone.has(id)));
  return finish(state, pack, passages, today);
}

function finish(
  state: MyPackState,
  pack: KnowledgePack,
  passages: MyPackState['passages'],
  today: string,
): EditOutcome {
  pack.updated = today;
  pack.version = nextVersion(pack.version);
  const checked = validatePack(pack);
  if (!checked.ok)
    return {
      ok: false,
      error: `${localize('recordInvalid')} ${checked.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`,
    };
  return { ok: true, state: { ...state, pack: checked.pack, passages } };
}

type Found =
  | {
      kind: 'claim';
      incident: KnowledgePack['incidents'][number];
      item: KnowledgePack['incidents'][number]['claims'][number];
    }
  | {
      kind: 'statement';
      incident: KnowledgePack['incidents'][number];
      item: KnowledgePack['incidents'][number]['statements'][number];
    };

function findItem(pack: KnowledgePack, key: string): Found | undefined {
  for (const incident of pack.incidents) {
    const claim = incident.claims.find((c) => c.sources[0] === key);
    if (claim) return { kind: 'claim', incident, item: claim };
    const statement = incident.statements.find((s) => s.sources[0] === key);
    if (statement) return { kind: 'statement', incident, item: statement };
  }
  return undefined;
}

/** Drops entities that no incident, claim, statement or relation of the pack refers to. */
function pruneEntities(pack: KnowledgePack): void {
  const used = new Set<string>();
  for (const i of pack.incidents) {
    used.add(i.place);
    for (const r of i.region ?? []) used.add(r);
    for (const s of i.sites ?? []) used.add(s);
    for (const c of i.claims) {
      used.add(c.claimant);
      if (c.channel) used.add(c.channel);
    }
    for (const s of i.statements) {
      used.add(s.speaker);
      for (const id of [s.onBehalfOf, s.about, ...(s.attributedTo ?? [])]) if (id) used.add(id);
    }
  }
  for (const e of pack.entities) for (const r of e.relations ?? []) used.add(r.target);
  pack.entities = pack.entities.filter((e) => used.has(e.id));
}
