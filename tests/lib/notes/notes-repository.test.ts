// Tests for the notes repository: saving by id, edits, undo, page aliases and indexed search.
import { describe, expect, it } from 'vitest';
import { pageKeyFor } from '../../../lib/notes/page-identity';
import { noteInput, repositoryPerTest, spyOnCore } from './helpers';

const setup = repositoryPerTest();

describe('saving', () => {
  it('stores a note with its derived fields and reads it back', async () => {
    const { repo, clock } = setup();
    const input = noteInput({ color: undefined, entityIds: undefined, incidentIds: undefined });
    const saved = await repo.save(input);
    expect(saved).toMatchObject({
      id: input.id,
      pageKey: input.pageKey,
      url: input.url,
      site: 'example-news.test',
      color: 'highlight',
      entityIds: [],
      incidentIds: [],
      anchorStatus: 'anchored',
      createdAt: clock.now(),
      updatedAt: clock.now(),
    });
    expect(saved.terms).toEqual(expect.arrayContaining(['compare', 'zakura', 'claims', 'market', 'example']));
    expect(await repo.get(input.id)).toEqual(saved);
    expect(await repo.count()).toBe(1);
  });

  it("keeps the page's language and the passage's elements, and still reads notes saved without them", async () => {
    const { repo } = setup();
    const range = {
      startContainer: '/article[1]/p[2]',
      startOffset: 4,
      endContainer: '/article[1]/p[3]',
      endOffset: 10,
    };
    const base = noteInput();
    const saved = await repo.save({ ...base, language: 'ar-EG', selectors: { ...base.selectors, range } });
    expect(saved.language).toBe('ar-EG');
    expect(saved.selectors.range).toEqual(range);
    expect(await repo.get(saved.id)).toEqual(saved);
    const older = await repo.save(noteInput({ id: 'older-note-1' }));
    expect(older.language).toBeUndefined();
    expect(older.selectors.range).toBeUndefined();
    await expect(repo.save(noteInput({ id: 'bad-language', language: 'Arabic please' }))).rejects.toThrow(
      /language/,
    );
    await expect(
      repo.save({
        ...noteInput({ id: 'bad-range' }),
        selectors: { ...base.selectors, range: { ...range, startContainer: '//p[@id="x"]' } },
      }),
    ).rejects.toThrow(/elements/);
  });

  it('keeps the creation time the client gives', async () => {
    const { repo } = setup();
    const saved = await repo.save(noteInput({ createdAt: 1_000 }));
    expect(saved.createdAt).toBe(1_000);
  });

  it('is idempotent by id: saving the same note twice stores one note and changes nothing', async () => {
    const { repo, clock } = setup();
    const input = noteInput();
    const first = await repo.save(input);
    clock.tick();
    const second = await repo.save(structuredClone(input));
    expect(second).toEqual(first);
    expect(await repo.count()).toBe(1);
    expect((await repo.get(input.id))!.updatedAt).toBe(first.updatedAt);
  });

  it('stores one note when the same save arrives twice at once (a retry)', async () => {
    const { repo } = setup();
    const input = noteInput();
    await Promise.all([repo.save(input), repo.save(input), repo.save(input)]);
    expect(await repo.count()).toBe(1);
  });

  it('replaces the content when the same id is saved with changes, keeping createdAt', async () => {
    const { repo, clock } = setup();
    const input = noteInput();
    const first = await repo.save(input);
    clock.tick(5_000);
    const second = await repo.save({ ...input, text: 'Police now confirm the claim.' });
    expect(await repo.count()).toBe(1);
    expect(second.createdAt).toBe(first.createdAt);
    expect(second.updatedAt).toBe(first.updatedAt + 5_000);
    expect(second.terms).toContain('confirm');
    expect(second.terms).not.toContain('compare');
  });

  it('tidies tags: trimmed, blank and repeated ones dropped', async () => {
    const { repo } = setup();
    const saved = await repo.save(noteInput({ tags: [' Claims ', 'claims', '', 'CLAIMS', 'police'] }));
    expect(saved.tags).toEqual(['Claims', 'police']);
  });
});

describe('editing', () => {
  it('update changes the content, updatedAt and terms', async () => {
    const { repo, clock } = setup();
    const saved = await repo.save(noteInput({ text: 'first thoughts' }));
    clock.tick();
    const updated = await repo.update(saved.id, {
      text: 'Revised: casualty figures disputed',
      tags: ['tolls'],
    });
    expect(updated).toMatchObject({ text: 'Revised: casualty figures disputed', tags: ['tolls'] });
    expect(updated!.updatedAt).toBeGreaterThan(saved.updatedAt);
    expect(updated!.createdAt).toBe(saved.createdAt);
    expect(updated!.terms).toEqual(expect.arrayContaining(['revised', 'casualty', 'tolls']));
    expect(updated!.terms).not.toContain('thoughts');
    expect(await repo.get(saved.id)).toEqual(updated);
    expect(await repo.search('casualty')).toHaveLength(1);
    expect(await repo.search('thoughts ')).toHaveLength(0);
  });

  it('updatedAt moves forward even within one millisecond', async () => {
    const { repo } = setup();
    const saved = await repo.save(noteInput());
    const updated = await repo.update(saved.id, { text: 'changed at once' });
    expect(updated!.updatedAt).toBe(saved.updatedAt + 1);
  });

  it('an update that changes nothing leaves the note as it was', async () => {
    const { repo, clock } = setup();
    const saved = await repo.save(noteInput());
    clock.tick();
    expect(await repo.update(saved.id, { text: saved.text })).toEqual(saved);
  });

  it('update cannot move a note to another page or change its id', async () => {
    const { repo } = setup();
    const saved = await repo.save(noteInput());
    const patch = { text: 'x', pageKey: 'https://other.test/', id: 'other' } as never;
    const updated = await repo.update(saved.id, patch);
    expect(updated).toMatchObject({ id: saved.id, pageKey: saved.pageKey, text: 'x' });
  });

  it('update of a missing note answers undefined', async () => {
    const { repo } = setup();
    expect(await repo.update('missing', { text: 'x' })).toBeUndefined();
    expect(await repo.count()).toBe(0);
  });

  it('delete returns the note and restore brings it back identical', async () => {
    const { repo, clock } = setup();
    const saved = await repo.save(noteInput());
    await repo.setAnchorStatus(saved.id, 'fuzzy');
    const before = await repo.get(saved.id);
    clock.tick();
    const deleted = await repo.delete(saved.id);
    expect(deleted).toEqual(before);
    expect(await repo.get(saved.id)).toBeUndefined();
    expect(await repo.search('zakura')).toEqual([]);
    clock.tick();
    await repo.restore(deleted!);
    expect(await repo.get(saved.id)).toEqual(before);
    expect(await repo.search('zakura')).toEqual([before]);
  });

  it('delete of a missing note answers undefined', async () => {
    const { repo } = setup();
    expect(await repo.delete('missing')).toBeUndefined();
  });

  it('setAnchorStatus records the status without moving updatedAt', async () => {
    const { repo, clock } = setup();
    const saved = await repo.save(noteInput());
    clock.tick();
    expect(await repo.setAnchorStatus(saved.id, 'orphan')).toBe(true);
    expect(await repo.get(saved.id)).toEqual({ ...saved, anchorStatus: 'orphan' });
    expect(await repo.setAnchorStatus('missing', 'orphan')).toBe(false);
    await expect(repo.setAnchorStatus(saved.id, 'lost' as never)).rejects.toMatchObject({ kind: 'invalid' });
  });

  it('setAnchorStatuses records a page report in one go', async () => {
    const { repo } = setup();
    const a = await repo.save(noteInput());
    const b = await repo.save(noteInput());
    const found = await repo.setAnchorStatuses([
      { id: a.id, status: 'anchored' },
      { id: b.id, status: 'orphan' },
      { id: 'gone', status: 'fuzzy' },
    ]);
    expect(found).toBe(2);
    expect((await repo.get(b.id))!.anchorStatus).toBe('orphan');
  });

  it('lists the tags in use', async () => {
    const { repo } = setup();
    await repo.save(noteInput({ tags: ['tolls', 'claims'] }));
    await repo.save(noteInput({ tags: ['Attribution', 'claims'] }));
    expect(await repo.listTags()).toEqual(['Attribution', 'claims', 'tolls']);
  });
});

describe('notes of a page', () => {
  it('finds the notes filed under the page key, oldest first, and no others', async () => {
    const { repo, clock } = setup();
    const first = await repo.save(noteInput());
    clock.tick();
    const second = await repo.save(noteInput());
    await repo.save(noteInput({ pageKey: 'https://other.test/story', url: 'https://other.test/story' }));
    expect(await repo.forPage(first.pageKey)).toEqual([first, second]);
    expect(await repo.forPage('https://nothing.test/')).toEqual([]);
  });

  it('finds notes saved under a URL that now redirects (alias URL passed by the caller)', async () => {
    const { repo } = setup();
    const oldUrl = 'https://example.test/2024/05/market-attack?utm_source=tw';
    const saved = await repo.save(noteInput({ url: oldUrl, pageKey: pageKeyFor({ url: oldUrl }) }));
    const newKey = pageKeyFor({ url: 'https://example.test/2024/05/market-attack-claimed' });
    expect(await repo.forPage(newKey)).toEqual([]);
    expect(await repo.forPage(newKey, [oldUrl, 'not a url'])).toEqual([saved]);
  });

  it('finds notes saved before the page had a canonical URL, once the visit is recorded', async () => {
    const { repo } = setup();
    const url = 'https://example.test/world/market-attack?ref=home&utm_medium=social';
    const saved = await repo.save(noteInput({ url, pageKey: pageKeyFor({ url }) }));
    const canonical = 'https://example.test/world/market-attack';
    const key = pageKeyFor({ url, canonical });
    expect(key).toBe(canonical);
    expect(await repo.forPage(key)).toEqual([]);
    await repo.recordPageVisit({ key, url, title: 'Market attack' });
    expect(await repo.forPage(key)).toEqual([saved]);
  });

  it('finds notes filed under the canonical when the page is seen without it again', async () => {
    const { repo } = setup();
    const url = 'https://example.test/world/market-attack?ref=home';
    const canonical = 'https://example.test/world/market-attack';
    const key = pageKeyFor({ url, canonical });
    expect(key).toBe(canonical);
    await repo.recordPageVisit({ key, url, title: 'Market attack' });
    const saved = await repo.save(noteInput({ url, pageKey: key }));
    // the canonical link is gone (site redesign): the page is known by its URL only
    expect(await repo.forPage(pageKeyFor({ url }))).toEqual([saved]);
  });

  it('recordPageVisit keeps each other URL once, never the key itself, and a bounded list', async () => {
    const { repo, clock } = setup();
    const key = 'https://example.test/world/market-attack';
    let page = await repo.recordPageVisit({ key, url: key + '#top', title: 'T' });
    expect(page.aliases).toEqual([]);
    page = await repo.recordPageVisit({ key, url: 'https://example.test/s?id=9&fbclid=abc', title: 'T' });
    clock.tick();
    page = await repo.recordPageVisit({
      key,
      url: 'https://example.test/s?fbclid=xyz&id=9',
      title: 'Title 2',
    });
    expect(page).toMatchObject({
      key,
      title: 'Title 2',
      aliases: ['https://example.test/s?id=9'],
      seenAt: clock.now(),
    });
    for (let i = 0; i < 30; i++) {
      page = await repo.recordPageVisit({ key, url: `https://example.test/s?id=${i}`, title: 'T' });
    }
    expect(page.aliases).toHaveLength(20);
    expect(page.aliases.at(-1)).toBe('https://example.test/s?id=29');
  });

  it('refuses a visit with a URL that is not a web address', async () => {
    const { repo } = setup();
    await expect(repo.recordPageVisit({ key: 'k', url: 'about:blank', title: '' })).rejects.toMatchObject({
      kind: 'invalid',
      message: expect.stringContaining('The visit to this page was not recorded'),
    });
  });
});

describe('search', () => {
  async function library() {
    const { repo, clock, db } = setup();
    const zakura = await repo.save(
      noteInput({
        text: 'Claim posted on Telegram, unverified.',
        selectors: {
          quote: { exact: 'The Zakura Front said it carried out the attack', prefix: '', suffix: '' },
        },
        tags: ['claims'],
        pageTitle: 'Market attack in Qalat',
        url: 'https://www.example-news.test/market',
      }),
    );
    clock.tick();
    const police = await repo.save(
      noteInput({
        text: 'Police give a different toll: 12 dead.',
        selectors: { quote: { exact: 'Police said twelve people died', prefix: '', suffix: '' } },
        tags: ['tolls', 'official'],
        pageTitle: 'Death toll revised',
        url: 'https://wire.test/toll',
        color: 'official',
      }),
    );
    clock.tick();
    const denial = await repo.save(
      noteInput({
        text: 'Zakúra spokesman denies the claim — compare with Telegram post.',
        selectors: { quote: { exact: 'A spokesman denied any involvement', prefix: '', suffix: '' } },
        tags: ['Denials'],
        pageTitle: 'Group denies role',
        url: 'https://wire.test/denial',
        color: 'disputed',
      }),
    );
    return { repo, db, zakura, police, denial };
  }

  it('finds notes by their text, quote, tag, page title and site, newest edit first', async () => {
    const { repo, zakura, police, denial } = await library();
    expect(await repo.search('unverified')).toEqual([zakura]);
    expect(await repo.search('twelve')).toEqual([police]);
    expect(await repo.search('tolls')).toEqual([police]);
    expect(await repo.search('Qalat')).toEqual([zakura]);
    expect(await repo.search('wire.test')).toEqual([denial, police]);
    expect(await repo.search('example-news')).toEqual([zakura]);
  });

  it('folds case and accents on both sides', async () => {
    const { repo, zakura, denial } = await library();
    expect(await repo.search('ZAKURA ')).toEqual([denial, zakura]);
    expect(await repo.search('zakúra ')).toEqual([denial, zakura]);
    expect(await repo.search('DENIALS')).toEqual([denial]);
  });

  it('reads the last word as a prefix: "zak" finds "Zakura"', async () => {
    const { repo, zakura, denial } = await library();
    expect(await repo.search('zak')).toEqual([denial, zakura]);
    expect(await repo.search('Tele')).toEqual([denial, zakura]);
    expect(await repo.search('zak ')).toEqual([]);
  });

  it('intersects the words of a query', async () => {
    const { repo, zakura, denial } = await library();
    expect(await repo.search('telegram zak')).toEqual([denial, zakura]);
    expect(await repo.search('telegram claims')).toEqual([zakura]);
    expect(await repo.search('claim spokes')).toEqual([denial]);
    expect(await repo.search('police zakura')).toEqual([]);
    expect(await repo.search('nothing like this')).toEqual([]);
  });

  it('finds nothing for an empty query and honours the limit', async () => {
    const { repo, denial } = await library();
    expect(await repo.search('')).toEqual([]);
    expect(await repo.search(' — ')).toEqual([]);
    expect(await repo.search('claim', { limit: 1 })).toEqual([denial]);
    await expect(repo.search('claim', { limit: 0 })).rejects.toMatchObject({ kind: 'invalid' });
  });

  it('answers from the terms index: no request reads the whole notes table', async () => {
    const { db, repo } = setup();
    const calls = spyOnCore(db);
    for (let i = 0; i < 20; i++) await repo.save(noteInput({ text: `note number ${i}` }));
    await repo.save(noteInput({ text: 'Zakura spokesman' }));
    calls.length = 0;
    expect(await repo.search('spokesman zak')).toHaveLength(1);
    const onNotes = calls.filter((c) => c.table === 'notes');
    expect(onNotes.length).toBeGreaterThan(0);
    for (const call of onNotes) {
      if (call.op === 'query' || call.op === 'openCursor' || call.op === 'count') {
        expect(call.index).toBe('terms');
        expect(call.rangeType).not.toBe(3); // DBCoreRangeType.Any: every row
      } else {
        expect(call.op).toBe('getMany'); // the matching notes, by id
      }
    }
    expect(onNotes.map((c) => c.rangeType ?? c.op)).toEqual([1, 2, 'getMany']);
  });
});
