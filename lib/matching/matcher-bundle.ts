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
  /** buildAutomaton's packed string. */
  automaton: string;
  targets: MatchTarget[];
  /** Per pattern: letters of a case-sensitive alias as written ("ISIL"), or "" for case-insensitive ones. */
  caseForms: string[];
}

export function compileMatcher(kb: KnowledgeBase): MatcherBundle {
  const targets: MatchTarget[] = [];
  const patterns: AutomatonPattern[] = [];
  const caseForms: string[] = [];
  const seen = new Set<string>();

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
  return { automaton, targets, caseForms };
}
