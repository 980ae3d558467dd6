// @vitest-environment jsdom
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KnowledgeBase } from '../../../lib/knowledge/knowledge-base';
import { EVENT_WORD_REACH, PageGlance } from '../../../lib/matching/glance';
import { testPack } from '../../fixtures/test-pack';
import { htmlDocument, read, spot } from '../../fixtures/spot';
import { glanceText } from '../../../lib/page/glance-text';
import { MAX_GLANCE } from '../../../lib/messaging';
import { withTopic } from '../../../lib/matching/mention-count';
import type { KnowledgePack } from '../../../lib/knowledge/pack-types';
import { defaultPack } from '../../../lib/knowledge/default-pack';

const glance = new PageGlance(new KnowledgeBase([testPack()]));

describe('the first look at a page', () => {
  it('asks for the visible text when a group, its media arm or an incident is named', () => {
    expect(glance.mayMatter('A statement from the Islamic State.')).toBe(true);
    expect(glance.mayMatter('Amaq News Agency said so.')).toBe(true);
    expect(glance.mayMatter('After the Zakura attack.')).toBe(true);
    expect(glance.mayMatter('قال داعش')).toBe(true);
  });

  it('does not ask for it on a page that names only people or organisations, never marked alone', () => {
    expect(glance.mayMatter('SP Vaid said the J&K Police would look into it.')).toBe(false);
  });

  it('does not ask for it on a page with only guarded aliases or traps', () => {
    expect(glance.mayMatter('IS IT OVER? Isis, the goddess. A crisis, an analysis, the Bahamas.')).toBe(
      false,
    );
    expect(glance.mayMatter('')).toBe(false);
  });

  it('asks for a place only where an event word of an incident there is near it', () => {
    expect(glance.mayMatter('Zakura, a quiet town, has a new school.')).toBe(false);
    expect(glance.mayMatter('Militants attacked a police party in Zakura.')).toBe(true);
    const far = `Militants attacked a post. ${'Other news. '.repeat(EVENT_WORD_REACH / 10)} Zakura has a school.`;
    expect(glance.mayMatter(far)).toBe(false);
  });

  it('does not look for a place no incident happened at: the matcher never keeps it', () => {
    expect(glance.mayMatter('A grenade attack in Srinagar.')).toBe(false);
  });
});

/** How many marks the page would draw on `root` with `pack`: names that count, people only beside a group, incidents. */
async function marksOn(root: HTMLElement, pack: KnowledgePack): Promise<number> {
  const kb = new KnowledgeBase([pack]);
  const { result } = await read(root, pack, '2017-11-20');
  const mentions = withTopic(
    await spot(root, pack),
    (m) => kb.entities.get(m.id)?.kind ?? 'incident',
    result.incidents.length > 0,
  );
  return mentions.length + result.incidents.length;
}

/** Every fixture page, as written and with the spaces between its tags taken out (minified). */
function fixturePages(): { name: string; html: string }[] {
  const dir = join(__dirname, '../../fixtures/pages');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .flatMap((f) => {
      const html = readFileSync(join(dir, f), 'utf8');
      return [
        { name: f, html },
        { name: `${f} (minified)`, html: html.replace(/>\s+</g, '><') },
      ];
    });
}

describe('the look never misses what the page would mark', () => {
  const packs = [
    { name: 'test pack', pack: testPack() },
    { name: 'default pack', pack: defaultPack() },
  ];
  for (const { name: packName, pack } of packs) {
    const look = new PageGlance(new KnowledgeBase([pack]));
    for (const { name, html } of fixturePages()) {
      it(`${name}, ${packName}`, async () => {
        const doc = htmlDocument(html);
        const marks = await marksOn(doc.body, pack);
        const glance = glanceText(doc.body, MAX_GLANCE)!;
        if (marks > 0) expect(look.mayMatter(glance)).toBe(true);
        // The page built to hold only traps is never walked.
        if (name.startsWith('unrelated-traps')) {
          expect(marks).toBe(0);
          expect(look.mayMatter(glance)).toBe(false);
        }
      });
    }
  }
});

describe('the look at names on the edges of blocks, minified', () => {
  const pack = testPack();
  const look = new PageGlance(new KnowledgeBase([pack]));
  // Where a page's markup puts a name against the next or previous block with nothing between them.
  const layouts = [
    (name: string) => `<h1>Attack claimed by ${name}</h1><p>Police said it was a lie.</p>`,
    (name: string) => `<ul><li>World</li><li>${name}</li><li>Sport</li></ul>`,
    (name: string) => `<table><tr><td>2019</td><td>${name}</td><td>17</td></tr></table>`,
    (name: string) => `<div>Menu</div><div>${name}</div><div>Contact</div>`,
    (name: string) => `<p>MILITANTS</p><p>${name.toUpperCase()}</p><p>NEWS</p>`,
  ];
  const names = [
    'Islamic State',
    'ISIS',
    'ISIL',
    'Amaq News Agency',
    'Tehreek-ul-Mujahideen',
    'Hamas',
    'Zakura attack',
    'داعش',
    'इस्लामिक स्टेट',
  ];
  for (const name of names)
    it(`finds ${name} wherever the page marks it`, async () => {
      for (const layout of layouts) {
        const doc = htmlDocument(layout(name));
        if ((await marksOn(doc.body, pack)) > 0)
          expect(look.mayMatter(glanceText(doc.body, MAX_GLANCE)!), layout(name)).toBe(true);
      }
      // At least the first layout marks every one of these names.
      expect(await marksOn(htmlDocument(layouts[0]!(name)).body, pack)).toBeGreaterThan(0);
    });
});
