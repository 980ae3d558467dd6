/**
 * When a guarded alias ("Jaish", "Ansar al-Islam") counts: where the page names its group plainly, or
 * (a name, not an acronym) a group or media arm the pack relates to it (a front, branch, parent,
 * splinter, ally), and, of groups that share the alias, only the one the page's context points to.
 */
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import type { EntityKind, RelationType } from '../knowledge/pack-types';
import { foldText } from './normalise';

/** Kinds whose relations are context for each other's guarded aliases. */
const CONTEXT_KINDS: ReadonlySet<EntityKind> = new Set(['group', 'media']);
/** Relations that tie two outfits together (people, organisations and places are never context). */
const CONTEXT_RELATIONS: ReadonlySet<RelationType> = new Set([
  'media-arm-of',
  'affiliate-of',
  'branch-of',
  'splinter-of',
  'merged-into',
  'front-of',
  'member-of',
]);

/** Per group or media arm: the outfits the pack relates it to, in either direction. */
export function relatedOutfits(kb: KnowledgeBase): ReadonlyMap<string, readonly string[]> {
  const related = new Map<string, Set<string>>();
  const link = (a: string, b: string) => {
    let set = related.get(a);
    if (!set) related.set(a, (set = new Set()));
    set.add(b);
  };
  for (const entity of kb.entities.values()) {
    if (!CONTEXT_KINDS.has(entity.kind)) continue;
    for (const r of entity.relations ?? []) {
      const target = kb.entities.get(r.target);
      if (!target || !CONTEXT_KINDS.has(target.kind) || !CONTEXT_RELATIONS.has(r.type)) continue;
      link(entity.id, target.id);
      link(target.id, entity.id);
    }
  }
  return new Map([...related].map(([id, set]) => [id, [...set]]));
}

/** How strongly the page supports a guarded mention: 2 its owner named plainly, 1 a related outfit, 0 none. */
export function guardSupport(
  ownerId: string,
  plain: ReadonlySet<string>,
  related: ReadonlyMap<string, readonly string[]>,
): number {
  if (plain.has(ownerId)) return 2;
  return related.get(ownerId)?.some((id) => plain.has(id)) ? 1 : 0;
}

/**
 * The words that tell same-name groups apart, from the parenthesis of a name: "Ansar al-Islam
 * (Egypt)" → "egypt". A page names them as words or as the start of words ("Egyptian").
 */
export function qualifierOf(name: string): string | undefined {
  const inner = /\(([^()]+)\)\s*$/.exec(name)?.[1];
  const folded = inner ? foldText(inner).trim() : '';
  return folded || undefined;
}

interface Guarded {
  start: number;
  end: number;
  targetId: string;
  name: string;
  guarded: boolean;
}

/**
 * Of guarded mentions that several groups share at one place ("Ansar al-Islam" of Bangladesh, of Egypt),
 * the ones to keep: those with the strongest support; at a tie, those whose qualifier the page names
 * (`pageText`: the page's text, read without regard to case), else all of them. Other mentions are kept
 * as they are.
 */
export function pickSharedGuarded<T extends Guarded>(
  mentions: readonly T[],
  support: (m: T) => number,
  pageText: () => string,
): T[] {
  const bySpan = new Map<string, T[]>();
  for (const m of mentions) {
    if (!m.guarded) continue;
    const key = `${m.start}:${m.end}`;
    const list = bySpan.get(key);
    if (list) list.push(m);
    else bySpan.set(key, [m]);
  }
  const dropped = new Set<T>();
  // Each qualifier is looked for once per page, however often its name comes back; the page is not
  // folded for it (folding a 1 MB page costs some 200 ms).
  const pageNames = new Map<string, boolean>();
  const pageNamesQualifier = (q: string) => {
    let found = pageNames.get(q);
    if (found === undefined) {
      found = startsWord(pageText(), q);
      pageNames.set(q, found);
    }
    return found;
  };
  for (const list of bySpan.values()) {
    if (new Set(list.map((m) => m.targetId)).size < 2) continue;
    const best = Math.max(...list.map(support));
    let kept = list.filter((m) => support(m) === best);
    if (kept.length > 1) {
      const named = kept.filter((m) => {
        const q = qualifierOf(m.name);
        return q !== undefined && pageNamesQualifier(q);
      });
      if (named.length > 0) kept = named;
    }
    for (const m of list) if (!kept.includes(m)) dropped.add(m);
  }
  return dropped.size === 0 ? [...mentions] : mentions.filter((m) => !dropped.has(m));
}

/**
 * Whether `word` starts a word of `text`, read without regard to case: what
 * /(^|[^\p{L}\p{N}])word/iu tells, but the word itself is looked for first (that regex tries every
 * position of the page and took some 35 ms on a 1 MB page without the word), and only where it is
 * found is the character before it checked.
 */
export function startsWord(text: string, word: string): boolean {
  const anywhere = new RegExp(escape(word), 'giu');
  const atStart = new RegExp(`(?<![\\p{L}\\p{N}])${escape(word)}`, 'iuy');
  for (let m = anywhere.exec(text); m; m = anywhere.exec(text)) {
    atStart.lastIndex = m.index;
    if (atStart.test(text)) return true;
    // The next look starts one character on: a later occurrence may overlap this one.
    anywhere.lastIndex = m.index + (text.codePointAt(m.index)! > 0xffff ? 2 : 1);
  }
  return false;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
