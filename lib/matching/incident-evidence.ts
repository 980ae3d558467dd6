/**
 * What an article says that bears on incidents, read once per article: the event words, dates and
 * figures in its text, and the text around each place or incident name it gives. The linker
 * (incident-linker.ts) weighs these against each candidate incident.
 */
import { daysBetween } from '../calendar';
import {
  CARDINAL_WORDS,
  dateLanguagesOf,
  findDates,
  type DateLanguage,
  type DateMention,
} from './date-mentions';
import { eventWordsIn, eventWordsIndexed, type EventWord } from './event-vocabulary';
import { foldText } from './normalise';
import { countAtOrBelow } from '../sorted-search';

/** One place or incident name found on the page, with the text around it. */
export interface EvidenceMention {
  targetId: string;
  /** The paragraph (or a window of it) the name was found in. */
  context: string;
  /** Where the name starts inside `context`. */
  offset: number;
  /** The name as the page writes it. */
  text: string;
  /** Where the name starts in `IncidentEvidence.text`, when it is inside it. */
  at?: number;
  /** A place name that has other meanings ("Nice", "Sinai"), not backed by a plain name: weaker. */
  guarded?: boolean;
}

export interface IncidentEvidence {
  /** Calendar day the article was published (YYYY-MM-DD), from metadata or its dateline. */
  published?: string;
  mentions: EvidenceMention[];
  /** Ids of every entity named on the page. */
  entityIds: string[];
  /**
   * The article's text (or its first part), with a line break where each block starts: event words,
   * dates, figures and keywords are looked for in it as well as around the names.
   */
  text?: string;
}

/** How far into a long text the whole text is read; beyond it, only the text around names. */
export const ARTICLE_HEAD = 20_000;
/** The lead: where a report gives the date of what it reports, and names what it is about. */
export const LEAD = 1500;
/** At most this many windows around names are read for dates (a long page names many places). */
const MAX_DATE_WINDOWS = 12;

/** Up to this length, phrases are looked for in the folded text by a string search, not an index of its words. */
const SEARCHED_TEXT = 5000;

/** The text around one mention, read on first use. */
export interface MentionWindow {
  /** The sentence with the one before and after. */
  sentence: string;
  /** Folded and padded with spaces, for word look-ups. */
  folded: string;
  events: EventWord[];
  dates: DateMention[];
}

/** The article, read lazily: nothing is computed for a page that names no place or incident. */
export class ArticleReading {
  private foldedText?: string;
  private eventList?: EventWord[];
  private dateList?: DateMention[];
  private leadList?: DateMention[];
  /** Dates found so far in the article's head, by position; `parsed` marks the sentences read. */
  private readonly headList: DateMention[] = [];
  private parsed?: Uint8Array;
  private headLanguages?: DateLanguage[];
  private boundList?: number[];
  private numberSet?: Set<number>;
  private readonly windows = new Map<number, MentionWindow>();
  private readonly phrases = new Map<string, boolean>();
  /** Where each word of `folded` starts (at the space before it), made on the first look-up. */
  private wordStarts?: Map<string, number[]>;
  private dateWindows = 0;
  /** Two names in one sentence: its dates are read once. */
  private readonly sentenceDates = new Map<string, DateMention[]>();

  constructor(readonly evidence: IncidentEvidence) {}

  /** Folded article text, padded with spaces: " words like this ". */
  get folded(): string {
    if (this.foldedText === undefined) {
      const head = (this.evidence.text ?? '').slice(0, ARTICLE_HEAD);
      const parts = [head];
      if ((this.evidence.text ?? '').length > ARTICLE_HEAD || !this.evidence.text)
        for (const m of this.evidence.mentions.slice(0, 40))
          if ((m.at ?? Infinity) >= ARTICLE_HEAD) parts.push(m.context);
      this.foldedText = ` ${parts.map(foldText).join(' | ')} `;
    }
    return this.foldedText;
  }

  /** Whether the folded phrase occurs as whole words (each phrase looked up once per article). */
  has(phrase: string): boolean {
    let found = this.phrases.get(phrase);
    if (found === undefined) {
      const folded = foldText(phrase);
      found = folded !== '' && this.occurs(folded);
      this.phrases.set(phrase, found);
    }
    return found;
  }

  /**
   * A folded phrase among the article's words. `folded` has one space between words and one at each
   * end, so the phrase with a space on each side occurs in it exactly where it stands as whole words:
   * in a short text, a string search; in a long one (or once it is made anyway), the index of words.
   * There a phrase with a word the article lacks is not there; else it is compared only where its
   * rarest word stands.
   */
  private occurs(folded: string): boolean {
    const padded = ` ${folded} `;
    if (!this.wordStarts && this.folded.length < SEARCHED_TEXT) return this.folded.includes(padded);
    const index = this.wordIndex;
    const words = folded.split(' ');
    if (words.length === 1) return index.has(folded);
    // Each word's start (the space before it) lies this far after the phrase's own.
    let rarest: number[] | undefined;
    let offset = 0;
    let at = 0;
    for (const word of words) {
      const starts = index.get(word);
      if (!starts) return false;
      if (!rarest || starts.length < rarest.length) [rarest, offset] = [starts, at];
      at += word.length + 1;
    }
    return rarest!.some((start) => start >= offset && this.folded.startsWith(padded, start - offset));
  }

  /** How many times the phrase occurs as whole words (0 when it does not). */
  count(phrase: string): number {
    const folded = foldText(phrase);
    if (folded === '' || !this.has(phrase)) return 0;
    const padded = ` ${folded} `;
    let n = 0;
    // Occurrences share no space: "a a" in " a a a " is counted once, as a reader would.
    for (
      let at = this.folded.indexOf(padded);
      at >= 0;
      at = this.folded.indexOf(padded, at + padded.length - 1)
    )
      n++;
    return n;
  }

  /** Where each word of `folded` starts (at the space before it), made on first use. */
  private get wordIndex(): Map<string, number[]> {
    if (!this.wordStarts) {
      this.wordStarts = new Map();
      // `folded` starts and ends with a space: the first and last pieces are empty, not words.
      const words = this.folded.split(' ');
      let at = 0;
      for (let i = 1; i < words.length - 1; i++) {
        const word = words[i]!;
        const starts = this.wordStarts.get(word);
        if (starts) starts.push(at);
        else this.wordStarts.set(word, [at]);
        at += word.length + 1;
      }
    }
    return this.wordStarts;
  }

  /** The event words of the article, in the order they first appear. */
  get events(): EventWord[] {
    this.eventList ??= eventWordsIndexed(this.folded, (word) => this.wordIndex.get(word));
    return this.eventList;
  }

  /**
   * The dates that start in `[start, end)` of the article's head (positions in `evidence.text`), by
   * position. Only the sentences asked about are read, each once: a run of them with one sentence
   * more on each side, so that a date written across a sentence's edge ("at 5 p.m. Monday") reads as
   * it does in the whole head. Reading the whole head took most of a scan's time.
   */
  private headDates(start: number, end: number): DateMention[] {
    const text = (this.evidence.text ?? '').slice(0, ARTICLE_HEAD);
    if (!text) return [];
    const bounds = this.bounds;
    const sentences = bounds.length - 1;
    this.parsed ??= new Uint8Array(sentences);
    this.headLanguages ??= dateLanguagesOf(text);
    // Sentences i with bounds[i] < end and bounds[i + 1] > start, not read yet, in runs.
    let first = Math.max(0, countAtOrBelow(bounds, start) - 1);
    let added = false;
    while (first < sentences && bounds[first]! < end) {
      if (this.parsed[first] || bounds[first + 1]! <= start) {
        first++;
        continue;
      }
      let last = first;
      while (last + 1 < sentences && bounds[last + 1]! < end && !this.parsed[last + 1]) last++;
      const from = bounds[Math.max(0, first - 1)]!;
      const to = bounds[Math.min(sentences, last + 2)]!;
      const [coreStart, coreEnd] = [bounds[first]!, bounds[last + 1]!];
      for (const d of findDates(text.slice(from, to), this.evidence.published, this.headLanguages)) {
        const index = d.index + from;
        if (index >= coreStart && index < coreEnd) this.headList.push({ ...d, index });
      }
      this.parsed.fill(1, first, last + 1);
      added = true;
      first = last + 1;
    }
    if (added) this.headList.sort((a, b) => a.index - b.index);
    return this.headList.filter((d) => d.index >= start && d.index < end);
  }

  /** Where sentences end in the article's head, found once. */
  private get bounds(): number[] {
    this.boundList ??= sentenceBounds((this.evidence.text ?? '').slice(0, ARTICLE_HEAD));
    return this.boundList;
  }

  /** Dates in the article's lead and around its place and incident names. */
  get dates(): DateMention[] {
    if (!this.dateList) {
      const { published } = this.evidence;
      const found = this.headDates(0, LEAD);
      // The lead's own dateline is the article's date, not an event's; "on Saturday", "yesterday"
      // (resolved against that date) are when its story happened.
      this.leadList = found.filter(
        (d) => !published || d.relative || d.date.length < 10 || Math.abs(daysBetween(d.date, published)) > 1,
      );
      this.dateList = found;
    }
    return this.dateList;
  }

  /** Dates in the article's lead (its first 1,500 characters), its own dateline left out. */
  get leadDates(): DateMention[] {
    void this.dates;
    return this.leadList!;
  }

  /** Numbers written in figures (not years or dates) and small numbers in words. */
  get numbers(): Set<number> {
    if (!this.numberSet) {
      this.numberSet = new Set();
      for (const m of this.folded.matchAll(/ (\d{1,4}) /g)) this.numberSet.add(Number(m[1]));
      for (const [word, n] of SMALL_NUMBERS) if (this.occurs(word)) this.numberSet.add(n);
    }
    return this.numberSet;
  }

  /** The sentence around mention `index`, its event words and dates (the dates are added to `dates`). */
  window(index: number): MentionWindow {
    let window = this.windows.get(index);
    if (!window) {
      const mention = this.evidence.mentions[index]!;
      let sentence: string;
      let dates: DateMention[] | undefined;
      if (mention.at !== undefined && mention.at < ARTICLE_HEAD && this.evidence.text) {
        // Inside the head: the sentence from the boundaries, its dates read once per article.
        const [start, end] = windowAround(this.bounds, mention.at);
        sentence = this.evidence.text.slice(start, end);
        dates = this.headDates(start, end);
      } else {
        sentence = sentenceWindow(mention.context, mention.offset);
        dates = this.sentenceDates.get(sentence);
        if (!dates) {
          dates = this.dateWindows++ < MAX_DATE_WINDOWS ? findDates(sentence, this.evidence.published) : [];
          this.sentenceDates.set(sentence, dates);
        }
      }
      const folded = ` ${foldText(sentence)} `;
      window = { sentence, folded, events: eventWordsIn(folded.trim()), dates };
      const all = this.dates;
      for (const d of dates) if (!all.some((a) => a.date === d.date && a.text === d.text)) all.push(d);
      this.windows.set(index, window);
    }
    return window;
  }
}

/** Tolls in words: "one" and "two" say too little to count. */
const SMALL_NUMBERS = Object.entries(CARDINAL_WORDS).filter(([, n]) => n >= 3 && n <= 20);

/** The sentence around `offset`, with the one before and after: where a report puts place, event and date. */
export function sentenceWindow(text: string, offset: number): string {
  const [start, end] = windowAround(sentenceBounds(text), offset);
  return text.slice(start, end);
}

/** Where sentences end in a text (with 0 and its length). */
function sentenceBounds(text: string): number[] {
  const ends = /[.!?\u0964\u06d4](?=\s+[A-Z“"(\p{Script=Devanagari}\p{Script=Arabic}]|\s*$)|\n/gu;
  const boundaries = [0];
  for (let m = ends.exec(text); m; m = ends.exec(text)) boundaries.push(m.index + 1);
  boundaries.push(text.length);
  return boundaries;
}

/** The span of the sentence holding `offset`, with the one before and after. */
function windowAround(boundaries: readonly number[], offset: number): [number, number] {
  let i = boundaries.findIndex((b) => b > offset);
  if (i < 0) i = boundaries.length - 1;
  return [boundaries[Math.max(0, i - 2)]!, boundaries[Math.min(boundaries.length - 1, i + 1)]!];
}
