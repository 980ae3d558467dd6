/**
 * `npm run pack:validate -- [FILE] [--stats]`: validates a knowledge pack (the default pack when no
 * FILE is given). Exit 1 with every problem, one a line, on a bad pack; --stats prints JSON counts
 * (what the pack holds, then its coverage: incidents by year and region, contested incidents, undated
 * relations, sources without a publication date, sources by kind).
 */
import { readFileSync } from 'node:fs';
import { defaultPack } from '../lib/knowledge/default-pack';
import { packCoverage, packStats } from '../lib/knowledge/pack-stats';
import { formatProblems, validatePack } from '../lib/knowledge/pack-validator';

function main(): number {
  const args = process.argv.slice(2);
  const stats = args.includes('--stats');
  const file = args.find((a) => a !== '--stats');
  let input: unknown;
  if (file) {
    try {
      input = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      console.error(`${file}: cannot read as JSON: ${(error as Error).message}`);
      return 1;
    }
  } else {
    input = defaultPack();
  }
  const result = validatePack(input);
  if (!result.ok) {
    console.error(`${file ?? 'default pack'}: ${result.problems.length} problem(s)`);
    console.error(formatProblems(result.problems));
    return 1;
  }
  if (stats)
    console.log(JSON.stringify({ ...packStats(result.pack), ...packCoverage(result.pack) }, null, 2));
  else console.error(`${file ?? 'default pack'}: valid (${result.pack.name} ${result.pack.version})`);
  return 0;
}

process.exitCode = main();
