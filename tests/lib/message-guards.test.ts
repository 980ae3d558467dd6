import { describe, expect, it } from 'vitest';
import { messageGuards } from '../../lib/message-guards';
import { MAX_GLANCE, type PageFindings } from '../../lib/messaging';
import { MAX_PAGE_TEXT } from '../../lib/message-guards';

const pageText = () => ({
  url: 'https://news.example/zakura',
  text: 'Breaking. The attack in Zakura on November 17.',
  breaks: [10],
  declaredDate: '2017-11-20T09:30:00+05:30',
});

const report = (): PageFindings => ({
  url: 'https://news.example/zakura',
  published: '2017-11-20',
  entities: [{ id: 'group-is', name: 'Islamic State', kind: 'group', aliases: ['IS'], mentions: 3 }],
  incidents: [
    {
      id: 'incident-zakura-2017',
      name: 'Zakura attack',
      aliases: [],
      confidence: 0.9,
      why: 'named',
      competingClaimants: 3,
    },
  ],
});

/** A copy of `base` with `change` applied, for one malformed field at a time. */
function withChange<T>(base: T, change: (copy: Record<string, unknown>) => void): unknown {
  const copy = structuredClone(base) as Record<string, unknown>;
  change(copy);
  return copy;
}

const notObjects = [null, undefined, 42, 'text', true, [], [{ url: 'https://news.example/' }]];

describe('openPage guard', () => {
  const guard = messageGuards.openPage;
  const page = { text: 'Zakura attack', breaks: [0, 6], dateUnread: true };
  const opening = (address: unknown, extra: Record<string, unknown> = {}) => ({
    address,
    page,
    scope: 'page',
    ...extra,
  });

  it('accepts a page address, with or without its canonical link, and the text read from the page or the article', () => {
    expect(guard(opening({ url: 'https://news.example/a', title: 'A' }))).toBe(true);
    expect(
      guard(opening({ url: 'https://news.example/a', canonical: 'https://news.example/b', title: '' })),
    ).toBe(true);
    expect(guard(opening({ url: 'https://news.example/a', title: 'A' }, { scope: 'article' }))).toBe(true);
    expect(
      guard(opening({ url: 'https://news.example/a', title: 'A' }, { page: { text: '', breaks: [] } })),
    ).toBe(true);
  });

  it("accepts a first look at the page's whole text, up to its limit, and refuses anything else as one", () => {
    const address = { url: 'https://news.example/a', title: 'A' };
    expect(guard(opening(address, { page: { glance: 'Rain in the hills. var x = 1;' } }))).toBe(true);
    expect(guard(opening(address, { page: { glance: 'x'.repeat(MAX_GLANCE) } }))).toBe(true);
    expect(guard(opening(address, { page: { glance: 'x'.repeat(MAX_GLANCE + 1) } }))).toBe(false);
    expect(guard(opening(address, { page: { glance: 42 } }))).toBe(false);
    expect(guard(opening(address, { page: { glance: ['Zakura'] } }))).toBe(false);
    // A bad glance beside a good text is still a bad glance: the background would read the glance.
    expect(guard(opening(address, { page: { glance: 42, text: '', breaks: [] } }))).toBe(false);
    expect(guard(opening(address, { page: { glance: null, text: '', breaks: [] } }))).toBe(false);
  });

  it('refuses a missing url or title, an overlong title, a bad text or scope, and non-objects', () => {
    expect(guard(opening({ title: 'A' }))).toBe(false);
    expect(guard(opening({ url: 'https://news.example/a' }))).toBe(false);
    expect(guard(opening({ url: 'https://news.example/a', title: 'x'.repeat(1001) }))).toBe(false);
    const address = { url: 'https://news.example/a', title: 'A' };
    expect(guard(opening(address, { scope: 'frame' }))).toBe(false);
    expect(guard(opening(address, { page: { text: 'abc', breaks: [5] } }))).toBe(false);
    expect(guard(opening(address, { page: undefined }))).toBe(false);
    expect(guard({ url: 'https://news.example/a', title: 'A' })).toBe(false);
    for (const bad of notObjects) expect(guard(bad)).toBe(false);
    for (const bad of notObjects) expect(guard(opening(bad))).toBe(false);
  });
});

describe('scanWithDate guard', () => {
  const guard = messageGuards.scanWithDate;

  it('accepts a token with or without the date the page declares', () => {
    expect(guard({ resume: 'a-token', declaredDate: '2017-11-20' })).toBe(true);
    expect(guard({ resume: 'a-token' })).toBe(true);
  });

  it('refuses a missing or long token, a long date and non-objects', () => {
    expect(guard({ declaredDate: '2017-11-20' })).toBe(false);
    expect(guard({ resume: 'x'.repeat(101) })).toBe(false);
    expect(guard({ resume: 'a-token', declaredDate: 'x'.repeat(101) })).toBe(false);
    for (const bad of notObjects) expect(guard(bad)).toBe(false);
  });
});

describe('scanText guard', () => {
  const guard = messageGuards.scanText;

  it('accepts a page text with its block breaks', () => {
    expect(guard(pageText())).toBe(true);
    expect(guard({ ...pageText(), declaredDate: undefined, breaks: [] })).toBe(true);
  });

  it('refuses text over the size one message may carry', () => {
    expect(guard({ ...pageText(), text: 'a'.repeat(MAX_PAGE_TEXT), breaks: [] })).toBe(true);
    expect(guard({ ...pageText(), text: 'a'.repeat(MAX_PAGE_TEXT + 1), breaks: [] })).toBe(false);
  });

  it('refuses breaks that are not sorted positions inside the text', () => {
    for (const breaks of [[-1], [1.5], [999], [20, 10], ['10'], 'x', null])
      expect(guard({ ...pageText(), breaks })).toBe(false);
  });

  it('refuses a missing or non-string url or text, and odd dates', () => {
    expect(guard(withChange(pageText(), (p) => delete p.url))).toBe(false);
    expect(guard(withChange(pageText(), (p) => delete p.text))).toBe(false);
    expect(guard({ ...pageText(), text: 42 })).toBe(false);
    expect(guard({ ...pageText(), declaredDate: 'x'.repeat(101) })).toBe(false);
    expect(guard({ ...pageText(), declaredDate: undefined, dateUnread: 'yes' })).toBe(false);
    expect(guard({ ...pageText(), declaredDate: undefined, dateUnread: true })).toBe(true);
  });

  it('refuses null, arrays and other non-objects', () => {
    for (const bad of notObjects) expect(guard(bad)).toBe(false);
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
    for (const key of ['url', 'entities', 'incidents'])
      expect(guard(withChange(report(), (r) => delete r[key])), key).toBe(false);
    expect(guard(withChange(report(), (r) => (r.url = 42)))).toBe(false);
    expect(guard(withChange(report(), (r) => (r.url = `https://a.example/${'a'.repeat(8200)}`)))).toBe(false);
    expect(guard(withChange(report(), (r) => (r.published = 2017)))).toBe(false);
    expect(guard(withChange(report(), (r) => (r.entities = {})))).toBe(false);
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

describe('guards of the bulk and re-link messages', () => {
  const stored = {
    id: 'imported:urn-1',
    url: 'https://news.example/a',
    pageTitle: 'A',
    selectors: { quote: { exact: 'a passage', prefix: '', suffix: '' } },
    text: '',
    tags: ['claims'],
    color: 'claim',
    entityIds: [],
    incidentIds: [],
    pageKey: 'https://news.example/a',
    site: 'news.example',
    createdAt: 1,
    updatedAt: 2,
    anchorStatus: 'orphan',
    terms: ['passage'],
  };

  it('accepts lists of note ids, including ids read from an imported file, and refuses junk', () => {
    expect(messageGuards.deleteNotes({ ids: ['note-1234', 'imported:urn-1'] })).toBe(true);
    expect(messageGuards.deleteNotes({ ids: [] })).toBe(true);
    for (const ids of [[''], [42], ['x'.repeat(201)], 'note-1234', null])
      expect(messageGuards.deleteNotes({ ids })).toBe(false);
    expect(messageGuards.deleteNotes({ ids: Array.from({ length: 50_001 }, (_, i) => `n-${i}`) })).toBe(
      false,
    );
  });

  it('restores stored notes only', () => {
    expect(messageGuards.restoreNotes({ notes: [stored] })).toBe(true);
    expect(messageGuards.restoreNotes({ notes: [{ ...stored, color: 'red' }] })).toBe(false);
    expect(messageGuards.restoreNotes({ notes: [{ ...stored, createdAt: 'yesterday' }] })).toBe(false);
    expect(messageGuards.restoreNotes({ notes: stored })).toBe(false);
  });

  it('retags with a tag to add or to remove, never neither, never a blank one', () => {
    expect(messageGuards.retagNotes({ ids: ['note-1234'], add: 'police' })).toBe(true);
    expect(messageGuards.retagNotes({ ids: ['note-1234'], remove: 'police' })).toBe(true);
    expect(messageGuards.retagNotes({ ids: ['note-1234'] })).toBe(false);
    expect(messageGuards.retagNotes({ ids: ['note-1234'], add: '  ' })).toBe(false);
    expect(messageGuards.retagNotes({ ids: ['note-1234'], add: 'x'.repeat(101) })).toBe(false);
  });

  it('re-links with selectors of a real passage, and starts re-linking in a tab', () => {
    const relink = { id: 'note-1234', selectors: stored.selectors, entityIds: [], incidentIds: ['i-1'] };
    expect(messageGuards.relinkNote(relink)).toBe(true);
    expect(
      messageGuards.relinkNote({ ...relink, selectors: { quote: { exact: '', prefix: '', suffix: '' } } }),
    ).toBe(false);
    expect(messageGuards.relinkNote({ ...relink, entityIds: 'group-is' })).toBe(false);
    // Where the passage starts and ends in the page's elements: plain element paths only.
    const range = {
      startContainer: '/article[1]/p[2]',
      startOffset: 4,
      endContainer: '/article[1]/p[2]',
      endOffset: 9,
    };
    expect(messageGuards.relinkNote({ ...relink, selectors: { ...stored.selectors, range } })).toBe(true);
    for (const bad of [
      { ...range, startContainer: '//p[@id="x"]' },
      { ...range, endOffset: -1 },
      { ...range, startOffset: '4' },
      'range',
    ])
      expect(messageGuards.relinkNote({ ...relink, selectors: { ...stored.selectors, range: bad } })).toBe(
        false,
      );
    expect(messageGuards.startRelink({ tabId: 3, id: 'note-1234' })).toBe(true);
    expect(messageGuards.startRelink({ tabId: '3', id: 'note-1234' })).toBe(false);
  });
});

describe('arrays with holes', () => {
  // A structured clone keeps holes (JSON made them null); `every` alone would skip them.
  it('are refused wherever a list is checked', () => {
    // eslint-disable-next-line no-sparse-arrays
    const breaks = [, , 5];
    expect(messageGuards.scanText({ url: 'https://news.example/', text: 'abcdefgh', breaks })).toBe(false);
    expect(messageGuards.scanText({ url: 'https://news.example/', text: 'abcdefgh', breaks: [5] })).toBe(
      true,
    );
    // eslint-disable-next-line no-sparse-arrays
    expect(messageGuards.deleteNotes({ ids: [, 'note-12345678'] })).toBe(false);
    // eslint-disable-next-line no-sparse-arrays
    expect(messageGuards.getCards({ ids: ['group-is', , 'group-jem'] })).toBe(false);
  });
});

describe('saveNote guard', () => {
  const draft = {
    id: '3f0c8a52-6a0e-4c41-9d7e-2b5f4a1c9e01',
    url: 'https://news.example/a',
    pageTitle: 'A',
    selectors: { quote: { exact: 'a passage', prefix: '', suffix: '' } },
    text: '',
    tags: [],
    color: 'claim',
    entityIds: [],
    incidentIds: [],
  };

  it("takes the page's language when it is a language tag, and a draft without one", () => {
    expect(messageGuards.saveNote(draft)).toBe(true);
    expect(messageGuards.saveNote({ ...draft, language: 'ur-PK' })).toBe(true);
    for (const language of ['', 'urdu please', 42, 'x'.repeat(60)])
      expect(messageGuards.saveNote({ ...draft, language })).toBe(false);
  });
});
