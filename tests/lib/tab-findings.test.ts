import { describe, expect, it } from 'vitest';
import { TabFindings } from '../../lib/tab-findings';
import type { PageFindings } from '../../lib/messaging';
import { DEFAULT_DISPLAY } from '../../lib/display-settings';
import { matcherFor } from '../fixtures/spot';
import { testPack } from '../fixtures/test-pack';

const withGroup: PageFindings = {
  url: 'https://news.example/a',
  entities: [{ id: 'group-is', name: 'Islamic State', kind: 'group', aliases: ['ISIS'], mentions: 2 }],
  incidents: [],
};

describe('what each tab found', () => {
  it('clears the badge of a tab whose page showed something when a new page opens there', () => {
    const tabs = new TabFindings();
    expect(tabs.opened(1, withGroup.url)).toBe(true); // first seen: the worker cannot know the badge
    tabs.filed(1, withGroup);
    expect(tabs.opened(1, 'https://news.example/b')).toBe(true);
    expect(tabs.get(1)).toEqual({ url: 'https://news.example/b', entities: [], incidents: [] });
  });

  it('leaves the badge alone when the page before found nothing', () => {
    const tabs = new TabFindings();
    tabs.opened(1, 'https://news.example/a');
    expect(tabs.opened(1, 'https://news.example/b')).toBe(false);
  });

  it('clears the badge when the worker was stopped since the tab filed (the browser kept the badge)', () => {
    const before = new TabFindings();
    before.opened(1, withGroup.url);
    before.filed(1, withGroup);
    const restarted = new TabFindings();
    expect(restarted.opened(1, withGroup.url)).toBe(true);
  });

  it('forgets a closed tab', () => {
    const tabs = new TabFindings();
    tabs.filed(3, withGroup);
    tabs.forget(3);
    expect(tabs.get(3)).toBeUndefined();
    expect(tabs.tabs()).toEqual([]);
  });
});

describe('what the frames of a tab found', () => {
  const inFrame: PageFindings = {
    url: 'https://embed.example/live',
    entities: [
      { id: 'group-is', name: 'Islamic State', kind: 'group', aliases: ['Islamic State'], mentions: 1 },
      { id: 'group-let', name: 'Lashkar-e-Taiba', kind: 'group', aliases: ['LeT'], mentions: 1 },
    ],
    incidents: [],
  };

  it('counts every frame for the tab, under the top page’s address', () => {
    const tabs = new TabFindings();
    tabs.opened(1, withGroup.url);
    tabs.filed(1, withGroup);
    tabs.filed(1, inFrame, 7);
    const all = tabs.get(1)!;
    expect(all.url).toBe(withGroup.url);
    expect(all.entities.map((e) => [e.id, e.mentions, e.aliases])).toEqual([
      ['group-is', 3, ['ISIS', 'Islamic State']],
      ['group-let', 1, ['LeT']],
    ]);
  });

  it('forgets a frame when another page opens in it, and the frames of the page before when the top page changes', () => {
    const tabs = new TabFindings();
    tabs.opened(1, 'https://news.example/a');
    tabs.filed(1, inFrame, 7);
    expect(tabs.frameOpened(1, 7)).toBe(true); // the badge had the frame's groups
    expect(tabs.get(1)!.entities).toEqual([]);
    tabs.filed(1, inFrame, 7);
    expect(tabs.opened(1, 'https://news.example/b')).toBe(true);
    // Not counted while its frame is asked; the frame went with the page before: it does not answer.
    expect(tabs.get(1)!.entities).toEqual([]);
    const [asked] = tabs.unconfirmed(1);
    expect(asked?.frameId).toBe(7);
    expect(tabs.confirmed(asked!, false)).toBe(false);
    expect(tabs.unconfirmed(1)).toEqual([]);
    expect(tabs.get(1)!.entities).toEqual([]);
  });

  it('keeps what a frame found when it opened before its top page (its page is still open)', () => {
    const tabs = new TabFindings();
    // The frame reached document_idle first: the worker knows nothing of its top page yet.
    tabs.frameOpened(1, 7, { url: inFrame.url, display: DEFAULT_DISPLAY });
    tabs.filed(1, inFrame, 7);
    expect(tabs.get(1)!.entities.map((e) => e.id)).toEqual(['group-is', 'group-let']);
    tabs.opened(1, withGroup.url, { display: DEFAULT_DISPLAY });
    tabs.filed(1, withGroup);
    expect(tabs.get(1)!.entities.map((e) => e.id)).toEqual(['group-is']);
    const asked = tabs.unconfirmed(1);
    expect(asked.map((a) => a.frameId)).toEqual([7]);
    expect(tabs.confirmed(asked[0]!, true)).toBe(true); // 1 group → 2
    expect(tabs.get(1)!.entities.map((e) => [e.id, e.mentions])).toEqual([
      ['group-is', 3],
      ['group-let', 1],
    ]);
    expect(tabs.get(1)!.url).toBe(withGroup.url);
    // Asked once: a second answer changes nothing.
    expect(tabs.unconfirmed(1)).toEqual([]);
    expect(tabs.confirmed(asked[0]!, false)).toBe(false);
    expect(tabs.get(1)!.entities).toHaveLength(2);
  });

  it('drops what the frames of a reloaded page found, and keeps the new page’s frames that opened first', () => {
    const tabs = new TabFindings();
    tabs.opened(1, withGroup.url, { document: 'top-1', display: DEFAULT_DISPLAY });
    tabs.frameOpened(1, 7, { url: inFrame.url, document: 'frame-7', display: DEFAULT_DISPLAY });
    tabs.filed(1, inFrame, 7, 'frame-7');
    // Reloaded (the same address: the tab's update says no new URL). The new page's frame opens first.
    const later: PageFindings = {
      url: 'https://embed.example/next',
      entities: [{ id: 'group-jem', name: 'Jaish-e-Mohammed', kind: 'group', aliases: ['JeM'], mentions: 1 }],
      incidents: [],
    };
    tabs.frameOpened(1, 9, { url: later.url, document: 'frame-9', display: DEFAULT_DISPLAY });
    tabs.filed(1, later, 9, 'frame-9');
    tabs.opened(1, withGroup.url, { document: 'top-2', display: DEFAULT_DISPLAY });
    expect(tabs.get(1)!.entities).toEqual([]);
    const asked = tabs.unconfirmed(1);
    expect(asked.map((a) => a.frameId)).toEqual([7, 9]);
    // Frame 9 answers; frame 7 went with the page before.
    tabs.confirmed(asked[1]!, true);
    tabs.confirmed(asked[0]!, false);
    expect(tabs.get(1)!.entities.map((e) => e.id)).toEqual(['group-jem']);
    expect(tabs.unconfirmed(1)).toEqual([]);
  });

  it('keeps what an unconfirmed frame files or opens meanwhile for the answer about that frame', () => {
    const tabs = new TabFindings();
    tabs.filed(1, inFrame, 7);
    tabs.filed(1, inFrame, 8);
    tabs.opened(1, withGroup.url);
    const [seven, eight] = tabs.unconfirmed(1);
    // Frame 7 files again while it is asked: still its page's filing, still to be confirmed.
    tabs.filed(1, inFrame, 7);
    expect(tabs.get(1)!.entities).toEqual([]);
    // Another page opens in frame 8: that one is counted, whatever the answer about the page before.
    tabs.frameOpened(1, 8, { url: inFrame.url, display: DEFAULT_DISPLAY });
    tabs.filed(1, inFrame, 8);
    expect(tabs.confirmed(eight!, false)).toBe(false);
    expect(tabs.get(1)!.entities.map((e) => e.mentions)).toEqual([1, 1]);
    expect(tabs.confirmed(seven!, true)).toBe(false); // the same two groups: the badge stays
    expect(tabs.get(1)!.entities.map((e) => e.mentions)).toEqual([2, 2]);
  });
});

describe('what the background answered a page, filed as what it found', () => {
  const matcher = matcherFor(testPack());
  const answer = (text: string, plainIds: string[] = []) => ({
    text,
    matches: matcher.match({ text, breaks: [], plainIds, dateUnread: false }),
  });
  const everything = { display: DEFAULT_DISPLAY };

  it('counts every answer to the page as the page counts what it draws, and only what the reader marks', () => {
    const tabs = new TabFindings();
    tabs.opened(1, 'https://news.example/a', { document: 'doc-1', ...everything });
    for (const text of ['The Islamic State claimed it.', 'Amaq said so; S P Vaid said nothing.']) {
      const { matches } = answer(text);
      expect(tabs.answered(tabs.filingFor(1, 0, 'doc-1'), matches, text)).toBe(true);
    }
    expect(tabs.get(1)!.entities.map((e) => [e.id, e.aliases, e.mentions])).toEqual([
      ['group-is', ['Islamic State'], 1],
      ['media-amaq', ['Amaq'], 1],
      ['person-vaid', ['S P Vaid'], 1],
    ]);
    expect(tabs.get(1)!.url).toBe('https://news.example/a');

    // A reader who marks only groups sees only groups counted.
    tabs.opened(2, 'https://news.example/a', { display: { ...DEFAULT_DISPLAY, kinds: ['group'] } });
    const { text, matches } = answer('The Islamic State claimed it; S P Vaid said nothing.');
    tabs.answered(tabs.filingFor(2, 0, undefined), matches, text);
    expect(tabs.get(2)!.entities.map((e) => e.id)).toEqual(['group-is']);
  });

  it('counts people only beside a group, and files nothing for a page whose answers name nothing it marks', () => {
    const tabs = new TabFindings();
    tabs.opened(1, 'https://news.example/a', everything);
    const { text, matches } = answer('S P Vaid spoke to reporters.');
    tabs.answered(tabs.filingFor(1, 0, undefined), matches, text);
    expect(tabs.get(1)).toEqual({ url: 'https://news.example/a', entities: [], incidents: [] });
  });

  it('files an answer only for the page as it was when the message arrived, in its own document and frame', () => {
    const tabs = new TabFindings();
    tabs.opened(1, 'https://news.example/a', { document: 'doc-1', ...everything });
    const { text, matches } = answer('The Islamic State claimed it.');
    // Another document of the same frame (one that was navigated away from): not filed.
    expect(tabs.answered(tabs.filingFor(1, 0, 'doc-0'), matches, text)).toBe(false);
    // The page opened again (settings changed) while its earlier self waited for this answer.
    const earlier = tabs.filingFor(1, 0, 'doc-1');
    tabs.opened(1, 'https://news.example/a', { document: 'doc-1', ...everything });
    expect(tabs.answered(earlier, matches, text)).toBe(false);
    // A frame the worker never saw open (it started since), and a tab it does not know.
    expect(tabs.answered(tabs.filingFor(1, 4, undefined), matches, text)).toBe(false);
    expect(tabs.answered(tabs.filingFor(9, 0, undefined), matches, text)).toBe(false);
    expect(tabs.get(1)!.entities).toEqual([]);
  });

  it('counts what a page files itself from then on, not its answers; a report of another document is dropped', () => {
    const tabs = new TabFindings();
    tabs.opened(1, withGroup.url, { document: 'doc-1', ...everything });
    const { text, matches } = answer('Amaq said so.');
    tabs.answered(tabs.filingFor(1, 0, 'doc-1'), matches, text);
    expect(tabs.filed(1, withGroup, 0, 'doc-0')).toBe(false);
    expect(tabs.get(1)!.entities.map((e) => e.id)).toEqual(['media-amaq']);
    expect(tabs.filed(1, withGroup, 0, 'doc-1')).toBe(true);
    expect(tabs.answered(tabs.filingFor(1, 0, 'doc-1'), matches, text)).toBe(false);
    expect(tabs.get(1)!.entities.map((e) => e.id)).toEqual(['group-is']);
  });

  it('counts the answers to each frame for the tab, and forgets them when another page opens in the frame', () => {
    const tabs = new TabFindings();
    tabs.opened(1, withGroup.url, everything);
    tabs.filed(1, withGroup);
    expect(tabs.frameOpened(1, 7, { url: 'https://embed.example/live', ...everything })).toBe(false);
    const { text, matches } = answer('The Islamic State and Amaq.');
    tabs.answered(tabs.filingFor(1, 7, undefined), matches, text);
    expect(tabs.get(1)!.entities.map((e) => [e.id, e.mentions])).toEqual([
      ['group-is', 3],
      ['media-amaq', 1],
    ]);
    expect(tabs.frameOpened(1, 7, { url: 'https://embed.example/next', ...everything })).toBe(true);
    expect(tabs.get(1)!.entities.map((e) => [e.id, e.mentions])).toEqual([['group-is', 2]]);
  });
});
