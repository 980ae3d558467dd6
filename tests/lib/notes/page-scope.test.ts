// Which notes a content script's page may touch: its own, never another article's.
import { describe, expect, it } from 'vitest';
import { keyBelongsTo, mayRestore, notesOfPage } from '../../../lib/notes/page-scope';
import { pageKeyFor } from '../../../lib/notes/page-identity';
import { noteInput, repositoryPerTest } from './helpers';

const setup = repositoryPerTest();
const story = 'https://www.example-news.test/world/attack-on-market';
const other = 'https://www.example-news.test/world/another-story';

describe('notes of the sender’s page', () => {
  it('are the notes of its own key and of a canonical it confirms', async () => {
    const { repo } = setup();
    expect(await keyBelongsTo(repo, story, `${story}?utm_source=x#top`)).toBe(true);
    expect(await keyBelongsTo(repo, story, `${story}?ref=home`)).toBe(true);
    expect(await keyBelongsTo(repo, story, 'https://m.example-news.test/world/attack-on-market')).toBe(true);
  });

  it('are never another article’s, even on the same site', async () => {
    const { repo } = setup();
    expect(await keyBelongsTo(repo, story, other)).toBe(false);
    expect(await keyBelongsTo(repo, story, 'https://elsewhere.test/world/attack-on-market')).toBe(false);
    expect(await keyBelongsTo(repo, story, 'chrome://newtab/')).toBe(false);
  });

  it('include a key linked to the page by a recorded visit (a redirect)', async () => {
    const { repo } = setup();
    const old = 'https://www.example-news.test/2024/05/market';
    await repo.recordPageVisit({ key: story, url: old, title: 'Market' });
    // both ways, as the page is handed its notes: the old address's notes on the page, and back
    expect(await keyBelongsTo(repo, story, old)).toBe(true);
    expect(await keyBelongsTo(repo, old, story)).toBe(true);
    expect(await keyBelongsTo(repo, old, other)).toBe(false);
  });

  it('leaves out the notes of other pages from a list of ids', async () => {
    const { repo } = setup();
    const mine = await repo.save(noteInput({ pageKey: story, url: story }));
    const theirs = await repo.save(noteInput({ pageKey: other, url: other }));
    const owned = await notesOfPage(repo, [mine.id, theirs.id, 'no-such-note'], `${story}?fbclid=1`);
    expect([...owned.keys()]).toEqual([mine.id]);
  });

  it('may put back its own deleted note, not one of another page or over another page’s note', async () => {
    const { repo } = setup();
    const mine = await repo.save(noteInput({ pageKey: story, url: story }));
    await repo.delete(mine.id);
    expect(await mayRestore(repo, mine, story)).toBe(true);
    expect(await mayRestore(repo, mine, other)).toBe(false);
    // a note made up for another page, sent from this one
    expect(await mayRestore(repo, { ...mine, pageKey: other, url: other }, story)).toBe(false);
    // this page's key but another page's address
    expect(await mayRestore(repo, { ...mine, url: other }, story)).toBe(false);
    // the id of a note of another page: restoring would overwrite it
    const theirs = await repo.save(noteInput({ pageKey: other, url: other }));
    expect(await mayRestore(repo, { ...mine, id: theirs.id }, story)).toBe(false);
    expect(pageKeyFor({ url: story })).toBe(story);
  });
});
