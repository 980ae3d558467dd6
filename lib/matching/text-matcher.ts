/**
 * Finds the known names in a page's text, in the background: the automaton, the letter-case and
 * overlap rules, the text around places and incident names, and the incidents the text is about.
 * The page sends its visible text once and gets back positions to mark.
 */
import { calendarDay } from '../calendar';
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import { findArticleDate } from './date-mentions';
import { ARTICLE_HEAD } from './incident-evidence';
import {
  dateCanMatter,
  linkIncidents,
  type EvidenceMention,
  type IncidentMatch,
  type LinkOptions,
} from './incident-linker';
import type { MatcherBundle, MatchTarget } from './matcher-bundle';
import { guardSupport, pickSharedGuarded, relatedOutfits } from './guard-context';
import {
  filterMatches,
  hasRightCase,
  isCaseSensitive,
  isGuarded,
  type PatternInfo,
  type RawMatch,
} from './mention-filter';
import { PackedAutomaton, StreamMatcher } from './stream-matcher';
import { isStateTitle } from './state-names';
import { clubNames } from './club-names';
import { foldText } from './normalise';
import { countAtOrBelow } from '../sorted-search';

export interface TextMention {
  start: number;
  end: number;
  targetId: string;
  type: MatchTarget['type'];
  kind: MatchTarget['kind'];
  name: string;
  /** Counts only where the page names the same entity plainly too ("IS", "Isis"), or one of `context`. */
  guarded: boolean;
  /** Of a guarded mention: the outfits related to its entity, whose plain mention lets it count too. */
  context?: readonly string[];
}

export interface TextMatches {
  mentions: TextMention[];
  /** Incidents the text is about; their `mentions` index into `mentions`. */
  incidents: IncidentMatch[];
  /** The article's calendar day, from its declared date or its dateline. */
  published?: string;
  /** Asked with `dateUnread`, the text names a place or an incident: send the declared date. */
  needsDate?: boolean;
  /**
   * With `needsDate`: the background holds the text under this token, so the page sends only the
   * date (`scanWithDate`); without one, the page sends the text again with the date.
   */
  resume?: string;
}

export interface PageText {
  text: string;
  /** Sorted positions where blocks break. */
  breaks: number[];
  /** Publication date the page declares (meta tags, JSON-LD or <time>), if any. */
  declaredDate?: string;
  /**
   * The page's meta tags declare no date and it has not read its JSON-LD and <time> yet: it does so
   * only when asked (`needsDate`), because only incidents need the article's date, and most pages
   * name no incident and no place beside an event.
   */
  dateUnread?: boolean;
  /** Entities the page already names plainly (earlier reads): their guarded aliases count here too. */
  plainIds?: string[];
}

const CONTEXT_RADIUS = 350;
const NO_RELATIONS: ReadonlyMap<string, readonly string[]> = new Map();
const AROUND = 40;

export class TextMatcher {
  private readonly automaton: PackedAutomaton;
  private readonly info: PatternInfo;
  private readonly related: ReadonlyMap<string, readonly string[]>;

  constructor(
    private readonly kb: KnowledgeBase,
    readonly bundle: MatcherBundle,
    private readonly linkOptions: LinkOptions = {},
  ) {
    this.automaton = new PackedAutomaton(bundle.automaton);
    this.info = { automaton: this.automaton, caseForms: bundle.caseForms };
    this.related = relatedOutfits(kb);
  }

  match(page: PageText): TextMatches {
    const { text, breaks } = page;
    const raw = this.rawMatches(text, breaks);
    const found = this.withoutClubNames(this.withoutStateTitles(filterMatches(raw, this.info)));
    const mentions: TextMention[] = found.map((m) => {
      const target = this.targetOf(m);
      const guarded = isGuarded(m.pattern, this.info);
      // A guarded name ("Jaish") counts beside a related outfit too; a guarded acronym ("ISS" beside
      // al-Shabaab may be an institute) only beside its own group.
      const context =
        guarded && !isCaseSensitive(m.pattern, this.info) ? this.related.get(target.id) : undefined;
      return {
        start: m.start,
        end: m.end,
        targetId: target.id,
        type: target.type,
        kind: target.kind,
        name: target.name,
        guarded,
        ...(context ? { context } : {}),
      };
    });

    const plain = new Set([
      ...(page.plainIds ?? []),
      ...mentions.filter((m) => !m.guarded).map((m) => m.targetId),
    ]);
    const support = (m: TextMention) =>
      m.guarded ? guardSupport(m.targetId, plain, m.context ? this.related : NO_RELATIONS) : 3;
    const counted = (m: TextMention) => support(m) > 0;
    // A guarded alias ("IS", "Isis") with nothing plain beside it is not sent back at all: it would
    // never be marked, and the page would pay for mapping it. A guarded place name ("Nice",
    // "Sinai") is kept as weaker evidence: it goes back only if an incident rests on it. Where
    // groups share a guarded alias, only the one the page points to goes back (guard-context.ts).
    const kept = pickSharedGuarded(
      mentions.filter((m) => counted(m) || m.kind === 'place'),
      support,
      () => text,
    );
    mentions.length = 0;
    mentions.push(...kept);
    const evidenceIndexes: number[] = [];
    const evidence: EvidenceMention[] = [];
    let head: ReturnType<typeof withLineBreaks> | undefined;
    const article = () => (head ??= withLineBreaks(text, breaks, 0, Math.min(text.length, ARTICLE_HEAD)));
    mentions.forEach((m, index) => {
      if (m.kind !== 'place' && (!counted(m) || m.type !== 'incident')) return;
      if (evidence.length >= 500) return;
      const context = withLineBreaks(
        text,
        breaks,
        Math.max(0, m.start - CONTEXT_RADIUS),
        Math.min(text.length, m.end + CONTEXT_RADIUS),
      );
      evidenceIndexes.push(index);
      evidence.push({
        targetId: m.targetId,
        context: context.text,
        offset: context.offsetOf(m.start),
        text: text.slice(m.start, m.end),
        at: m.start < ARTICLE_HEAD ? article().offsetOf(m.start) : undefined,
        guarded: !counted(m),
      });
    });

    if (page.dateUnread && dateCanMatter(this.kb, evidence))
      return { mentions: [], incidents: [], needsDate: true };
    let published = calendarDay(page.declaredDate);
    let incidents: IncidentMatch[] = [];
    if (evidence.length > 0) {
      published ??= findArticleDate(withLineBreaks(text, breaks, 0, Math.min(text.length, 2000)).text);
      const entityIds = [
        ...new Set(mentions.filter((m) => m.type === 'entity' && counted(m)).map((m) => m.targetId)),
      ];
      incidents = linkIncidents(
        this.kb,
        { published, mentions: evidence, entityIds, text: article().text },
        this.linkOptions,
      ).map((incident) => ({
        ...incident,
        mentions: incident.mentions.map((i) => evidenceIndexes[i]!),
      }));
    }
    return dropUnusedPlaces(mentions, incidents, published);
  }

  /** Drops a group's name that heads a state's title ("the Islamic State of Iran"): state-names.ts. */
  private withoutStateTitles(found: RawMatch[]): RawMatch[] {
    const countryStarts = new Set(
      found
        .filter((m) => {
          const target = this.targetOf(m);
          return target.kind === 'place' && this.kb.entities.get(target.id)?.placeType === 'country';
        })
        .map((m) => m.start),
    );
    if (countryStarts.size === 0) return found;
    return found.filter((m) => this.targetOf(m).kind !== 'group' || !isStateTitle(m, countryStarts));
  }

  /** Drops a group's name the page writes as a sports club's ("Al-Shabab FC"), there and elsewhere: club-names.ts. */
  private withoutClubNames(found: RawMatch[]): RawMatch[] {
    const isGroup = (m: RawMatch) => this.targetOf(m).kind === 'group';
    const clubs = clubNames(found.filter(isGroup));
    if (clubs.size === 0) return found;
    return found.filter((m) => !isGroup(m) || !clubs.has(foldText(m.text)));
  }

  /** What a raw match names. */
  private targetOf(m: RawMatch): MatchTarget {
    return this.bundle.targets[this.automaton.patternTarget(m.pattern)]!;
  }

  private rawMatches(text: string, breaks: readonly number[]): RawMatch[] {
    const raw: { pattern: number; start: number; end: number }[] = [];
    const matcher = new StreamMatcher(this.automaton, (pattern, start, end) =>
      raw.push({ pattern, start, end }),
    );
    let from = 0;
    for (const at of [...breaks, text.length]) {
      if (at > from) matcher.feed(text.slice(from, at), from);
      matcher.boundary();
      from = Math.max(from, at);
    }
    const matches: RawMatch[] = [];
    for (const { pattern, start, end } of raw) {
      const matched = text.slice(start, end);
      if (!hasRightCase(pattern, matched, this.info)) continue;
      // The block holding the match: from the last break at or before it to the next one after it.
      const blockStart = breaks[countAtOrBelow(breaks, start) - 1] ?? 0;
      const blockEnd = breaks[countAtOrBelow(breaks, end - 1)] ?? text.length;
      matches.push({
        pattern,
        start,
        end,
        text: matched,
        before: text.slice(Math.max(blockStart, start - AROUND), start),
        after: text.slice(end, Math.min(blockEnd, end + AROUND)),
      });
    }
    return matches;
  }
}

/**
 * Places are evidence for incidents, never marked themselves: only those an incident rests on go back
 * to the page ("India" on a page about cricket costs the page nothing).
 */
function dropUnusedPlaces(
  mentions: readonly TextMention[],
  incidents: readonly IncidentMatch[],
  published: string | undefined,
): TextMatches {
  const used = new Set(incidents.flatMap((i) => i.mentions));
  const newIndex = new Map<number, number>();
  const kept: TextMention[] = [];
  mentions.forEach((m, i) => {
    if (m.kind === 'place' && !used.has(i)) return;
    newIndex.set(i, kept.length);
    kept.push(m);
  });
  return {
    mentions: kept,
    incidents: incidents.map((incident) => ({
      ...incident,
      mentions: incident.mentions.map((i) => newIndex.get(i)!),
    })),
    published,
  };
}

/** A span of the text with a line break where each block starts, and a way to find positions in it. */
export function withLineBreaks(text: string, breaks: readonly number[], from: number, to: number) {
  let out = '';
  let at = from;
  const inserted: number[] = [];
  // The first break after `from`, found by halving: a long page has thousands of breaks and as many
  // names to cut windows around.
  for (let i = countAtOrBelow(breaks, from); i < breaks.length; i++) {
    const b = breaks[i]!;
    if (b >= to) break;
    out += text.slice(at, b) + '\n';
    inserted.push(b);
    at = b;
  }
  out += text.slice(at, to);
  return {
    text: out,
    offsetOf(position: number): number {
      let shift = 0;
      for (const b of inserted) if (b <= position) shift++;
      return position - from + shift;
    },
  };
}
