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
  /** Case-sensitive aliases with no telling word ("IS-K", "J&K"), looked for as written. */
  keyPhrases: string;
  /** Other aliases without one telling word ("Uri attack", "Home Ministry"): words that must all be on the page. */
  keyGroups: string;
}

/**
 * Words too common in news to tell a page apart ("attack", "police"): an alias's key word is its
 * longest word not in this list, so that a page about something else keeps the gate closed.
 */
const COMMON_WORDS = new Set(
  (
    'the of and for with from into army attack attacks attacked bombing bombings blast blasts killing killings ' +
    'encounter gunfight shootout police government ministry agency national central council district town ' +
    'city village sector crossing investigation intelligence foundation operations operation special group ' +
    'front force forces state states province indian terror terrorist constable commando affairs ' +
    'foreign interior external home news media security reserve federal office department party movement ' +
    'organisation organization united people army base camp air airbase airport station market church ' +
    'hotel mosque temple sunday easter suicide union global site central world international valley shoot out'
  ).split(' '),
);

/**
 * The word of an alias that best tells a page apart: three letters or more, not a common news word,
 * not a bare number, preferably owned by at most two entities or incidents, then the longest.
 */
function keyWordOf(words: readonly string[], owners: ReadonlyMap<string, number>): string | undefined {
  const useful = words.filter((w) => w.length >= 3 && !COMMON_WORDS.has(w.toLowerCase()) && !/^\d+$/.test(w));
  const distinctive = useful.filter((w) => (owners.get(w.toLowerCase()) ?? 0) <= 2);
  const pool = distinctive.length > 0 ? distinctive : useful;
  return pool.length === 0 ? undefined : pool.reduce((a, b) => (b.length > a.length ? b : a));
}

export function compileMatcher(kb: KnowledgeBase): MatcherBundle {
  const targets: MatchTarget[] = [];
  const patterns: AutomatonPattern[] = [];
  const caseForms: string[] = [];
  const seen = new Set<string>();
  const firstWords = new Set<string>();
  const keyWords = new Set<string>();
  const exactKeyWords = new Set<string>();
  const keyPhrases = new Set<string>();
  const keyGroups = new Set<string>();
  const gateAliases: { text: string; folded: string; caseSensitive: boolean; target: number }[] = [];

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
    caseForms.push(caseForm);
    if ((flags & PATTERN_NEEDS_CONTEXT) === 0) gateAliases.push({ text, folded, caseSensitive, target });
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

  // Key words for the page gate, chosen once every alias is known (rarity needs all of them).
  // A word many entities or incidents share ("state", "attack") is generic: count owners, not aliases.
  const owners = new Map<string, Set<number>>();
  for (const alias of gateAliases)
    for (const word of alias.folded.split(' '))
      owners.set(word, (owners.get(word) ?? new Set()).add(alias.target));
  const frequency = new Map([...owners].map(([word, set]) => [word, set.size]));
  for (const { text, folded, caseSensitive } of gateAliases) {
    const written = text.split(/[^\p{L}\p{N}\p{M}]+/u).filter(Boolean);
    // Case-sensitive keys only for plain ASCII words; anything else is checked folded. A
    // case-sensitive alias made only of short or common words ("IS-K") is looked for as written.
    if (caseSensitive && written.length > 0 && written.every((w) => /^[A-Za-z0-9]+$/.test(w))) {
      const word = keyWordOf(written, frequency);
      if (word) exactKeyWords.add(word);
      else keyPhrases.add(text);
    } else {
      // A short key ("uri", "ish") alone would open the gate on too many pages: then every word
      // of the alias must be on the page ("uri" and "attack").
      const words = folded.split(' ');
      const word = keyWordOf(words, frequency);
      if (word && word.length >= 4) keyWords.add(word);
      else keyGroups.add(words.join(' '));
    }
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
    keyPhrases: [...keyPhrases].sort().join('\n'),
    keyGroups: [...keyGroups].sort().join('\n'),
  };
}
