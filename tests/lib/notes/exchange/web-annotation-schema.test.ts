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
    }
  }
  return doc;
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

  it('an empty export passes too', () => {
    check(toWebAnnotation([]));
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
    const { first: _first, ...withoutFirst } = doc;
    expect(validate(withoutFirst)).toBe(false);
  });
});
