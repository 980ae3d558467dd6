/**
 * The first look at a page, in the background: could its `textContent` hold anything the matcher
 * would report? Only then does the page walk its visible text and send it; most pages name nothing
 * known, and for them the look is all they pay.
 *
 * What counts (found as glance-filter.ts finds it): a name of a group, a media outlet or an incident;
 * a place where one of the pack's incidents happened, when one of that incident's event words is
 * somewhere in the text too ("Srinagar" … "attack"). Left out, because they are never marked alone:
 * people and organisations (marked only on a page that names a group or an incident, which the look
 * finds itself), a place on a page without an event word of its incidents, and guarded aliases ("IS",
 * "Isis", which count only beside a plain name of the same entity).
 *
 * A name found between two letters ("world|hamas" in "<li>world</li><li>hamas</li>", but also
 * "Ba|hamas") is a word only if a text node starts there: the answer then asks the page to check
 * (`edges`) before it reads its text.
 */
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import type { Alias } from '../knowledge/pack-types';
import { CERTAIN, GlanceFilter, type GlancePattern } from './glance-filter';
import { EVENT_WORDS } from './event-vocabulary';
import { anchorPlaces } from './incident-linker';
import { ACTOR_KINDS } from './mention-count';
import { foldText } from './normalise';

/** How much of the text after an uncertain edge the page is sent to check it (see `GlanceVerdict`). */
export const EDGE_PROBE_LENGTH = 16;
/** More uncertain edges than this, and the page simply reads its text. */
export const MAX_EDGE_PROBES = 16;

/**
 * What the look decided: nothing to read; read; or read only if a text node under the page's root
 * starts with one of `edges` (or is the start of one of them), where a name found between two letters
 * would have a word's edge.
 */
export type GlanceVerdict = { read: false } | { read: true; edges?: string[] };

interface Pattern {
  kind: 'name' | 'place' | 'event-word';
  /** For a place: the event words of its incidents (indices in `eventWords`). */
  words?: number[];
  /** For an event word: its index in `eventWords`. */
  word?: number;
}

export class PageGlance {
  private readonly filter: GlanceFilter;
  private readonly patterns: Pattern[] = [];
  private readonly eventWordCount: number;

  constructor(kb: KnowledgeBase) {
    const texts: GlancePattern[] = [];
    const add = (alias: Alias, pattern: Pattern) => {
      if (typeof alias === 'string') texts.push({ text: alias, caseSensitive: false });
      else if (alias.needsContext) return;
      else texts.push({ text: alias.text, caseSensitive: alias.caseSensitive === true });
      this.patterns.push(pattern);
    };
    const wordIndex = new Map<string, number>();
    const indexOf = (word: string) => {
      let index = wordIndex.get(word);
      if (index === undefined) wordIndex.set(word, (index = wordIndex.size));
      return index;
    };
    const placeWords = new Map<string, Set<number>>();
    const common = EVENT_WORDS.map((w) => indexOf(w.folded));
    for (const [place, incidents] of anchorPlaces(kb)) {
      const words = new Set<number>(common);
      for (const incident of incidents)
        for (const word of incident.eventWords ?? []) {
          const folded = foldText(word);
          if (folded !== '') words.add(indexOf(folded));
        }
      placeWords.set(place, words);
    }
    for (const entity of kb.entities.values()) {
      if (ACTOR_KINDS.has(entity.kind)) continue;
      let pattern: Pattern = { kind: 'name' };
      if (entity.kind === 'place') {
        const words = placeWords.get(entity.id);
        if (!words) continue; // no incident happened there: the matcher never keeps it
        pattern = { kind: 'place', words: [...words] };
      }
      add(entity.name, pattern);
      for (const alias of entity.aliases ?? []) add(alias, pattern);
    }
    for (const incident of kb.incidents.values()) {
      add(incident.name, { kind: 'name' });
      for (const alias of incident.aliases ?? []) add(alias, { kind: 'name' });
    }
    for (const [word, index] of wordIndex) {
      texts.push({ text: word, caseSensitive: false, anywhere: true });
      this.patterns.push({ kind: 'event-word', word: index });
    }
    this.eventWordCount = wordIndex.size;
    this.filter = new GlanceFilter(texts);
  }

  /** What the page should do after its look: `text` is its textContent. */
  look(text: string): GlanceVerdict {
    const edges = new Set<string>();
    let certain = false;
    const seenWords = new Uint8Array(this.eventWordCount);
    const places: { words: number[]; startEdge: number; endEdge: number }[] = [];
    /** A name that counts, found with these edges: true when the page must read its text at once. */
    const counts = (startEdge: number, endEdge: number): boolean => {
      if (startEdge === CERTAIN && endEdge === CERTAIN) return (certain = true);
      for (const edge of [startEdge, endEdge])
        if (edge !== CERTAIN) edges.add(text.slice(edge, edge + EDGE_PROBE_LENGTH));
      return edges.size > MAX_EDGE_PROBES && (certain = true);
    };
    this.filter.find(text, (index, _start, _end, startEdge, endEdge) => {
      const pattern = this.patterns[index]!;
      if (pattern.kind === 'name') return counts(startEdge, endEdge);
      if (pattern.kind === 'event-word') {
        seenWords[pattern.word!] = 1;
        return false;
      }
      if (pattern.words!.some((w) => seenWords[w] === 1)) return counts(startEdge, endEdge);
      // Its event word may come later in the text.
      if (places.length < MAX_EDGE_PROBES * 4) places.push({ words: pattern.words!, startEdge, endEdge });
      else certain = true;
      return certain;
    });
    if (!certain)
      for (const place of places)
        if (place.words.some((w) => seenWords[w] === 1) && counts(place.startEdge, place.endEdge)) break;
    if (certain) return { read: true };
    return edges.size > 0 ? { read: true, edges: [...edges] } : { read: false };
  }
}
