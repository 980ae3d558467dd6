/**
 * Compiles the enabled packs into what a page needs to find names: the encoded automaton, who each
 * pattern belongs to, and the exact letter case of case-sensitive aliases.
 */
import {
  PATTERN_CASE_SENSITIVE,
  PATTERN_NEEDS_CONTEXT,
  buildAutomaton,
  type AutomatonPattern,
} from './word-automaton';
import { caseSkeleton, foldText } from './normalise';
import type { Alias, EntityKind } from '../knowledge/pack-types';
import type { KnowledgeBase } from '../knowledge/knowledge-base';

export interface MatchTarget {
  id: string;
  type: 'entity' | 'incident';
  kind: EntityKind | 'incident';
  name: string;
}

export interface MatcherBundle {
  /** Changes whenever the packs change; pages can cache by it. */
  key: string;
  /** buildAutomaton's packed string. */
  automaton: string;
  targets: MatchTarget[];
  /** Per pattern: letters of a case-sensitive alias as written ("ISIL"), or "" for case-insensitive ones. */
  caseForms: string[];
  /** The folded first word of every alias, one a line: pages skip text that holds none of them. */
  firstWords: string;
  /**
   * One key word per alias that counts on its own (its longest word; guarded aliases left out), one
   * a line: a page whose text holds none of them names nothing, and is not read further. Folded for
   * case-insensitive aliases, as written for case-sensitive ones ("LeT", not "let").
   */
  keyWords: string;
  exactKeyWords: string;
}

export function compileMatcher(kb: KnowledgeBase): MatcherBundle {
  const targets: MatchTarget[] = [];
  const patterns: AutomatonPattern[] = [];
  const caseForms: string[] = [];
  const seen = new Set<string>();
  const firstWords = new Set<string>();
  const keyWords = new Set<string>();
  const exactKeyWords = new Set<string>();

  const add = (target: number, alias: Alias) => {
    const text = typeof alias === 'string' ? alias : alias.text;
    const caseSensitive = typeof alias !== 'string' && alias.caseSensitive === true;
    const flags =
      (caseSensitive ? PATTERN_CASE_SENSITIVE : 0) |
      (typeof alias !== 'string' && alias.needsContext ? PATTERN_NEEDS_CONTEXT : 0);
    const folded = foldText(text);
    const caseForm = caseSensitive ? caseSkeleton(text) : '';
    const key = `${target}|${folded}|${flags}|${caseForm}`;
    if (folded === '' || seen.has(key)) return;
    seen.add(key);
    patterns.push({ folded, target, flags });
    firstWords.add(folded.split(' ')[0]!);
    if ((flags & PATTERN_NEEDS_CONTEXT) === 0) {
      const longest = (words: string[]) => words.reduce((a, b) => (b.length > a.length ? b : a));
      const written = text.split(/[^\p{L}\p{N}\p{M}]+/u).filter(Boolean);
      // Case-sensitive keys only for plain ASCII words; anything else is checked folded.
      if (caseSensitive && written.length > 0 && written.every((w) => /^[A-Za-z0-9]+$/.test(w)))
        exactKeyWords.add(longest(written));
      else keyWords.add(longest(folded.split(' ')));
    }
    caseForms.push(caseForm);
  };

  for (const entity of kb.entities.values()) {
    const index = targets.push({ id: entity.id, type: 'entity', kind: entity.kind, name: entity.name }) - 1;
    add(index, entity.name);
    for (const alias of entity.aliases ?? []) add(index, alias);
  }
  for (const incident of kb.incidents.values()) {
    const index =
      targets.push({ id: incident.id, type: 'incident', kind: 'incident', name: incident.name }) - 1;
    add(index, incident.name);
    for (const alias of incident.aliases ?? []) add(index, alias);
  }

  const automaton = buildAutomaton(patterns);
  const key = kb.packs.map((p) => `${p.id}@${p.version}`).join(',') + `#${automaton.length}`;
  return {
    key,
    automaton,
    targets,
    caseForms,
    firstWords: [...firstWords].sort().join('\n'),
    keyWords: [...keyWords].sort().join('\n'),
    exactKeyWords: [...exactKeyWords].sort().join('\n'),
  };
}
