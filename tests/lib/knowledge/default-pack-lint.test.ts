import { describe, expect, it } from 'vitest';
import { defaultPack } from '../../../lib/knowledge/default-pack';
import { formatFindings, lintPack } from '../../../lib/knowledge/pack-lint';
import { validatePack } from '../../../lib/knowledge/pack-validator';

/**
 * The default pack lints clean: no known gaps are tolerated. Every leadership, branch, affiliation and
 * membership relation carries its dates, and every group an incident summary names is mentioned by one
 * of its claims or statements. A new finding fails this test with the linter's own message.
 */
describe('the default pack', () => {
  it('is valid and has no lint findings at all', () => {
    const result = validatePack(defaultPack());
    if (!result.ok) throw new Error('the default pack is invalid: run npm run pack:validate');
    expect(formatFindings(lintPack(result.pack))).toBe('');
  });
});
