// @vitest-environment jsdom
/**
 * The glance against the matcher on many generated pages: names of the pack among ordinary words and
 * traps, in blocks and inline elements, beside buttons, icons, hidden text and scripts, with and
 * without spaces between the tags. Wherever the page would mark something, the glance (with the
 * page's check of its edges) must send it to read its text.
 */
import { describe, expect, it } from 'vitest';
import { KnowledgeBase } from '../../../lib/knowledge/knowledge-base';
import type { KnowledgePack } from '../../../lib/knowledge/pack-types';
import { compileMatcher } from '../../../lib/matching/matcher-bundle';
import { PageGlance } from '../../../lib/matching/glance';
import { countedMentions, withTopic } from '../../../lib/matching/mention-count';
import { TextMatcher } from '../../../lib/matching/text-matcher';
import { MAX_GLANCE } from '../../../lib/messaging';
import { glanceText } from '../../../lib/page/glance-text';
import { startsTextNode } from '../../../lib/page/glance-probe';
import { collectText } from '../../../lib/page/text-collector';
import { defaultPack } from '../../../lib/knowledge/default-pack';
import { seededRandom } from '../../../lib/bench/generators';
import { testPack } from '../../fixtures/test-pack';
import { htmlDocument } from '../../fixtures/spot';

const WORDS = [
  'world',
  'sport',
  'menu',
  'Police',
  'said',
  'attacked',
  'on Friday',
  'in the town',
  '2019',
  '17',
  'the Bahamas',
  'a crisis',
  'analysis',
  'tribalism',
  'Somalia',
  'SHARE',
  'news',
  'Isis',
  'IS',
  'yesterday',
  'militants',
  'residents',
  'Update',
  'of',
  '—',
  '“quoted”',
];
const BLOCKS = ['p', 'li', 'td', 'h2', 'div'];
const INLINE = ['span', 'b', 'a', 'em'];

function names(pack: KnowledgePack): string[] {
  const out: string[] = [];
  for (const item of [...pack.entities, ...(pack.incidents ?? [])]) {
    out.push(item.name);
    for (const alias of item.aliases ?? []) out.push(typeof alias === 'string' ? alias : alias.text);
  }
  return out;
}

/** One generated page: a few blocks of words and names, in one of several kinds of markup. */
function page(next: () => number, pool: string[]): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const space = next() < 0.5 ? '' : ' ';
  const piece = (): string => {
    const roll = next();
    const text = roll < 0.3 ? pick(pool) : pick(WORDS);
    const cased = next() < 0.2 ? text.toLowerCase() : text;
    const form = next();
    if (form < 0.5) return cased;
    if (form < 0.65) {
      const tag = pick(INLINE);
      return `<${tag}>${cased}</${tag}>`;
    }
    if (form < 0.72) return `<button>${pick(WORDS)}</button>${cased}`;
    if (form < 0.78) return `${cased}<svg><title>${pick(WORDS)}</title></svg>`;
    if (form < 0.84) return `${cased}<span hidden>${pick(WORDS)}</span>`;
    if (form < 0.9) return `<script>var x = "${pick(WORDS)}";</script>${cased}`;
    if (form < 0.95) return `${cased}\u00ad`;
    const tag = pick(['div', 'p', 'h2']);
    return `<${tag}>${cased}</${tag}>`;
  };
  const blocks: string[] = [];
  for (let b = 0, n = 2 + Math.floor(next() * 5); b < n; b++) {
    const tag = pick(BLOCKS);
    const pieces: string[] = [];
    for (let p = 0, m = 1 + Math.floor(next() * 4); p < m; p++) pieces.push(piece());
    const joiner = next() < 0.5 ? ' ' : '';
    const inner = pieces.join(joiner);
    blocks.push(
      tag === 'li'
        ? `<ul><li>${inner}</li></ul>`
        : tag === 'td'
          ? `<table><tr><td>${inner}</td></tr></table>`
          : `<${tag}>${inner}</${tag}>`,
    );
  }
  return `<main>${blocks.join(space)}</main>`;
}

describe('the glance on generated pages', () => {
  const packs = [
    { name: 'test pack', pack: testPack(), pages: 1000, seed: 7 },
    { name: 'default pack', pack: defaultPack(), pages: 1000, seed: 11 },
  ];
  for (const { name, pack, pages, seed } of packs)
    it(`never sends away a page the matcher would mark (${pages} pages, ${name})`, async () => {
      const kb = new KnowledgeBase([pack]);
      const matcher = new TextMatcher(kb, compileMatcher(kb));
      const look = new PageGlance(kb);
      const next = seededRandom(seed);
      const pool = names(pack);
      let marked = 0;
      let checked = 0;
      for (let i = 0; i < pages; i++) {
        const html = page(next, pool);
        const body = htmlDocument(html).body;
        const collected = await collectText(body);
        const result = matcher.match({
          text: collected.text,
          breaks: collected.breaks,
          declaredDate: '2017-11-20',
        });
        const counted = withTopic(
          countedMentions(
            result.mentions.map((m) => ({ ...m, visible: true })),
            (m) => m.targetId,
          ),
          (m) => m.kind,
          result.incidents.length > 0,
        );
        const marks = counted.length + result.incidents.length;
        const verdict = look.look(glanceText(body, MAX_GLANCE)!);
        const edges = verdict.read ? verdict.edges : undefined;
        if (edges) checked++;
        const reads = verdict.read && (!edges || startsTextNode(body, edges));
        if (marks > 0) {
          marked++;
          expect(reads, html).toBe(true);
        }
      }
      // The pages are not all empty, and some needed their edges checked.
      expect(marked).toBeGreaterThan(pages / 5);
      expect(checked).toBeGreaterThan(pages / 20);
      // A thousand pages take seconds on an idle machine and several times that on a busy one.
    }, 120_000);
});
