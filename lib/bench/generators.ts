/** Deterministic generated inputs for `npm run bench`: a long article and a large pack. */
import type { Entity, KnowledgePack } from '../knowledge/pack-types';

/** Small seeded PRNG (mulberry32): the same inputs on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'the of and to in a that was for on said it with as by at from his police were an officials ' +
  'district security forces attack village government report on after two three people area ' +
  'statement spokesman local residents market road night morning week month year army town ' +
  'investigation claimed responsibility group militants region border city province vehicle ' +
  'hospital injured killed according witnesses ministry minister interior press conference ' +
  'election campaign weather school students farmers prices water electricity bridge river ' +
  'court judge hearing lawyers families victims compensation inquiry report committee members'
).split(' ');

const SYLLABLES =
  'ka ra tan mir zul had bar qas nur fat lan dor sem vik hal tor mun jar pal rez dun kil som bak'.split(' ');

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function sentence(random: () => number, names: readonly string[], nameRate: number): string {
  const length = 8 + Math.floor(random() * 14);
  const words: string[] = [];
  for (let i = 0; i < length; i++) {
    if (names.length > 0 && random() < nameRate) words.push(pick(random, names));
    else words.push(pick(random, WORDS));
  }
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1) + '.';
}

/** An article of about `characters` characters of text, names sprinkled at `nameRate` per word. */
export function generateArticle(options: {
  characters: number;
  names: readonly string[];
  nameRate?: number;
  seed?: number;
  title?: string;
}): string {
  const random = seededRandom(options.seed ?? 7);
  const parts: string[] = [];
  let size = 0;
  let paragraph = 0;
  while (size < options.characters) {
    if (paragraph % 20 === 0) {
      const heading = sentence(random, [], 0).slice(0, 60);
      parts.push(`<h2>${heading}</h2>`);
      size += heading.length;
    }
    const sentences = 3 + Math.floor(random() * 4);
    let text = '';
    for (let i = 0; i < sentences; i++)
      text += (i ? ' ' : '') + sentence(random, options.names, options.nameRate ?? 0.004);
    parts.push(`<p>${escapeHtml(text)}</p>`);
    size += text.length;
    paragraph++;
  }
  const title = options.title ?? 'A generated long article';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<meta property="article:published_time" content="2021-06-01T08:00:00Z"></head>
<body><header><nav><a href="/">Home</a></nav></header><article><h1>${title}</h1>${parts.join('\n')}</article></body></html>`;
}

/** A valid pack of `count` groups with `aliasesPerEntity` names each (the name included). */
export function generatePack(count: number, aliasesPerEntity: number, seed = 11): KnowledgePack {
  const random = seededRandom(seed);
  const entities: Entity[] = [];
  const seen = new Set<string>();
  const word = () => {
    let w = '';
    const n = 2 + Math.floor(random() * 2);
    for (let i = 0; i < n; i++) w += pick(random, SYLLABLES);
    return w.charAt(0).toUpperCase() + w.slice(1);
  };
  while (entities.length < count) {
    const words = [word(), word(), word()];
    const name = words.join(' ');
    if (seen.has(name)) continue;
    seen.add(name);
    const aliases = [
      words.join('-'),
      `${words[0]}-ul-${words[1]} ${words[2]}`,
      `${words[0]} ${words[2]}`,
      words.map((w) => w[0]).join('') + 'X',
    ];
    entities.push({
      id: `group-gen-${entities.length}`,
      kind: 'group',
      name,
      aliases: aliases
        .slice(0, aliasesPerEntity - 1)
        .map((text, i) => (i === 3 ? { text, caseSensitive: true, needsContext: true } : text)),
    });
  }
  return {
    format: 'claimlens-pack',
    formatVersion: 1,
    id: 'bench-generated',
    name: `Generated pack (${count} entities)`,
    version: '1.0.0',
    updated: '2026-11-21',
    sources: [],
    entities,
    incidents: [],
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}
