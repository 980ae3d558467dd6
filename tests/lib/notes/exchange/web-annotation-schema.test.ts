// Every Web Annotation export checked against the model's MUSTs (a JSON Schema written from the W3C text).
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { exportFile } from '../../../../lib/notes/exchange/export-file';
import { toWebAnnotation } from '../../../../lib/notes/exchange/web-annotation';
import { webAnnotationSchema } from '../../../fixtures/web-annotation/model-schema';
import { ARABIC_URL, makeNote, storyNotes } from './fixtures';

const validate = new Ajv2020({ allErrors: true, strict: false }).compile({
  ...webAnnotationSchema,
  // 5.1: a collection with annotations in it must say where its first page is.
  if: { properties: { total: { exclusiveMinimum: 0 } }, required: ['total'] },
  then: { required: ['first'] },
});

function check(json: string) {
  const doc = JSON.parse(json);
  const ok = validate(doc);
  expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 1)).toEqual([]);
  expect(ok).toBe(true);
  for (const item of doc.first?.items ?? []) {
    for (const s of [item.target.selector].flat()) {
      if (s.type === 'TextPositionSelector') expect(s.start).toBeLessThanOrEqual(s.end);
      // 4.2.9: both ends of a range are selectors of the same class.
      if (s.type === 'RangeSelector') expect(s.startSelector.type).toBe(s.endSelector.type);
    }
  }
  return doc;
}

/** The first annotation of an export with its quote's language replaced. */
function withQuoteLanguage(doc: { first: { items: Record<string, unknown>[] } }, language: string) {
  const item = structuredClone(doc.first.items[0]!) as { target: { selector: Record<string, unknown>[] } };
  item.target.selector[0]!.language = language;
  return item;
}

describe('Web Annotation exports against the model', () => {
  it('the export of the story notes passes every MUST, with ids on the collection and its page', () => {
    const doc = check(exportFile(storyNotes(), 'web-annotation', { version: '1.2.3' }).content);
    expect(doc.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(doc.first.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(doc.first.id).not.toBe(doc.id);
    expect(doc.first.partOf).toBe(doc.id);
    expect(doc.generator).toEqual({ type: 'Software', name: 'ClaimLens 1.2.3' });
    expect(doc.first.items.every((a: { generator: unknown }) => a.generator !== undefined)).toBe(true);
  });

  it('names the language the page declared on the quote, and none where it declared none', () => {
    const doc = check(exportFile(storyNotes(), 'web-annotation').content);
    const languages = doc.first.items.map(
      (a: { target: { selector: { type: string; language?: string }[] } }) =>
        a.target.selector.find((s) => s.type === 'TextQuoteSelector')!.language,
    );
    expect(languages).toEqual([undefined, undefined, 'ar', undefined, undefined]);
    expect(validate({ ...doc, first: { ...doc.first, items: [withQuoteLanguage(doc, 'not a tag')] } })).toBe(
      false,
    );
  });

  it('an empty export passes too: a collection of none, without a page (a page holds one or more)', () => {
    const doc = check(toWebAnnotation([]));
    expect(doc.total).toBe(0);
    expect(doc.first).toBeUndefined();
  });

  it('names the reader as creator when they gave a name, and no one otherwise', () => {
    const named = check(toWebAnnotation([makeNote()], { creator: '  Lina H.  ' }));
    expect(named.first.items[0].creator).toEqual({ type: 'Person', name: 'Lina H.' });
    const anonymous = check(toWebAnnotation([makeNote()], { creator: '   ' }));
    expect(anonymous.first.items[0].creator).toBeUndefined();
  });

  it('marks right-to-left quotes, comments and tags with textDirection rtl, and leaves others alone', () => {
    const doc = check(
      toWebAnnotation([
        makeNote({
          url: ARABIC_URL,
          quote: { exact: 'قالت الشرطة إن الهجوم', prefix: '', suffix: '' },
          text: 'تناقض مع بيان الجماعة',
          tags: ['ادعاءات', 'police'],
        }),
        makeNote({ quote: { exact: '2024: الشرطة', prefix: '', suffix: '' }, text: 'English note' }),
      ]),
    );
    const [arabic, mixed] = doc.first.items;
    expect(arabic.target.selector[0].textDirection).toBe('rtl');
    expect(arabic.body.map((b: { textDirection?: string }) => b.textDirection)).toEqual([
      'rtl',
      'rtl',
      undefined,
    ]);
    // Digits are not letters: the first letter (Arabic) decides.
    expect(mixed.target.selector[0].textDirection).toBe('rtl');
    expect(mixed.body[0].textDirection).toBeUndefined();
  });

  it('refuses what breaks a MUST (the schema can fail)', () => {
    const doc = JSON.parse(toWebAnnotation([makeNote()]));
    expect(validate({ ...doc, id: undefined })).toBe(false);
    expect(validate({ ...doc, first: { ...doc.first, id: undefined } })).toBe(false);
    const item = doc.first.items[0];
    expect(validate({ ...doc, first: { ...doc.first, items: [{ ...item, target: undefined }] } })).toBe(
      false,
    );
    expect(validate({ ...doc, first: { ...doc.first, items: [{ ...item, created: '2024-05-11' }] } })).toBe(
      false,
    );
    // A RangeSelector without its end selector breaks 4.2.9.
    const ranged = JSON.parse(toWebAnnotation(storyNotes())).first.items[1];
    const range = ranged.target.selector.find((s: { type: string }) => s.type === 'RangeSelector');
    expect(range).toBeDefined();
    const broken = {
      ...ranged,
      target: { ...ranged.target, selector: [{ ...range, endSelector: undefined }] },
    };
    expect(validate({ ...doc, first: { ...doc.first, items: [broken] } })).toBe(false);
    const { first: _first, ...withoutFirst } = doc;
    expect(validate(withoutFirst)).toBe(false);
    // 5.2: a page MUST hold one or more annotations.
    expect(validate({ ...doc, total: 0, first: { ...doc.first, items: [] } })).toBe(false);
    // 3.1, 5.1: a single @context MUST be a string; anno.jsonld MUST be among several.
    expect(validate({ ...doc, '@context': ['http://www.w3.org/ns/anno.jsonld'] })).toBe(false);
    expect(
      validate({ ...doc, '@context': ['http://www.w3.org/ns/anno.jsonld', { x: 'http://x.test/' }] }),
    ).toBe(true);
    expect(validate({ ...doc, '@context': 'http://www.w3.org/ns/ldp.jsonld' })).toBe(false);
    // 5.2: an embedded page does not repeat the collection's context (held to here, though a SHOULD NOT).
    expect(validate({ ...doc, first: { ...doc.first, '@context': doc['@context'] } })).toBe(false);
    // 3.3.1: dates in UTC with a Z; 4.2.5: positions are non-negative integers.
    expect(
      validate({
        ...doc,
        first: { ...doc.first, items: [{ ...item, modified: '2024-05-11T09:00:00+02:00' }] },
      }),
    ).toBe(false);
    const positioned = {
      ...item,
      target: { ...item.target, selector: [{ type: 'TextPositionSelector', start: -1, end: 3 }] },
    };
    expect(validate({ ...doc, first: { ...doc.first, items: [positioned] } })).toBe(false);
    // 3.2.4: a textual body has exactly one value; 3.2.5: bodyValue never with body.
    const bodiless = { ...item, body: [{ type: 'TextualBody', purpose: 'commenting' }] };
    expect(validate({ ...doc, first: { ...doc.first, items: [bodiless] } })).toBe(false);
    expect(validate({ ...doc, first: { ...doc.first, items: [{ ...item, bodyValue: 'x' }] } })).toBe(false);
    // 3.1: an annotation is typed Annotation and has an IRI.
    expect(validate({ ...doc, first: { ...doc.first, items: [{ ...item, type: 'Note' }] } })).toBe(false);
    expect(validate({ ...doc, first: { ...doc.first, items: [{ ...item, id: 'not an iri' }] } })).toBe(false);
  });
});
