import { describe, expect, it } from 'vitest';
import { defaultPack } from '../../../lib/knowledge/default-pack';
import { formatFindings, lintPack, type LintFinding } from '../../../lib/knowledge/pack-lint';
import { validatePack } from '../../../lib/knowledge/pack-validator';

/**
 * Leadership, branch, affiliation and membership relations whose dates no source read so far gives
 * ("subject type target"). Each is a known gap of issue 18, listed in the pack's report; remove an
 * entry when its relation gets a sourced date. Any other undated relation fails the test.
 */
const RELATIONS_AWAITING_DATES = [
  'group-is-sahel branch-of group-islamic-state',
  'group-is-mozambique branch-of group-islamic-state',
  'group-ypg member-of group-sdf',
  'person-mohammed-deif leader-of group-qassam-brigades',
  'person-ivan-mordisco leader-of group-emc',
];

/**
 * Summaries that name a group as background (the conflict a march protested, the network a claimant
 * split from, the group a dead gunman pledged himself to) with no claim or statement about that
 * group yet ("incident group"). Known gaps of issue 18: add the statement the summary relies on, or
 * reword it, then take the entry off.
 */
const SUMMARIES_AWAITING_STATEMENTS = [
  'incident-charlie-hebdo-2015 group-islamic-state',
  'incident-ankara-2015 group-pkk',
  'incident-cali-2025 group-farc',
  'incident-in-amenas-2013 group-al-qaeda',
  'incident-in-amenas-2013 group-aqim',
];

/** "incident group" of a summary finding: its message names the group's id in brackets. */
function summaryGap(f: LintFinding): string {
  return `${f.subject} ${/\(([a-z0-9._-]+)\)/.exec(f.message)?.[1] ?? ''}`;
}

describe('the default pack', () => {
  it('is valid and lints clean, apart from the known gaps listed above', () => {
    const result = validatePack(defaultPack());
    if (!result.ok) throw new Error('the default pack is invalid: run npm run pack:validate');
    const awaited = (f: LintFinding) =>
      (f.rule === 'summary-names-unmentioned-group' &&
        SUMMARIES_AWAITING_STATEMENTS.includes(summaryGap(f))) ||
      (f.rule === 'relation-without-dates' &&
        RELATIONS_AWAITING_DATES.includes(`${f.subject} ${f.message.split(' has no date')[0]}`));
    const findings = lintPack(result.pack).filter((f) => !awaited(f));
    expect(formatFindings(findings)).toBe('');
  });
});

describe('the lists of known gaps', () => {
  it('name only gaps the default pack still has, so a fixed gap is taken off the list', () => {
    const result = validatePack(defaultPack());
    if (!result.ok) throw new Error('the default pack is invalid');
    const findings = lintPack(result.pack);
    const summaries = findings.filter((f) => f.rule === 'summary-names-unmentioned-group').map(summaryGap);
    const undated = findings
      .filter((f) => f.rule === 'relation-without-dates')
      .map((f) => `${f.subject} ${f.message.split(' has no date')[0]}`);
    expect(SUMMARIES_AWAITING_STATEMENTS.filter((g) => !summaries.includes(g))).toEqual([]);
    expect(RELATIONS_AWAITING_DATES.filter((r) => !undated.includes(r))).toEqual([]);
  });
});
