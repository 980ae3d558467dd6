/** docs/pack.schema.json and the runtime validator agree: on the default pack, on the documented example, on broken packs. */
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { defaultPack } from '../../../lib/knowledge/default-pack';
import { formatProblems, validatePack } from '../../../lib/knowledge/pack-validator';
import {
  ALIAS_KINDS,
  CLAIM_MODES,
  CLAIM_STANCES,
  ENTITY_KINDS,
  RELATION_TYPES,
  STATEMENT_STANCES,
  type KnowledgePack,
} from '../../../lib/knowledge/pack-types';
import { foldText } from '../../../lib/matching/normalise';

interface SchemaNode {
  type?: string;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: boolean;
  enum?: string[];
  pattern?: string;
}
interface PackSchema extends SchemaNode {
  $id: string;
  $defs: Record<string, SchemaNode>;
}

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const schema = JSON.parse(read('../../../docs/pack.schema.json')) as PackSchema;
const ajv = new Ajv2020({ allErrors: true });
const schemaAccepts = ajv.compile(schema);

/** The first ```json block of the format documentation: the example pack, fresh on every call. */
function examplePack(): KnowledgePack {
  const block = /^```json\n([\s\S]*?)^```$/m.exec(read('../../../docs/pack-format.md'));
  if (!block) throw new Error('docs/pack-format.md has no ```json block');
  return JSON.parse(block[1]!) as KnowledgePack;
}

function schemaErrors(pack: unknown): string[] {
  if (schemaAccepts(pack)) return [];
  return (schemaAccepts.errors ?? []).map((e) => `${e.instancePath || '(pack)'} ${e.message ?? ''}`);
}

function validatorProblems(pack: unknown): string[] {
  const result = validatePack(pack);
  return result.ok ? [] : formatProblems(result.problems).split('\n');
}

function mutated(mutate: (pack: KnowledgePack) => void): KnowledgePack {
  const pack = examplePack();
  mutate(pack);
  return JSON.parse(JSON.stringify(pack)) as KnowledgePack;
}

const incident = (p: KnowledgePack) => p.incidents[0]!;
const claim = (p: KnowledgePack) => incident(p).claims[0]!;
const statement = (p: KnowledgePack) => incident(p).statements[0]!;
const toll = (p: KnowledgePack) => incident(p).tolls![0]!;
const group = (p: KnowledgePack) => p.entities[0]!;
const withRelation = (p: KnowledgePack) => p.entities.find((e) => e.relations?.length)!;

describe('the pack JSON Schema', () => {
  it('is a valid draft 2020-12 schema', () => {
    expect(ajv.validateSchema(schema)).toBe(true);
  });

  it('accepts the default pack, which the validator accepts too', () => {
    const pack = defaultPack();
    expect(validatorProblems(pack)).toEqual([]);
    expect(schemaErrors(pack)).toEqual([]);
  });

  it('accepts the example pack of docs/pack-format.md, which the validator accepts too', () => {
    expect(validatorProblems(examplePack())).toEqual([]);
    expect(schemaErrors(examplePack())).toEqual([]);
  });

  it('refuses unknown fields in every object, as the validator does', () => {
    for (const [name, node] of Object.entries(schema.$defs))
      if (node.type === 'object' && node.properties)
        expect([name, node.additionalProperties]).toEqual([name, false]);
    expect(schema.additionalProperties).toBe(false);
  });

  it('lists the same enum values as pack-types.ts', () => {
    const $defs = schema.$defs;
    expect($defs.entity!.properties!.kind!.enum).toEqual(ENTITY_KINDS);
    expect($defs.relation!.properties!.type!.enum).toEqual(RELATION_TYPES);
    expect($defs.claim!.properties!.stance!.enum).toEqual(CLAIM_STANCES);
    expect($defs.claim!.properties!.mode!.enum).toEqual(CLAIM_MODES);
    expect($defs.statement!.properties!.stance!.enum).toEqual(STATEMENT_STANCES);
    expect($defs.aliasObject!.properties!.kind!.enum).toEqual(ALIAS_KINDS);
  });
});

describe('schema and validator reject the same broken packs', () => {
  const broken: [string, (p: KnowledgePack) => void][] = [
    ['an unknown top-level field', (p) => Object.assign(p, { $schema: './pack.schema.json' })],
    ['an unknown field on an entity', (p) => Object.assign(group(p), { nmae: 'typo' })],
    ['an unknown field on a claim', (p) => Object.assign(claim(p), { confidence: 0.9 })],
    [
      'an unknown field on a relation',
      (p) => Object.assign(withRelation(p).relations![0]!, { since: '2019' }),
    ],
    [
      'an alias with an unknown flag',
      (p) => group(p).aliases!.push({ text: 'OPF', ignoreCase: true } as never),
    ],
    ['a day-month-year date', (p) => (incident(p).date = '14/03/2024')],
    ['a thirteenth month', (p) => (incident(p).date = '2024-13')],
    ['a 32nd day', (p) => (p.sources[0]!.published = '2024-03-32')],
    ['a date with a time', (p) => (claim(p).date = '2024-03-15T10:00:00Z')],
    ['a toll without asOf', (p) => Reflect.deleteProperty(toll(p), 'asOf')],
    ['a javascript: URL', (p) => (p.sources[0]!.url = 'javascript:alert(1)')],
    ['a data: URL', (p) => (p.sources[0]!.url = 'data:text/html,<b>hi</b>')],
    ['an ftp: URL', (p) => (p.homepage = 'ftp://example.org/pack.json')],
    ['a URL without a scheme', (p) => (p.sources[0]!.url = 'example.org/news')],
    ['a claim without sources', (p) => Reflect.deleteProperty(claim(p), 'sources')],
    ['a claim with an empty source list', (p) => (claim(p).sources = [])],
    ['a statement with an empty source list', (p) => (statement(p).sources = [])],
    ['a toll with an empty source list', (p) => (toll(p).sources = [])],
    ['an unknown claim stance', (p) => (claim(p).stance = 'boasted' as never)],
    ['an unknown statement stance', (p) => (statement(p).stance = 'rejects' as never)],
    ['a claim stance used on a statement', (p) => (statement(p).stance = 'denied' as never)],
    ['formatVersion 3', (p) => (p.formatVersion = 3 as never)],
    ['formatVersion "1"', (p) => (p.formatVersion = '1' as never)],
    ['another format', (p) => (p.format = 'claimlens' as never)],
    ['a pack without incidents', (p) => Reflect.deleteProperty(p, 'incidents')],
    ['an id with capitals', (p) => (group(p).id = 'Group-Orvale')],
    ['an id starting with a hyphen', (p) => (p.id = '-example')],
    ['an id longer than 128 characters', (p) => (p.id = 'a'.repeat(129))],
    ['an unknown entity kind', (p) => (group(p).kind = 'army' as never)],
    ['an unknown relation type', (p) => (withRelation(p).relations![0]!.type = 'ally-of' as never)],
    ['an unknown claim mode', (p) => (claim(p).mode = 'fax' as never)],
    ['an unknown toll kind', (p) => (toll(p).kind = 'wounded' as never)],
    ['a negative toll', (p) => (toll(p).count = -1)],
    ['a fractional toll', (p) => (toll(p).count = 2.5)],
    ['a toll given as a string', (p) => (toll(p).count = '6' as never)],
    ['"attributes-to" without attributedTo', (p) => (statement(p).stance = 'attributes-to')],
    [
      '"attributes-to" with an empty attributedTo',
      (p) => Object.assign(statement(p), { stance: 'attributes-to', attributedTo: [] }),
    ],
    ['a statement about an entity without about', (p) => Reflect.deleteProperty(p.statements![0]!, 'about')],
    ['an alias with no letters or digits', (p) => group(p).aliases!.push('—')],
    ['an alias object with no letters or digits', (p) => group(p).aliases!.push({ text: '« ’ »' })],
    ['an alias with a bad language tag', (p) => group(p).aliases!.push({ text: 'Orvale', lang: 'English' })],
    [
      'a caseSensitive flag given as a string',
      (p) => group(p).aliases!.push({ text: 'OPF', caseSensitive: 'yes' as never }),
    ],
    ['a blank summary', (p) => (incident(p).summary = '   ')],
    ['an empty name', (p) => (group(p).name = '')],
    ['a Wikidata id without Q', (p) => (group(p).wikidata = '2429253')],
    ['a version that is not semantic', (p) => (p.version = 'v1')],
    ['claims that are not a list', (p) => (incident(p).claims = {} as never)],
  ];

  it.each(broken)('%s', (_name, mutate) => {
    const pack = mutated(mutate);
    expect(validatorProblems(pack)).not.toEqual([]);
    expect(schemaErrors(pack)).not.toEqual([]);
  });
});

describe('schema and validator accept the same variants', () => {
  const fine: [string, (p: KnowledgePack) => void][] = [
    ['a year-precision date', (p) => (incident(p).date = '2024')],
    ['a month-precision date', (p) => (incident(p).date = '2024-03')],
    ['an http URL', (p) => (p.sources[0]!.url = 'http://example.org/a?b=c#d')],
    ['a URL with a capitalised scheme', (p) => (p.sources[0]!.url = 'HTTPS://example.org/')],
    ['an alias in another script', (p) => group(p).aliases!.push({ text: 'جبهة أورفال', lang: 'ar' })],
    ['an alias with an astral character', (p) => group(p).aliases!.push('𝐎𝐏𝐅')],
    [
      'an incident without claims or statements',
      (p) => Object.assign(incident(p), { claims: [], statements: [] }),
    ],
    ['attributedTo with another stance', (p) => (statement(p).attributedTo = ['group-grey-hills-brigade'])],
    [
      'no optional top-level fields',
      (p) =>
        ['description', 'license', 'homepage', 'statements'].forEach((k) => Reflect.deleteProperty(p, k)),
    ],
    ['a pre-release version', (p) => (p.version = '2.0.0-rc.1')],
    ['a toll of zero', (p) => (toll(p).count = 0)],
  ];

  it.each(fine)('%s', (_name, mutate) => {
    const pack = mutated(mutate);
    expect(validatorProblems(pack)).toEqual([]);
    expect(schemaErrors(pack)).toEqual([]);
  });
});

describe('schema and validator share the length limits', () => {
  const limits: [string, number, (p: KnowledgePack, v: string) => void][] = [
    ['pack name', 200, (p, v) => (p.name = v)],
    ['pack description', 5000, (p, v) => (p.description = v)],
    ['pack license', 200, (p, v) => (p.license = v)],
    ['source publisher', 200, (p, v) => (p.sources[0]!.publisher = v)],
    ['source title', 500, (p, v) => (p.sources[0]!.title = v)],
    ['entity name', 200, (p, v) => (group(p).name = v)],
    ['entity description', 1000, (p, v) => (group(p).description = v)],
    ['alias text', 200, (p, v) => group(p).aliases!.push({ text: v })],
    ['relation note', 500, (p, v) => (withRelation(p).relations![0]!.note = v)],
    ['incident name', 200, (p, v) => (incident(p).name = v)],
    ['incident summary', 2000, (p, v) => (incident(p).summary = v)],
    ['event word', 60, (p, v) => (incident(p).eventWords = [v])],
    ['caveat', 1000, (p, v) => (incident(p).caveats = [v])],
    ['toll who', 200, (p, v) => (toll(p).who = v)],
    ['toll note', 500, (p, v) => (toll(p).note = v)],
    ['claim summary', 1000, (p, v) => (claim(p).summary = v)],
    ['statement role', 200, (p, v) => (statement(p).role = v)],
    ['statement quote', 400, (p, v) => (statement(p).quote = v)],
    ['statement paraphrase', 1000, (p, v) => (statement(p).paraphrase = v)],
  ];

  it.each(limits)('%s: at most %i characters', (_name, max, set) => {
    const atMax = mutated((p) => set(p, 'x'.repeat(max)));
    expect(validatorProblems(atMax)).toEqual([]);
    expect(schemaErrors(atMax)).toEqual([]);
    const over = mutated((p) => set(p, 'x'.repeat(max + 1)));
    expect(validatorProblems(over)).not.toEqual([]);
    expect(schemaErrors(over)).not.toEqual([]);
  });
});

describe('the schema patterns follow the code they stand for', () => {
  const def = (name: string) => ajv.getSchema(`${schema.$id}#/$defs/${name}`)!;

  it('an alias has a letter or digit exactly when foldText keeps something (every UTF-16 code unit)', () => {
    const matchable = def('matchable');
    const disagree: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const alias = String.fromCharCode(c);
      if (matchable(alias) !== (foldText(alias) !== '')) disagree.push(c.toString(16));
    }
    expect(disagree).toEqual([]);
  });

  it('a text is blank exactly when trim() empties it (every UTF-16 code unit)', () => {
    const nonBlank = def('nonBlank');
    const disagree: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const text = String.fromCharCode(c);
      if (nonBlank(text) !== (text.trim() !== '')) disagree.push(c.toString(16));
    }
    expect(disagree).toEqual([]);
  });
});
