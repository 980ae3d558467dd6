/**
 * `npm run pack:lint -- [FILE]`: lints a knowledge pack (the default pack when no FILE is given) after
 * validating it. Prints every finding, one a line, and exits 1 when there is any.
 */
import { readFileSync } from 'node:fs';
import { defaultPack } from '../lib/knowledge/default-pack';
import { formatFindings, lintPack } from '../lib/knowledge/pack-lint';
import { formatProblems, validatePack } from '../lib/knowledge/pack-validator';

function main(): number {
  const file = process.argv[2];
  let input: unknown;
  try {
    input = file ? JSON.parse(readFileSync(file, 'utf8')) : defaultPack();
  } catch (error) {
    console.error(`${file}: cannot read as JSON: ${(error as Error).message}`);
    return 1;
  }
  const label = file ?? 'default pack';
  const result = validatePack(input);
  if (!result.ok) {
    console.error(`${label}: invalid, fix these first (npm run pack:validate):`);
    console.error(formatProblems(result.problems));
    return 1;
  }
  const findings = lintPack(result.pack);
  if (findings.length === 0) {
    console.error(`${label}: no lint findings`);
    return 0;
  }
  console.log(formatFindings(findings));
  console.error(`${label}: ${findings.length} lint finding(s)`);
  return 1;
}

process.exitCode = main();
