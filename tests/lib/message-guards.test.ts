import { describe, expect, it } from 'vitest';
import { messageGuards } from '../../lib/message-guards';
import type { PageEvidence, PageReport } from '../../lib/messaging';

const evidence = (): PageEvidence => ({
  published: '2017-11-20T09:30:00+05:30',
  dateline: 'SRINAGAR, Nov 20: ',
  entityIds: ['group-is', 'place-zakura'],
  mentions: [
    { targetId: 'place-zakura', context: 'The attack in Zakura on November 17.', offset: 14, text: 'Zakura' },
    { targetId: 'group-is', context: 'Islamic State claimed it.', offset: 0, text: 'Islamic State' },
  ],
});

const report = (): PageReport => ({
  url: 'https://news.example/zakura',
  published: '2017-11-20',
  entities: [{ id: 'group-is', name: 'Islamic State', kind: 'group', aliases: ['IS'], mentions: 3 }],
  incidents: [
    { id: 'incident-zakura-2017', name: 'Zakura attack', aliases: [], confidence: 0.9, why: 'named' },
  ],
  timing: {
    startedAt: 12.5,
    totalMs: 40,
    busyMs: 10,
    longestTaskMs: 4,
    textNodes: 120,
    characters: 5000,
    phases: { scan: 3 },
  },
});

/** A copy of `base` with `change` applied, for one malformed field at a time. */
function withChange<T>(base: T, change: (copy: Record<string, unknown>) => void): unknown {
  const copy = structuredClone(base) as Record<string, unknown>;
  change(copy);
  return copy;
}

const notObjects = [null, undefined, 42, 'text', true, [], [{ url: 'https://news.example/' }]];

describe('getMatcher guard', () => {
  const guard = messageGuards.getMatcher;

  it('accepts a URL', () => {
    expect(guard({ url: 'https://news.example/a' })).toBe(true);
  });

  it('refuses a missing, non-string or oversize URL', () => {
    expect(guard({})).toBe(false);
    expect(guard({ url: 42 })).toBe(false);
    expect(guard({ url: null })).toBe(false);
    expect(guard({ url: ['https://news.example/a'] })).toBe(false);
    expect(guard({ url: `https://news.example/${'a'.repeat(9000)}` })).toBe(false);
  });

  it('refuses null, arrays and other non-objects', () => {
    for (const bad of notObjects) expect(guard(bad)).toBe(false);
  });
});

describe('resolveIncidents guard', () => {
  const guard = messageGuards.resolveIncidents;

  it('accepts well-formed evidence, with or without the optional dates', () => {
    expect(guard(evidence())).toBe(true);
    expect(guard({ entityIds: [], mentions: [] })).toBe(true);
    expect(guard(withChange(evidence(), (e) => delete e.published))).toBe(true);
  });

  it('accepts context up to 4000 characters and refuses longer', () => {
    const atLimit = withChange(evidence(), (e) => {
      (e.mentions as PageEvidence['mentions'])[0]!.context = 'x'.repeat(4000);
    });
    const over = withChange(evidence(), (e) => {
      (e.mentions as PageEvidence['mentions'])[0]!.context = 'x'.repeat(4001);
    });
    expect(guard(atLimit)).toBe(true);
    expect(guard(over)).toBe(false);
  });

  it('refuses an oversize mention text', () => {
    const withText = (text: string) =>
      withChange(evidence(), (e) => ((e.mentions as PageEvidence['mentions'])[1]!.text = text));
    expect(guard(withText('x'.repeat(400)))).toBe(true);
    expect(guard(withText('x'.repeat(401)))).toBe(false);
  });

  it('refuses an oversize dateline or publication date', () => {
    expect(guard(withChange(evidence(), (e) => (e.dateline = 'x'.repeat(4001))))).toBe(false);
    expect(guard(withChange(evidence(), (e) => (e.published = '2017-11-20'.repeat(20))))).toBe(false);
  });

  it('accepts 2000 mentions and refuses more', () => {
    const mention = { targetId: 'group-is', context: 'Islamic State', offset: 0, text: 'Islamic State' };
    expect(guard({ entityIds: [], mentions: Array(2000).fill(mention) })).toBe(true);
    expect(guard({ entityIds: [], mentions: Array(2001).fill(mention) })).toBe(false);
    expect(guard({ entityIds: Array(2001).fill('group-is'), mentions: [] })).toBe(false);
  });

  it('refuses a negative, non-numeric or non-finite offset', () => {
    const withOffset = (offset: unknown) =>
      withChange(evidence(), (e) => ((e.mentions as Record<string, unknown>[])[0]!.offset = offset));
    expect(guard(withOffset(-1))).toBe(false);
    expect(guard(withOffset('14'))).toBe(false);
    expect(guard(withOffset(Number.NaN))).toBe(false);
    expect(guard(withOffset(Number.POSITIVE_INFINITY))).toBe(false);
    expect(guard(withOffset(0))).toBe(true);
  });

  it('refuses wrong types and missing fields', () => {
    expect(guard(withChange(evidence(), (e) => delete e.mentions))).toBe(false);
    expect(guard(withChange(evidence(), (e) => delete e.entityIds))).toBe(false);
    expect(guard(withChange(evidence(), (e) => (e.published = 20171120)))).toBe(false);
    expect(guard(withChange(evidence(), (e) => (e.dateline = null)))).toBe(false);
    expect(guard(withChange(evidence(), (e) => (e.entityIds = 'group-is')))).toBe(false);
    expect(guard(withChange(evidence(), (e) => (e.entityIds = [42])))).toBe(false);
    expect(guard(withChange(evidence(), (e) => (e.mentions = { 0: {} })))).toBe(false);
    expect(guard(withChange(evidence(), (e) => ((e.mentions as unknown[])[1] = null)))).toBe(false);
    expect(guard(withChange(evidence(), (e) => ((e.mentions as unknown[])[1] = ['group-is'])))).toBe(false);
    expect(
      guard(withChange(evidence(), (e) => delete (e.mentions as Record<string, unknown>[])[0]!.targetId)),
    ).toBe(false);
    expect(
      guard(withChange(evidence(), (e) => delete (e.mentions as Record<string, unknown>[])[0]!.context)),
    ).toBe(false);
    expect(
      guard(withChange(evidence(), (e) => delete (e.mentions as Record<string, unknown>[])[0]!.offset)),
    ).toBe(false);
    expect(
      guard(withChange(evidence(), (e) => delete (e.mentions as Record<string, unknown>[])[0]!.text)),
    ).toBe(false);
  });

  it('refuses null, arrays and other non-objects', () => {
    for (const bad of notObjects) expect(guard(bad)).toBe(false);
    expect(guard([evidence()])).toBe(false);
  });
});

describe('getCards guard', () => {
  const guard = messageGuards.getCards;

  it('accepts a list of ids, empty or not', () => {
    expect(guard({ ids: ['group-is', 'incident-zakura-2017'] })).toBe(true);
    expect(guard({ ids: [] })).toBe(true);
  });

  it('refuses a missing list, a non-list, non-string ids, oversize ids and too many ids', () => {
    expect(guard({})).toBe(false);
    expect(guard({ ids: 'group-is' })).toBe(false);
    expect(guard({ ids: [42] })).toBe(false);
    expect(guard({ ids: [null] })).toBe(false);
    expect(guard({ ids: ['x'.repeat(201)] })).toBe(false);
    expect(guard({ ids: Array(500).fill('group-is') })).toBe(true);
    expect(guard({ ids: Array(501).fill('group-is') })).toBe(false);
  });

  it('refuses null, arrays and other non-objects', () => {
    for (const bad of notObjects) expect(guard(bad)).toBe(false);
    expect(guard([{ ids: [] }])).toBe(false);
  });
});

describe('reportPage guard', () => {
  const guard = messageGuards.reportPage;

  it('accepts a well-formed report, with or without a publication date', () => {
    expect(guard(report())).toBe(true);
    expect(guard(withChange(report(), (r) => delete r.published))).toBe(true);
    expect(
      guard(
        withChange(report(), (r) => {
          r.entities = [];
          r.incidents = [];
        }),
      ),
    ).toBe(true);
  });

  it('refuses missing or mistyped top-level fields', () => {
    for (const key of ['url', 'entities', 'incidents', 'timing'])
      expect(guard(withChange(report(), (r) => delete r[key])), key).toBe(false);
    expect(guard(withChange(report(), (r) => (r.url = 42)))).toBe(false);
    expect(guard(withChange(report(), (r) => (r.url = `https://a.example/${'a'.repeat(8200)}`)))).toBe(false);
    expect(guard(withChange(report(), (r) => (r.published = 2017)))).toBe(false);
    expect(guard(withChange(report(), (r) => (r.entities = {})))).toBe(false);
    expect(guard(withChange(report(), (r) => (r.timing = null)))).toBe(false);
    expect(guard(withChange(report(), (r) => (r.timing = [])))).toBe(false);
  });

  it('refuses an entity or incident with a missing or mistyped field', () => {
    const entity = (change: (e: Record<string, unknown>) => void) =>
      withChange(report(), (r) => change((r.entities as Record<string, unknown>[])[0]!));
    const incident = (change: (i: Record<string, unknown>) => void) =>
      withChange(report(), (r) => change((r.incidents as Record<string, unknown>[])[0]!));
    expect(guard(entity((e) => delete e.id))).toBe(false);
    expect(guard(entity((e) => delete e.name))).toBe(false);
    expect(guard(entity((e) => (e.mentions = '3')))).toBe(false);
    expect(guard(entity((e) => (e.name = 'x'.repeat(201))))).toBe(false);
    expect(guard(incident((i) => delete i.id))).toBe(false);
    expect(guard(incident((i) => (i.confidence = 'high')))).toBe(false);
    expect(guard(withChange(report(), (r) => ((r.entities as unknown[])[0] = null)))).toBe(false);
    expect(guard(withChange(report(), (r) => ((r.incidents as unknown[])[0] = 'incident-zakura-2017')))).toBe(
      false,
    );
  });

  it('refuses an entity without its kind or aliases, and an incident without its name, aliases or reason', () => {
    // The badge counts entities by kind, and `npm run scan` prints kind, aliases, name and reason.
    const entity = (change: (e: Record<string, unknown>) => void) =>
      withChange(report(), (r) => change((r.entities as Record<string, unknown>[])[0]!));
    const incident = (change: (i: Record<string, unknown>) => void) =>
      withChange(report(), (r) => change((r.incidents as Record<string, unknown>[])[0]!));
    expect(guard(entity((e) => delete e.kind))).toBe(false);
    expect(guard(entity((e) => (e.aliases = 'IS')))).toBe(false);
    expect(guard(incident((i) => delete i.name))).toBe(false);
    expect(guard(incident((i) => delete i.aliases))).toBe(false);
    expect(guard(incident((i) => delete i.why))).toBe(false);
  });

  it('accepts 2000 entities and refuses more', () => {
    const many = (n: number) =>
      withChange(report(), (r) => (r.entities = Array(n).fill((report().entities as unknown[])[0])));
    expect(guard(many(2000))).toBe(true);
    expect(guard(many(2001))).toBe(false);
    expect(
      guard(
        withChange(report(), (r) => (r.incidents = Array(2001).fill((report().incidents as unknown[])[0]))),
      ),
    ).toBe(false);
  });

  it('refuses null, arrays and other non-objects', () => {
    for (const bad of notObjects) expect(guard(bad)).toBe(false);
    expect(guard([report()])).toBe(false);
  });
});
