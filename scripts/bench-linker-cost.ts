/**
 * `npx tsx scripts/bench-linker-cost.ts [--base <commit>] [--rounds N] [--bundled | --base-pack] [--profile] [--json]`: what the
 * background's match + link costs now against a base commit (default 69aed9e, main before the
 * linker), on the same inputs as `npm run bench` (the seed-like article and the generated 1 MB
 * article), old and new interleaved in one process so that a busy machine slows both alike.
 * The base is unpacked once with `git archive` under the system's temp folder (scripts/compare-scan-base.ts).
 * `--base-pack`: this tree's code runs on the base commit's default pack (the code's cost apart from
 * what the pack has gained since).
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { pageTextOf } from '../lib/bench/background-match';
import { generateArticle } from '../lib/bench/generators';
import { median } from '../lib/bench/stats';
import { defaultPack } from '../lib/knowledge/default-pack';
import { KnowledgeService } from '../lib/knowledge/knowledge-service';
import type { PageText } from '../lib/matching/text-matcher';
import {
  PROJECT_ROOT as root,
  bundledScannerIn,
  scannerIn,
  unpackCommit,
  type Scanner,
} from './compare-scan-base';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const base = arg('--base', '69aed9e');
const rounds = Number(arg('--rounds', '7'));

interface Times {
  /** Wall-clock milliseconds of each scan. */
  wall: number[];
  /**
   * CPU milliseconds of each scan (this process, user + system): what a busy machine inflates least,
   * since time spent waiting for a core is left out.
   */
  cpu: number[];
}

/** `runs` scans of `page`, each timed, added to `into`. */
function time(scanner: Scanner, page: PageText, runs: number, into: Times = { wall: [], cpu: [] }): Times {
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const cpu = process.cpuUsage();
    scanner.scan(page);
    const used = process.cpuUsage(cpu);
    into.wall.push(performance.now() - start);
    into.cpu.push((used.user + used.system) / 1000);
  }
  return into;
}

const basePack = process.argv.includes('--base-pack');
const pack = basePack
  ? (
      await import(pathToFileURL(join(unpackCommit(base), 'lib/knowledge/default-pack.ts')).href)
    ).defaultPack()
  : defaultPack();
const current = new KnowledgeService([pack]);
const inputs: Record<string, { page: PageText; runs: number }> = {
  'seed-like article': {
    page: pageTextOf(readFileSync(join(root, 'tests/fixtures/pages/zakura-2017.html'), 'utf8')),
    runs: 41,
  },
  'generated 1 MB article': {
    page: pageTextOf(
      generateArticle({
        characters: 1_000_000,
        names: current.aliasTexts().filter((a) => a.length > 4),
        title: 'Long article',
      }),
    ),
    runs: 5,
  },
};

// --bundled: both trees bundled as the extension's background is (compare-scan-base.ts), not run by tsx.
const bundled = process.argv.includes('--bundled');
const scanners: Record<string, Scanner> = bundled
  ? { base: await bundledScannerIn(unpackCommit(base)), head: await bundledScannerIn(root) }
  : { base: await scannerIn(unpackCommit(base)), head: current };
for (const [name, { page }] of Object.entries(inputs))
  for (const [who, scanner] of Object.entries(scanners)) {
    scanner.scan(page);
    const r = scanner.scan(page);
    console.log(`${who} ${name}: ${r.mentions.length} mentions, ${r.incidents.length} incidents`);
  }

if (process.argv.includes('--profile')) {
  const { Session } = await import('node:inspector/promises');
  const session = new Session();
  session.connect();
  for (const [name, { page, runs }] of Object.entries(inputs)) {
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
    time(current, page, runs * 4);
    const { profile } = await session.post('Profiler.stop');
    const self = new Map<string, number>();
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    profile.samples!.forEach((id, i) => {
      const frame = nodes.get(id)!.callFrame;
      const key = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').slice(-2).join('/')}:${frame.lineNumber + 1}`;
      self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas![i] ?? 0));
    });
    const total = [...self.values()].reduce((a, b) => a + b, 0);
    console.log(`\nprofile, head, ${name} (self time):`);
    for (const [key, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 20))
      console.log(`  ${((us / total) * 100).toFixed(1).padStart(5)}%  ${key}`);
  }
}

const loadBefore = loadavg()[0]!;
const times: Record<string, Record<string, Times>> = {};
for (let round = 0; round < rounds; round++)
  for (const [name, { page, runs }] of Object.entries(inputs))
    for (const [who, scanner] of round % 2 ? Object.entries(scanners).reverse() : Object.entries(scanners))
      time(scanner, page, runs, ((times[name] ??= {})[who] ??= { wall: [], cpu: [] }));
const loadAfter = loadavg()[0]!;

console.log(
  `\n${base} (base) against this tree${bundled ? ', both bundled' : ''}${basePack ? ", both on the base's pack" : ''}, medians of ${rounds} interleaved rounds:`,
);
const result: Record<string, Record<string, number>> = {};
for (const [name, { base: b, head: h }] of Object.entries(times)) {
  const row = (result[name] = {
    baseCpuMs: median(b!.cpu),
    headCpuMs: median(h!.cpu),
    baseWallMs: median(b!.wall),
    headWallMs: median(h!.wall),
    runs: h!.cpu.length,
  });
  console.log(
    `${name} (${row.runs} runs each): CPU base ${row.baseCpuMs.toFixed(2)} ms, head ${row.headCpuMs.toFixed(2)} ms, ` +
      `${(row.headCpuMs / row.baseCpuMs).toFixed(2)}×; wall base ${row.baseWallMs.toFixed(2)} ms, ` +
      `head ${row.headWallMs.toFixed(2)} ms, ${(row.headWallMs / row.baseWallMs).toFixed(2)}×`,
  );
}
console.log(`load average (1 min) ${loadBefore.toFixed(1)} → ${loadAfter.toFixed(1)} on 2 cores`);
if (process.argv.includes('--json')) console.log(JSON.stringify({ base, loadBefore, loadAfter, result }));
