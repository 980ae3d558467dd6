/** Checks a record request as it reaches the background (lib/message-guards.ts): bounded, of known kinds only. */
import {
  CLAIM_MODES,
  CLAIM_STANCES,
  ENTITY_KINDS,
  EVENT_KINDS,
  PLACE_TYPES,
  STATEMENT_STANCES,
} from '../knowledge/pack-types';
import { isSelectors } from '../notes/selectors-guard';
import type { EntityChoice, IncidentChoice, RecordRequest } from './record';

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const optStr = (v: unknown, max: number) => v === undefined || isStr(v, max);
const oneOf = (v: unknown, values: readonly string[]) => typeof v === 'string' && values.includes(v);
const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

const isChoice = (v: unknown): v is EntityChoice =>
  isObj(v) &&
  (('id' in v && isStr(v.id, 200) && Object.keys(v).length === 1) ||
    ('new' in v &&
      Object.keys(v).length === 1 &&
      isObj(v.new) &&
      isStr(v.new.name, 200) &&
      oneOf(v.new.kind, ENTITY_KINDS) &&
      (v.new.placeType === undefined || oneOf(v.new.placeType, PLACE_TYPES))));

const isIncident = (v: unknown): v is IncidentChoice =>
  isObj(v) &&
  (('id' in v && isStr(v.id, 200)) ||
    ('new' in v &&
      isObj(v.new) &&
      isStr(v.new.name, 200) &&
      isStr(v.new.date, 10) &&
      isChoice(v.new.place) &&
      (v.new.kind === undefined || oneOf(v.new.kind, EVENT_KINDS)) &&
      optStr(v.new.summary, 2000)));

export function isRecordRequest(d: unknown): d is RecordRequest {
  if (!isObj(d) || !isObj(d.item) || !isObj(d.source) || !isObj(d.passage)) return false;
  const item = d.item;
  const itemOk =
    item.kind === 'claim'
      ? oneOf(item.stance, CLAIM_STANCES) &&
        (item.channel === undefined || isChoice(item.channel)) &&
        (item.mode === undefined || oneOf(item.mode, CLAIM_MODES))
      : item.kind === 'statement' &&
        oneOf(item.stance, STATEMENT_STANCES) &&
        (item.attributedTo === undefined ||
          (Array.isArray(item.attributedTo) &&
            item.attributedTo.length <= 20 &&
            item.attributedTo.every(isChoice))) &&
        optStr(item.role, 200);
  const source = d.source;
  return (
    itemOk &&
    isChoice(item.actor) &&
    optStr(item.text, 2000) &&
    isIncident(d.incident) &&
    isStr(source.url, 8192) &&
    isStr(source.publisher, 1000) &&
    isStr(source.title, 1000) &&
    (source.published === undefined || (isStr(source.published, 10) && DATE.test(source.published))) &&
    isStr(source.accessed, 10) &&
    DATE.test(source.accessed) &&
    isStr(d.passage.url, 8192) &&
    isSelectors(d.passage.selectors) &&
    (d.asSecondSource === undefined || typeof d.asSecondSource === 'boolean')
  );
}
