/**
 * The first look at a page, in the background: could its `textContent` hold anything the matcher
 * would report? Only then does the page walk its visible text and send it; most pages name nothing
 * known, and for them the look is all they pay.
 *
 * What counts, found loosely (glance-filter.ts): a name of a group, a media outlet or an incident; a
 * place where one of the pack's incidents happened, with one of that incident's event words near it
 * ("Srinagar" … "attack"). Left out, because they are never marked alone: people and organisations
 * (marked only on a page that names a group or an incident, which the look finds itself), a place
 * without an event word of its incidents in the same sentence (the matcher drops it), and guarded
 * aliases ("IS", "Isis", which count only beside a plain name of the same entity).
 */
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import type { Alias } from '../knowledge/pack-types';
import { GlanceFilter, type GlancePattern } from './glance-filter';
import { DEFAULT_EVENT_WORDS } from './incident-resolver';
import { ACTOR_KINDS } from './mention-count';
import { foldText } from './normalise';

/**
 * How far from a place an event word is looked for, in `textContent`: wider than the sentence the
 * matcher looks in, because `textContent` may hold text the page does not show between the two.
 */
export const EVENT_WORD_REACH = 2000;

export class PageGlance {
  private readonly filter: GlanceFilter;
  /** Per pattern: null for a name that counts alone, else the event words (folded) of the place's incidents. */
  private readonly eventWords: (string[] | null)[] = [];

  constructor(kb: KnowledgeBase) {
    const patterns: GlancePattern[] = [];
    const add = (alias: Alias, eventWords: string[] | null) => {
      if (typeof alias === 'string') patterns.push({ text: alias, caseSensitive: false });
      else if (alias.needsContext) return;
      else patterns.push({ text: alias.text, caseSensitive: alias.caseSensitive === true });
      this.eventWords.push(eventWords);
    };
    const placeWords = new Map<string, Set<string>>();
    for (const incident of kb.incidents.values()) {
      if (!incident.place) continue;
      const words = placeWords.get(incident.place) ?? new Set(DEFAULT_EVENT_WORDS.map(foldText));
      for (const word of incident.eventWords ?? []) words.add(foldText(word));
      placeWords.set(incident.place, words);
    }
    for (const entity of kb.entities.values()) {
      if (ACTOR_KINDS.has(entity.kind)) continue;
      let words: string[] | null = null;
      if (entity.kind === 'place') {
        const atPlace = placeWords.get(entity.id);
        if (!atPlace) continue; // no incident happened there: the matcher never keeps it
        words = [...atPlace].filter((w) => w !== '');
      }
      add(entity.name, words);
      for (const alias of entity.aliases ?? []) add(alias, words);
    }
    for (const incident of kb.incidents.values()) {
      add(incident.name, null);
      for (const alias of incident.aliases ?? []) add(alias, null);
    }
    this.filter = new GlanceFilter(patterns);
  }

  /** Whether the page should read its visible text: `text` (its textContent) may name something. */
  mayMatter(text: string): boolean {
    return this.filter.find(text, (pattern, start, end) => {
      const words = this.eventWords[pattern]!;
      if (words === null) return true;
      const near = ` ${foldText(text.slice(Math.max(0, start - EVENT_WORD_REACH), end + EVENT_WORD_REACH))} `;
      return words.some((word) => near.includes(word));
    });
  }
}
