/**
 * My pack in the reader's backup (lib/backup.ts, lib/data-controls.ts), pure: its part of the file is
 * read and checked like any pack (the same validator, under My pack's own id) with the passages its
 * sources were recorded from; restoring it adds what the profile's My pack lacks and keeps what the
 * profile already recorded (the same claim or statement becomes one item with the sources of both).
 */
import type { KnowledgePack, Source } from '../knowledge/pack-types';
import { validatePack } from '../knowledge/pack-validator';
import { ErrorList, isRecord, kindOf } from '../notes/exchange/note-validation';
import { localize } from '../reader-messages';
import { MY_PACK_ID, hasRecords, nextVersion, type MyPackState, type Passage } from './my-pack';
import { isSelectors } from '../notes/selectors-guard';

const MAX_LISTED_PROBLEMS = 20;

/** My pack as a backup keeps it; absent (nothing recorded) it is left out of the file. */
export function myPackPart(state: MyPackState): MyPackState | undefined {
  return hasRecords(state) ? state : undefined;
}

/** How many claims and statements My pack holds. */
export function recordedCount(state: MyPackState): number {
  return state.pack.incidents.reduce((n, i) => n + i.claims.length + i.statements.length, 0);
}

/**
 * Reads the `myPack` part of a backup: the pack (validated, under My pack's id, within `maxPackBytes`),
 * each passage (of one of its sources, an http(s) page, selectors as a note's) and the published name.
 * Every problem is added to `errors` with its path; undefined when there is one.
 */
export function readMyPackPart(
  value: unknown,
  errors: ErrorList,
  maxPackBytes: number,
  tooLarge: string,
): MyPackState | undefined {
  const path = 'myPack';
  if (!isRecord(value)) {
    errors.add(path, `expected an object, got ${kindOf(value)}`);
    return undefined;
  }
  const before = errors.size;
  let pack: KnowledgePack | undefined;
  if (JSON.stringify(value.pack ?? null).length > maxPackBytes) errors.add(`${path}.pack`, tooLarge);
  else {
    const result = validatePack(value.pack);
    if (!result.ok)
      for (const problem of result.problems.slice(0, MAX_LISTED_PROBLEMS))
        errors.add(problem.path ? `${path}.pack.${problem.path}` : `${path}.pack`, problem.message);
    else if (result.pack.id !== MY_PACK_ID)
      errors.add(`${path}.pack.id`, localize('backupMyPackId', MY_PACK_ID));
    else pack = result.pack;
  }

  const passages: Record<string, Passage> = {};
  if (!isRecord(value.passages))
    errors.add(`${path}.passages`, `expected an object, got ${kindOf(value.passages)}`);
  else
    for (const [id, given] of Object.entries(value.passages)) {
      const at = `${path}.passages.${id}`;
      const passage = readPassage(given);
      if (!passage) errors.add(at, localize('backupMyPackPassage'));
      else if (pack && !pack.sources.some((s) => s.id === id))
        errors.add(at, localize('backupMyPackPassageSource'));
      else passages[id] = passage;
    }

  let published: MyPackState['published'];
  if (value.published !== undefined) {
    const p = value.published;
    if (
      !isRecord(p) ||
      typeof p.id !== 'string' ||
      typeof p.name !== 'string' ||
      p.id === MY_PACK_ID ||
      !/^[a-z0-9][a-z0-9._-]{0,127}$/.test(p.id) ||
      p.name.length > 200
    )
      errors.add(`${path}.published`, localize('backupMyPackPublished'));
    else published = { id: p.id, name: p.name };
  }

  if (errors.size > before || !pack) return undefined;
  return { pack, passages, ...(published ? { published } : {}) };
}

function readPassage(value: unknown): Passage | undefined {
  if (!isRecord(value) || typeof value.url !== 'string' || value.url.length > 8192) return undefined;
  if (!/^https?:\/\//i.test(value.url) || !isSelectors(value.selectors)) return undefined;
  if (typeof value.recordedAt !== 'number' || !Number.isFinite(value.recordedAt)) return undefined;
  if (value.noteId !== undefined && (typeof value.noteId !== 'string' || value.noteId.length > 200))
    return undefined;
  const { quote, position, range } = value.selectors;
  return {
    url: value.url,
    selectors: { quote, ...(position ? { position } : {}), ...(range ? { range } : {}) },
    recordedAt: value.recordedAt,
    ...(typeof value.noteId === 'string' ? { noteId: value.noteId } : {}),
  };
}

export type RestoreOutcome = { ok: true; state: MyPackState; added: number } | { ok: false; error: string };

/**
 * What restoring `incoming` into the profile's My pack gives: `incoming` itself where nothing was
 * recorded yet; otherwise the profile's pack with the items it lacks added (an item with the same
 * incident, claimant or speaker and stance as one it has is that item: the sources it lacks are added
 * to it). Checked by the pack validator; the states given are not changed.
 */
export function restoreMyPack(current: MyPackState, incoming: MyPackState, today: string): RestoreOutcome {
  if (!hasRecords(current))
    return {
      ok: true,
      state: { ...incoming, published: current.published ?? incoming.published },
      added: recordedCount(incoming),
    };
  const pack = structuredClone(current.pack);
  const passages = { ...current.passages };
  const sourceIds = new Set(pack.sources.map((s) => s.id));
  /** Incoming source id → the id it has in the profile's pack (the same source, or a new id). */
  const sourceFor = new Map<string, string>();
  const take = (id: string): string | undefined => {
    if (sourceFor.has(id)) return sourceFor.get(id);
    const source = incoming.pack.sources.find((s) => s.id === id);
    if (!source) return undefined;
    const same = pack.sources.find((s) => sameSource(s, source));
    let target = same?.id;
    if (!target) {
      target = source.id;
      for (let n = 2; sourceIds.has(target); n++) target = `${source.id}-${n}`;
      sourceIds.add(target);
      pack.sources.push({ ...source, id: target });
      const passage = incoming.passages[id];
      if (passage && !passages[target]) passages[target] = passage;
    }
    sourceFor.set(id, target);
    return target;
  };
  const entityIds = new Set(pack.entities.map((e) => e.id));
  for (const entity of incoming.pack.entities)
    if (!entityIds.has(entity.id)) {
      pack.entities.push(structuredClone(entity));
      entityIds.add(entity.id);
    }

  let added = 0;
  for (const theirs of incoming.pack.incidents) {
    let mine = pack.incidents.find((i) => i.id === theirs.id);
    if (!mine) {
      mine = { ...structuredClone(theirs), claims: [], statements: [] };
      pack.incidents.push(mine);
    }
    for (const claim of theirs.claims) {
      const sources = claim.sources.flatMap((id) => take(id) ?? []);
      const same = mine.claims.find((c) => c.claimant === claim.claimant && c.stance === claim.stance);
      if (same) same.sources.push(...sources.filter((id) => !same.sources.includes(id)));
      else {
        mine.claims.push({ ...structuredClone(claim), sources });
        added++;
      }
    }
    for (const statement of theirs.statements) {
      const sources = statement.sources.flatMap((id) => take(id) ?? []);
      const same = mine.statements.find(
        (s) => s.speaker === statement.speaker && s.stance === statement.stance,
      );
      if (same) same.sources.push(...sources.filter((id) => !same.sources.includes(id)));
      else {
        mine.statements.push({ ...structuredClone(statement), sources });
        added++;
      }
    }
  }
  pack.updated = today;
  pack.version = nextVersion(pack.version);
  const checked = validatePack(pack);
  if (!checked.ok)
    return {
      ok: false,
      error: `${localize('backupMyPackNotMerged')} ${checked.problems
        .slice(0, MAX_LISTED_PROBLEMS)
        .map((p) => `${p.path}: ${p.message}`)
        .join('; ')}`,
    };
  return { ok: true, state: { ...current, pack: checked.pack, passages }, added };
}

/** The same page cited the same way (ids aside). */
function sameSource(a: Source, b: Source): boolean {
  const { id: _a, ...restA } = a;
  const { id: _b, ...restB } = b;
  return (
    JSON.stringify(restA, Object.keys(restA).sort()) === JSON.stringify(restB, Object.keys(restB).sort())
  );
}
