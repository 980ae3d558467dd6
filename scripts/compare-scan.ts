/**
 * `npx tsx scripts/compare-scan.ts [--set DIR] [--base COMMIT] [--only ID,ID]`: measurement only, never
 * shipped. Checks that a change to the background leaves every result as it was: the background's
 * scan of this tree and of `--base` (default HEAD, so uncommitted work is what is compared) on the
 * same pages, compared as JSON byte for byte. The pages, in four forms of each article of a labelled
 * set (default ../shared/dev-articles, read at run time):
 *   dated     the page the scorer builds (`../shared/tools/score-articles.py`), with its date;
 *   undated   the same without a date (and, as a page sends it first, with the date unread);
 *   long      21,000 characters of generated text before the story: its names lie past the head;
 *   all       the dated page with every candidate incident kept (threshold 0, as linker-curve.ts);
 * and the fixture pages of tests/fixtures/pages and the two bench articles, with and without a date.
 *
 * `--browser --out FILE [--against FILE]`: the same dev-set pages (dated, undated, long) written as
 * HTML and run through `npm run scan -- --json` (the built extension in Chromium); the results, timing
 * left out, go to FILE, and are compared with an earlier FILE given as --against.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pageTextOf } from '../lib/bench/background-match';
import { generateArticle } from '../lib/bench/generators';
import type { PageText } from '../lib/matching/text-matcher';
import {
  PROJECT_ROOT,
  allCandidatesMatcherIn,
  scannerIn,
  unpackCommit,
  type Scanner,
} from './compare-scan-base';

interface Article {
  id: string;
  published?: string;
  lang?: string;
  title?: string;
  text: string;
}

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1]! : fallback;
};
const setDir = option('--set', join(PROJECT_ROOT, '../shared/dev-articles'));
const only = new Set(option('--only', '').split(',').filter(Boolean));
const articles: Article[] = readFileSync(join(setDir, 'articles.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as Article)
  .filter((a) => only.size === 0 || only.has(a.id));

const escape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Generated paragraphs of plain words (lib/bench/generators.ts), no names: what pushes a story past the head. */
const FILLER = [
  ...generateArticle({ characters: 21_000, names: [], seed: 5 }).matchAll(/<(p|h2)>[^<]*<\/\1>/g),
].map((m) => m[0]);

/** The page the scorer writes for an article, optionally without its date or after the filler. */
function pageHtml(a: Article, form: 'dated' | 'undated' | 'long'): string {
  const published = form === 'undated' ? undefined : a.published;
  const meta = published ? `<meta property="article:published_time" content="${published}T09:00:00Z">` : '';
  const time = published ? `<time datetime="${published}">${published}</time>` : '';
  const body = [
    ...(form === 'long' ? FILLER : []),
    ...a.text
      .split('\n')
      .filter((p) => p.trim())
      .map((p) => `<p>${escape(p)}</p>`),
  ].join('\n');
  const title = escape(a.title ?? a.id);
  return (
    `<!doctype html><html lang="${a.lang ?? 'en'}"><head><meta charset="utf-8"><title>${title}</title>${meta}</head>` +
    `<body><header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>` +
    `<main><article><h1>${title}</h1>${time}\n${body}</article></main>` +
    `<footer>News site</footer></body></html>`
  );
}

/** Every (name, page, which scanner) the in-process comparison runs. */
function inProcessCases(): { name: string; page: PageText; all?: boolean }[] {
  const cases: { name: string; page: PageText; all?: boolean }[] = [];
  for (const a of articles) {
    const dated = pageTextOf(pageHtml(a, 'dated'));
    cases.push({ name: `dated ${a.id}`, page: dated });
    cases.push({ name: `all ${a.id}`, page: dated, all: true });
    const undated = pageTextOf(pageHtml(a, 'undated'));
    cases.push({ name: `undated ${a.id}`, page: undated });
    cases.push({ name: `undated, date unread ${a.id}`, page: { ...undated, dateUnread: true } });
    cases.push({ name: `long ${a.id}`, page: pageTextOf(pageHtml(a, 'long')) });
  }
  if (only.size > 0) return cases;
  const fixtures = join(PROJECT_ROOT, 'tests/fixtures/pages');
  for (const file of readdirSync(fixtures).filter((f) => f.endsWith('.html'))) {
    const page = pageTextOf(readFileSync(join(fixtures, file), 'utf8'));
    cases.push({ name: `fixture ${file}`, page });
    cases.push({ name: `fixture, no date ${file}`, page: { ...page, declaredDate: undefined } });
  }
  return cases;
}

async function compareInProcess(): Promise<number> {
  const base = unpackCommit(option('--base', 'HEAD'));
  const trees = {
    base: { scan: await scannerIn(base), all: await allCandidatesMatcherIn(base) },
    head: { scan: await scannerIn(PROJECT_ROOT), all: await allCandidatesMatcherIn(PROJECT_ROOT) },
  };
  const cases = inProcessCases();
  if (only.size === 0) {
    // The bench articles (scripts/bench-linker-cost.ts): the seed-like page is a fixture already.
    const { KnowledgeService } = await import('../lib/knowledge/knowledge-service');
    const { defaultPack } = await import('../lib/knowledge/default-pack');
    const names = new KnowledgeService([defaultPack()]).aliasTexts().filter((a) => a.length > 4);
    const long = pageTextOf(generateArticle({ characters: 1_000_000, names, title: 'Long article' }));
    cases.push({ name: 'bench, generated 1 MB article', page: long });
    cases.push({
      name: 'bench, generated 1 MB article, no date',
      page: { ...long, declaredDate: undefined },
    });
  }
  let differ = 0;
  for (const c of cases) {
    const run = (s: { scan: Scanner; all: Scanner }) => JSON.stringify((c.all ? s.all : s.scan).scan(c.page));
    const [before, after] = [run(trees.base), run(trees.head)];
    if (before === after) continue;
    differ++;
    let at = 0;
    while (before[at] === after[at]) at++;
    console.log(
      `DIFFERS ${c.name}\n  before …${before.slice(at - 80, at + 160)}\n  after  …${after.slice(at - 80, at + 160)}`,
    );
  }
  console.log(`${cases.length - differ} of ${cases.length} identical (base ${base})`);
  return differ === 0 ? 0 : 1;
}

async function browserScan(): Promise<number> {
  const out = option('--out', '');
  if (!out) throw new Error('--browser needs --out FILE');
  const dir = join(tmpdir(), `claimlens-compare-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  for (const form of ['dated', 'undated', 'long'] as const)
    for (const a of articles) {
      const file = join(dir, `${form}-${a.id}.html`);
      writeFileSync(file, pageHtml(a, form));
      files.push(file);
    }
  const stdout = execFileSync('npm', ['run', '-s', 'scan', '--', '--json', ...files], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const results = (JSON.parse(stdout.slice(stdout.indexOf('['))) as Record<string, unknown>[]).map(
    ({ timing: _timing, input, url: _url, ...rest }) => ({ page: basename(String(input)), ...rest }),
  );
  writeFileSync(out, results.map((r) => JSON.stringify(r)).join('\n') + '\n');
  console.log(`${results.length} pages scanned → ${out}`);
  const against = option('--against', '');
  if (!against) return 0;
  const before = readFileSync(against, 'utf8').split('\n');
  const after = readFileSync(out, 'utf8').split('\n');
  let differ = 0;
  for (let i = 0; i < Math.max(before.length, after.length); i++)
    if (before[i] !== after[i]) {
      differ++;
      console.log(`DIFFERS\n  before ${before[i]?.slice(0, 300)}\n  after  ${after[i]?.slice(0, 300)}`);
    }
  console.log(`${results.length - differ} of ${results.length} identical to ${against}`);
  return differ === 0 ? 0 : 1;
}

process.exitCode = args.includes('--browser') ? await browserScan() : await compareInProcess();
