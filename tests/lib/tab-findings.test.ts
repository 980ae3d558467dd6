import { describe, expect, it } from 'vitest';
import { TabFindings } from '../../lib/tab-findings';
import type { PageFindings } from '../../lib/messaging';

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

  it('forgets a frame when another page opens in it, and all frames when the top page changes', () => {
    const tabs = new TabFindings();
    tabs.opened(1, 'https://news.example/a');
    tabs.filed(1, inFrame, 7);
    expect(tabs.frameOpened(1, 7)).toBe(true); // the badge had the frame's groups
    expect(tabs.get(1)!.entities).toEqual([]);
    tabs.filed(1, inFrame, 7);
    expect(tabs.opened(1, 'https://news.example/b')).toBe(true);
    expect(tabs.get(1)!.entities).toEqual([]);
  });
});
