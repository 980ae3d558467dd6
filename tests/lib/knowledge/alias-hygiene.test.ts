// Alias hygiene: a pack cannot make every page light up with "a", "I", "the" or "police", nor be too large to compile.
import { describe, expect, it } from 'vitest';
import { MAX_PACK_ALIASES, MAX_PACK_ALIAS_CHARS } from '../../../lib/knowledge/alias-hygiene';
import { defaultPack } from '../../../lib/knowledge/default-pack';
import type { Alias, KnowledgePack } from '../../../lib/knowledge/pack-types';
import { validatePack } from '../../../lib/knowledge/pack-validator';
import { testPack } from '../../fixtures/test-pack';

/** The test pack with one more group, named and aliased as given. */
function withGroup(aliases: Alias[], name = 'Valley Liberation Army'): KnowledgePack {
  const pack = testPack();
  return { ...pack, entities: [...pack.entities, { id: 'group-extra', kind: 'group', name, aliases }] };
}

const problemsOf = (pack: KnowledgePack) => {
  const result = validatePack(pack);
  return result.ok ? [] : result.problems;
};

describe('alias hygiene', () => {
  it('refuses one letter, stop words and everyday words as bare aliases, each with its path', () => {
    const problems = problemsOf(withGroup(['a', 'I', 'the', 'police', 'VLA']));
    const at = testPack().entities.length;
    expect(problems.map((p) => p.path)).toEqual([0, 1, 2, 3].map((j) => `entities[${at}].aliases[${j}]`));
    expect(problems[0]!.message).toMatch(/one-letter alias would mark every page/);
    expect(problems[2]!.message).toMatch(/"the" is a stop word/);
    expect(problems[3]!.message).toMatch(/"police" is an everyday English word.*caseSensitive.*needsContext/);
  });

  it('takes them flagged: letter case or context (one letter: context only)', () => {
    expect(
      problemsOf(
        withGroup([
          { text: 'Police', caseSensitive: true },
          { text: 'Front', needsContext: true },
          { text: 'IS', caseSensitive: true, needsContext: true },
          { text: 'V', needsContext: true },
        ]),
      ),
    ).toEqual([]);
    expect(problemsOf(withGroup([{ text: 'I', caseSensitive: true }]))).toHaveLength(1);
  });

  it('refuses a phrase of stop words, not a name made of everyday words', () => {
    expect(problemsOf(withGroup(['of the']))).toHaveLength(1);
    expect(problemsOf(withGroup(['Popular Front', 'State Department', 'Crisis Group']))).toEqual([]);
  });

  it('refuses a name that is an everyday word (names cannot be flagged)', () => {
    const [problem] = problemsOf(withGroup([], 'Army'));
    expect(problem).toMatchObject({ path: expect.stringMatching(/^entities\[\d+\]\.name$/) });
    expect(problem!.message).toMatch(/give the full name and add this as a flagged alias/);
  });

  it('bounds how many names and aliases a pack has, and their size, with a clear error', () => {
    const many = Array.from({ length: MAX_PACK_ALIASES }, (_, i) => `Valley Brigade ${i}`);
    const [tooMany] = problemsOf(withGroup(many));
    expect(tooMany).toMatchObject({
      path: '',
      message: expect.stringMatching(/at most 100,000.*split the pack/),
    });
    // Each alias over 190 characters: past the limit in characters, far below it in number.
    const long = Array.from(
      { length: Math.ceil(MAX_PACK_ALIAS_CHARS / 190) },
      (_, i) => `${i} ${'x'.repeat(190)}`,
    );
    expect(problemsOf(withGroup(long)).map((p) => p.message)).toEqual([
      expect.stringMatching(/characters in all: a pack may have at most 2,000,000/),
    ]);
  });

  it('leaves the bundled pack valid', () => {
    expect(validatePack(defaultPack())).toMatchObject({ ok: true });
  });
});
