/**
 * Runtime validation of a knowledge pack: every problem reported with its path
 * ("incidents[3].claims[0].sources[0]: unknown source \"src-x\""), nothing thrown, nothing fixed silently.
 */
import {
  ALIAS_KINDS,
  CLAIM_MODES,
  CLAIM_STANCES,
  ENTITY_KINDS,
  EVENT_KINDS,
  FORMAT_VERSIONS,
  PLACE_TYPES,
  RELATION_TYPES,
  SOURCE_KINDS,
  STATEMENT_STANCES,
  type EntityKind,
  type KnowledgePack,
} from './pack-types';
import { foldText } from '../matching/normalise';
import { aliasHygieneProblems } from './alias-hygiene';

export interface PackProblem {
  path: string;
  message: string;
}

export type PackValidation = { ok: true; pack: KnowledgePack } | { ok: false; problems: PackProblem[] };

type Json = unknown;
type Obj = Record<string, Json>;

const DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
const ID = /^[a-z0-9][a-z0-9._-]{0,127}$/;
const WIKIDATA = /^Q[1-9]\d*$/;

/** Formats problems one a line, as the CLI and the options page print them. */
export function formatProblems(problems: readonly PackProblem[]): string {
  return problems.map((p) => `${p.path || '(pack)'}: ${p.message}`).join('\n');
}

export function validatePack(input: Json): PackValidation {
  const problems: PackProblem[] = [];
  const report = (path: string, message: string) => problems.push({ path, message });

  const isObj = (v: Json): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

  /** Checks the keys of an object: required present, nothing unknown. Returns false if not an object. */
  const shape = (v: Json, path: string, required: string[], optional: string[]): v is Obj => {
    if (!isObj(v)) {
      report(path, `expected an object, got ${describe(v)}`);
      return false;
    }
    for (const key of required) if (!(key in v)) report(join(path, key), 'is required');
    const known = new Set([...required, ...optional]);
    for (const key of Object.keys(v)) if (!known.has(key)) report(join(path, key), 'unknown field');
    return true;
  };
  const text = (v: Json, path: string, opts: { optional?: boolean; max?: number } = {}) => {
    if (v === undefined && opts.optional) return;
    if (typeof v !== 'string' || v.trim() === '') report(path, 'expected a non-empty string');
    else if (v.length > (opts.max ?? 5000)) report(path, `longer than ${opts.max ?? 5000} characters`);
  };
  const date = (v: Json, path: string, optional = true) => {
    if (v === undefined && optional) return;
    if (typeof v !== 'string' || !DATE.test(v))
      report(path, `expected a date YYYY, YYYY-MM or YYYY-MM-DD, got ${describe(v)}`);
  };
  const oneOf = (v: Json, path: string, values: readonly string[], optional = false) => {
    if (v === undefined && optional) return;
    if (typeof v !== 'string' || !values.includes(v))
      report(path, `expected one of ${values.join(', ')}, got ${describe(v)}`);
  };
  const bool = (v: Json, path: string) => {
    if (v !== undefined && typeof v !== 'boolean') report(path, 'expected true or false');
  };
  const list = (v: Json, path: string, optional = false): Json[] => {
    if (v === undefined && optional) return [];
    if (!Array.isArray(v)) {
      report(path, `expected a list, got ${describe(v)}`);
      return [];
    }
    return v;
  };
  const url = (v: Json, path: string) => {
    if (typeof v !== 'string') return report(path, 'expected a URL');
    try {
      const parsed = new URL(v);
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
        report(path, 'only http(s) URLs are allowed');
    } catch {
      report(path, `not a URL: ${describe(v)}`);
    }
  };

  if (
    !shape(
      input,
      '',
      ['format', 'formatVersion', 'id', 'name', 'version', 'updated', 'sources', 'entities', 'incidents'],
      ['description', 'license', 'homepage', 'statements'],
    )
  ) {
    return { ok: false, problems };
  }
  const pack = input;
  if (pack.format !== 'claimlens-pack') report('format', 'expected "claimlens-pack"');
  if (!(FORMAT_VERSIONS as readonly unknown[]).includes(pack.formatVersion))
    report(
      'formatVersion',
      `this version of ClaimLens reads formats ${FORMAT_VERSIONS.join(' and ')}, got ${describe(pack.formatVersion)}`,
    );
  // Fields of format 2 are unknown fields in a pack that says it is format 1.
  const v2 = pack.formatVersion === 2;
  const since2 = (fields: string[]) => (v2 ? fields : []);
  if (typeof pack.id !== 'string' || !ID.test(pack.id))
    report('id', 'expected an id of lower-case letters, digits, ".", "_" and "-"');
  text(pack.name, 'name', { max: 200 });
  if (typeof pack.version !== 'string' || !/^\d+\.\d+\.\d+/.test(pack.version))
    report('version', 'expected a semantic version such as 1.0.0');
  date(pack.updated, 'updated', false);
  text(pack.description, 'description', { optional: true });
  text(pack.license, 'license', { optional: true, max: 200 });
  if (pack.homepage !== undefined) url(pack.homepage, 'homepage');

  // Ids first, so that references can be checked whatever the order.
  const sourceIds = new Set<string>();
  const entityKinds = new Map<string, EntityKind>();
  const incidentIds = new Set<string>();
  const claimId = (v: Json, path: string, seen: Set<string>) => {
    if (typeof v !== 'string' || !ID.test(v))
      report(join(path, 'id'), 'expected an id of lower-case letters, digits, ".", "_" and "-"');
    else if (seen.has(v)) report(join(path, 'id'), `duplicate id "${v}"`);
    else {
      seen.add(v);
      return v;
    }
    return undefined;
  };
  const sources = list(pack.sources, 'sources');
  const entities = list(pack.entities, 'entities');
  const incidents = list(pack.incidents, 'incidents');
  const statements = list(pack.statements, 'statements', true);
  const allIds = new Set<string>();
  sources.forEach(
    (s, i) => isObj(s) && claimId(s.id, `sources[${i}]`, allIds) && sourceIds.add(s.id as string),
  );
  entities.forEach((e, i) => {
    if (
      isObj(e) &&
      claimId(e.id, `entities[${i}]`, allIds) &&
      typeof e.kind === 'string' &&
      (ENTITY_KINDS as string[]).includes(e.kind)
    )
      entityKinds.set(e.id as string, e.kind as EntityKind);
  });
  incidents.forEach(
    (inc, i) => isObj(inc) && claimId(inc.id, `incidents[${i}]`, allIds) && incidentIds.add(inc.id as string),
  );

  const sourceRefs = (v: Json, path: string, required: boolean) => {
    const refs = list(v, path, !required);
    if (required && Array.isArray(v) && refs.length === 0) report(path, 'needs at least one source');
    refs.forEach((ref, i) => {
      if (typeof ref !== 'string' || !sourceIds.has(ref))
        report(`${path}[${i}]`, `unknown source ${describe(ref)}`);
    });
  };
  const entityRef = (v: Json, path: string, kinds: readonly EntityKind[], optional = false) => {
    if (v === undefined && optional) return;
    const kind = typeof v === 'string' ? entityKinds.get(v) : undefined;
    if (kind === undefined) report(path, `unknown entity ${describe(v)}`);
    else if (!kinds.includes(kind))
      report(path, `entity "${String(v)}" is a ${kind}, expected ${kinds.join(' or ')}`);
  };
  const aliases = (v: Json, path: string) => {
    list(v, path, true).forEach((alias, i) => {
      const at = `${path}[${i}]`;
      if (typeof alias === 'string') {
        if (foldText(alias) === '') report(at, 'alias has no letters or digits');
        return;
      }
      if (!shape(alias, at, ['text'], ['lang', 'kind', 'caseSensitive', 'needsContext', 'from', 'until']))
        return;
      text(alias.text, join(at, 'text'), { max: 200 });
      if (typeof alias.text === 'string' && foldText(alias.text) === '')
        report(join(at, 'text'), 'alias has no letters or digits');
      if (
        alias.lang !== undefined &&
        (typeof alias.lang !== 'string' || !/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(alias.lang))
      )
        report(join(at, 'lang'), 'expected a BCP 47 language tag such as "en" or "ur"');
      oneOf(alias.kind, join(at, 'kind'), ALIAS_KINDS, true);
      bool(alias.caseSensitive, join(at, 'caseSensitive'));
      bool(alias.needsContext, join(at, 'needsContext'));
      date(alias.from, join(at, 'from'));
      date(alias.until, join(at, 'until'));
    });
  };
  const SPEAKERS: EntityKind[] = ['person', 'organization', 'group', 'media'];
  const statement = (v: Json, path: string, aboutRequired: boolean) => {
    const required = ['speaker', 'stance', 'paraphrase', 'sources', ...(aboutRequired ? ['about'] : [])];
    if (
      !shape(v, path, required, ['onBehalfOf', 'role', 'date', 'about', 'attributedTo', 'quote', 'uncertain'])
    )
      return;
    entityRef(v.speaker, join(path, 'speaker'), SPEAKERS);
    entityRef(v.onBehalfOf, join(path, 'onBehalfOf'), ['organization', 'group', 'media'], true);
    text(v.role, join(path, 'role'), { optional: true, max: 200 });
    date(v.date, join(path, 'date'));
    oneOf(v.stance, join(path, 'stance'), STATEMENT_STANCES);
    entityRef(v.about, join(path, 'about'), ENTITY_KINDS, !aboutRequired);
    const attributed = list(v.attributedTo, join(path, 'attributedTo'), true);
    attributed.forEach((a, i) => entityRef(a, `${join(path, 'attributedTo')}[${i}]`, ENTITY_KINDS));
    if (v.stance === 'attributes-to' && attributed.length === 0)
      report(join(path, 'attributedTo'), 'stance "attributes-to" needs the entities named');
    text(v.quote, join(path, 'quote'), { optional: true, max: 400 });
    text(v.paraphrase, join(path, 'paraphrase'), { max: 1000 });
    bool(v.uncertain, join(path, 'uncertain'));
    sourceRefs(v.sources, join(path, 'sources'), true);
  };

  sources.forEach((s, i) => {
    const path = `sources[${i}]`;
    if (!shape(s, path, ['id', 'publisher', 'title', 'url'], ['published', 'accessed', ...since2(['kind'])]))
      return;
    oneOf(s.kind, join(path, 'kind'), SOURCE_KINDS, true);
    text(s.publisher, join(path, 'publisher'), { max: 200 });
    text(s.title, join(path, 'title'), { max: 500 });
    url(s.url, join(path, 'url'));
    date(s.published, join(path, 'published'));
    date(s.accessed, join(path, 'accessed'));
  });

  entities.forEach((e, i) => {
    const path = `entities[${i}]`;
    if (
      !shape(
        e,
        path,
        ['id', 'kind', 'name'],
        ['aliases', 'description', 'relations', 'wikidata', 'sources', ...since2(['placeType'])],
      )
    )
      return;
    oneOf(e.placeType, join(path, 'placeType'), PLACE_TYPES, true);
    if (e.placeType !== undefined && e.kind !== 'place')
      report(join(path, 'placeType'), 'only a place has a place type');
    oneOf(e.kind, join(path, 'kind'), ENTITY_KINDS);
    text(e.name, join(path, 'name'), { max: 200 });
    aliases(e.aliases, join(path, 'aliases'));
    text(e.description, join(path, 'description'), { optional: true, max: 1000 });
    if (e.wikidata !== undefined && (typeof e.wikidata !== 'string' || !WIKIDATA.test(e.wikidata)))
      report(join(path, 'wikidata'), 'expected a Wikidata item id such as Q123');
    sourceRefs(e.sources, join(path, 'sources'), false);
    list(e.relations, join(path, 'relations'), true).forEach((r, j) => {
      const rp = `${join(path, 'relations')}[${j}]`;
      if (!shape(r, rp, ['type', 'target'], ['from', 'until', 'uncertain', 'note', 'sources'])) return;
      oneOf(r.type, join(rp, 'type'), RELATION_TYPES);
      entityRef(r.target, join(rp, 'target'), ENTITY_KINDS);
      if (r.target === e.id) report(join(rp, 'target'), 'an entity cannot relate to itself');
      date(r.from, join(rp, 'from'));
      date(r.until, join(rp, 'until'));
      bool(r.uncertain, join(rp, 'uncertain'));
      text(r.note, join(rp, 'note'), { optional: true, max: 500 });
      sourceRefs(r.sources, join(rp, 'sources'), false);
    });
  });

  incidents.forEach((inc, i) => {
    const path = `incidents[${i}]`;
    if (
      !shape(
        inc,
        path,
        ['id', 'name', 'date', 'place', 'summary', 'claims', 'statements'],
        [
          'aliases',
          'region',
          'eventWords',
          'tolls',
          'caveats',
          'sources',
          ...since2(['kinds', 'sites', 'targets', 'keywords']),
        ],
      )
    )
      return;
    list(inc.kinds, join(path, 'kinds'), true).forEach((k, j) =>
      oneOf(k, `${join(path, 'kinds')}[${j}]`, EVENT_KINDS),
    );
    list(inc.sites, join(path, 'sites'), true).forEach((r, j) =>
      entityRef(r, `${join(path, 'sites')}[${j}]`, ['place']),
    );
    for (const field of ['targets', 'keywords'] as const)
      list(inc[field], join(path, field), true).forEach((w, j) => {
        text(w, `${join(path, field)}[${j}]`, { max: 60 });
        if (typeof w === 'string' && foldText(w) === '')
          report(`${join(path, field)}[${j}]`, 'has no letters or digits');
      });
    text(inc.name, join(path, 'name'), { max: 200 });
    aliases(inc.aliases, join(path, 'aliases'));
    date(inc.date, join(path, 'date'), false);
    entityRef(inc.place, join(path, 'place'), ['place']);
    list(inc.region, join(path, 'region'), true).forEach((r, j) =>
      entityRef(r, `${join(path, 'region')}[${j}]`, ['place']),
    );
    list(inc.eventWords, join(path, 'eventWords'), true).forEach((w, j) =>
      text(w, `${join(path, 'eventWords')}[${j}]`, { max: 60 }),
    );
    text(inc.summary, join(path, 'summary'), { max: 2000 });
    list(inc.caveats, join(path, 'caveats'), true).forEach((c, j) =>
      text(c, `${join(path, 'caveats')}[${j}]`, { max: 1000 }),
    );
    sourceRefs(inc.sources, join(path, 'sources'), false);
    list(inc.tolls, join(path, 'tolls'), true).forEach((t, j) => {
      const tp = `${join(path, 'tolls')}[${j}]`;
      if (
        !shape(
          t,
          tp,
          ['kind', 'count', 'asOf', 'sources'],
          ['countMax', 'qualifier', 'who', 'uncertain', 'note'],
        )
      )
        return;
      oneOf(t.kind, join(tp, 'kind'), ['killed', 'injured', 'missing', 'abducted']);
      if (!Number.isInteger(t.count) || (t.count as number) < 0)
        report(join(tp, 'count'), 'expected a whole number');
      if (
        t.countMax !== undefined &&
        (!Number.isInteger(t.countMax) || (t.countMax as number) < (t.count as number))
      )
        report(join(tp, 'countMax'), 'expected a whole number not below count');
      oneOf(t.qualifier, join(tp, 'qualifier'), ['exact', 'at-least', 'about', 'up-to'], true);
      text(t.who, join(tp, 'who'), { optional: true, max: 200 });
      date(t.asOf, join(tp, 'asOf'), false);
      bool(t.uncertain, join(tp, 'uncertain'));
      text(t.note, join(tp, 'note'), { optional: true, max: 500 });
      sourceRefs(t.sources, join(tp, 'sources'), true);
    });
    list(inc.claims, join(path, 'claims')).forEach((c, j) => {
      const cp = `${join(path, 'claims')}[${j}]`;
      if (
        !shape(c, cp, ['claimant', 'stance', 'summary', 'sources'], ['channel', 'mode', 'date', 'uncertain'])
      )
        return;
      entityRef(c.claimant, join(cp, 'claimant'), ['group', 'media', 'organization', 'person']);
      entityRef(c.channel, join(cp, 'channel'), ['media', 'group', 'organization', 'person'], true);
      oneOf(c.mode, join(cp, 'mode'), CLAIM_MODES, true);
      date(c.date, join(cp, 'date'));
      oneOf(c.stance, join(cp, 'stance'), CLAIM_STANCES);
      text(c.summary, join(cp, 'summary'), { max: 1000 });
      bool(c.uncertain, join(cp, 'uncertain'));
      sourceRefs(c.sources, join(cp, 'sources'), true);
    });
    list(inc.statements, join(path, 'statements')).forEach((s, j) =>
      statement(s, `${join(path, 'statements')}[${j}]`, false),
    );
  });

  statements.forEach((s, i) => statement(s, `statements[${i}]`, true));
  // Aliases that would mark every page, and packs too large to compile: alias-hygiene.ts.
  problems.push(...aliasHygieneProblems(input));

  return problems.length === 0
    ? { ok: true, pack: input as unknown as KnowledgePack }
    : { ok: false, problems };
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return JSON.stringify(v.length > 60 ? `${v.slice(0, 57)}...` : v);
  if (typeof v === 'object') return 'an object';
  return String(v);
}
