/**
 * `npx tsx scripts/bench-background.ts [--json]`: the background's time to match and resolve the
 * seed-like article and the generated 1 MB article (also part of `npm run bench`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateArticle } from '../lib/bench/generators';
import { pageTextOf, timeBackgroundMatch, type BackgroundTiming } from '../lib/bench/background-match';
import { defaultPack } from '../lib/knowledge/default-pack';
import { KnowledgeService } from '../lib/knowledge/knowledge-service';

export function benchBackground(root: string): Record<string, BackgroundTiming> {
  const pack = defaultPack();
  const aliases = new KnowledgeService([pack]).aliasTexts();
  const seed = pageTextOf(readFileSync(join(root, 'tests/fixtures/pages/zakura-2017.html'), 'utf8'));
  const big = pageTextOf(
    generateArticle({
      characters: 1_000_000,
      names: aliases.filter((a) => a.length > 4),
      title: 'Long article',
    }),
  );
  return {
    'seed-like article': timeBackgroundMatch([pack], seed, 41),
    'generated 1 MB article': timeBackgroundMatch([pack], big, 9),
  };
}

if (process.argv[1]?.endsWith('bench-background.ts')) {
  const result = benchBackground(join(import.meta.dirname, '..'));
  if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else
    for (const [name, t] of Object.entries(result))
      console.log(`${name}: ${t.medianMs} ms (${t.mentions} mentions, ${t.incidents} incidents)`);
}
