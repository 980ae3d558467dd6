/**
 * The content script's engine: reads the page's visible text once, has the background find the known
 * names and incidents in it, marks them, follows content that arrives later, and reports what it
 * found. Everything that talks to the extension comes in through `SpotterPorts`, so tests can drive it.
 */
import type { IncidentMatch } from '../matching/incident-linker';
import { TOPIC_KINDS } from '../matching/mention-count';
import type { PageText, TextMatches, TextMention } from '../matching/text-matcher';
import {
  MAX_GLANCE,
  type FiledMatches,
  type PageFindings,
  type PageGlance,
  type PageReport,
  type PageTiming,
  type ReadText,
} from '../messaging';
import { bodyPublicationDate } from './article-date';
import { canonicalHref, metaDate } from './page-head';
import { documentUrl } from './page-address';
import { MarkLayer, type MarkStyle } from './mark-layer';
import { collectPortions, type CollectedText } from './text-collector';
import { OutermostRoots } from './pending-roots';
import { JudgedTexts } from './judged-texts';
import { MutationPace } from './mutation-pace';
import { mergeIntoOrder } from './mark-order';
import { DocumentOrder } from './document-order';
import { glanceText } from './glance-text';
import { startsTextNode } from './glance-probe';
import { timeSend } from './send-timing';
import { articleRoot } from './article-root';
import { DEFAULT_DISPLAY, isKindMarked, type DisplaySettings } from '../display-settings';
import { isUiHost } from './ui-host';
import { AnsweredFindings, countedOnPage, filingOf, findingsOf } from './page-findings';
import { isSkipped } from './visible-text';

export interface SpotterPorts {
  /**
   * Sends the page's first look at itself (its `textContent`, read from `scope`; on a page too long
   * for that, its visible text, or the first part of it), with its canonical link as written (its
   * address is filed with the notes), and learns how the page opens: what the reader has marked (null:
   * ClaimLens is paused here, nothing is marked), and the matches (`readText` when the glance may
   * name something: the spotter then reads the visible text and sends it with `scanText`; null when
   * the text was not matched: ClaimLens does not read this page, or the reader marks another scope,
   * which the spotter then reads and sends with `scanText`).
   */
  openPage(
    page: PageGlance | PageText,
    scope: DisplaySettings['scope'],
    canonicalHref: string | undefined,
  ): Promise<{ display: DisplaySettings | null; found: FiledMatches | ReadText | null }>;
  /** Finds names and incidents in text (the background); null when ClaimLens does not read this page. */
  scanText(page: PageText): Promise<FiledMatches | null>;
  /** Finishes a scan that asked for the date, on the text the background holds (`resume`). */
  scanWithDate(resume: string, declaredDate: string | undefined): Promise<FiledMatches | { resend: true }>;
  /**
   * Tells the background what the page found (toolbar badge, popup). The background files what it
   * answered the page as its findings (lib/page/page-findings.ts): the spotter sends this only when
   * what it shows differs from that (text it could not draw, marks gone with their nodes), or the
   * background said it did not file an answer; from then on, whenever what it shows changes.
   */
  reportPage(findings: PageFindings): Promise<void>;
}

/** One mark on the page: a mention of an entity, or the words that tie the page to an incident. */
export interface Mark {
  /** Entity or incident id; for a saved passage, the note's id. */
  targetId: string;
  type: 'entity' | 'incident' | 'note';
  style: MarkStyle;
  range: Range;
  /** For incident marks: why the page is about it. */
  incident?: IncidentMatch;
}

interface Mention {
  found: TextMention;
  range: Range;
  guarded: boolean;
  /** Assumed until checked: only mentions that would count are checked against CSS. */
  visible: boolean;
  checked: boolean;
  /** The words as read (what the badge and the popup list). */
  text: string;
  /** The text node it starts in, and that node's text when it was read. */
  node: Text;
  data: string;
  /**
   * Where it lies in `node`, when it lies in it whole: if the page puts the same text back in another
   * node (a list re-rendered), the mark moves there at once, before the page is drawn.
   */
  within?: readonly [number, number];
  /** While lost: the incidents whose words it was. */
  incidents?: string[];
}

interface PageIncident {
  match: IncidentMatch;
  ranges: Range[];
}

/** Mentions whose text left the page, kept a while in case it comes back (a list re-rendered later). */
const MAX_LOST = 2000;
/** A slice of main-thread work between two pauses given to the page. */
const SLICE_MS = 8;
/**
 * What the observer spends on a batch of mutations at most, in the page's own task; the rest of the
 * batch is looked at in the next pass, in slices (a page that appends 20,000 elements one by one hands
 * over 20,000 records at once).
 */
const OBSERVE_MS = 4;
/**
 * Records looked at between two looks at the clock: a record's added nodes cost the page a few
 * microseconds each to reach from this world, and far more when the collector runs meanwhile.
 */
const RECORDS_PER_CHECK = 16;
/** Items (roots, mentions) handled between two looks at the clock in sliced work. */
const CHECK_EVERY = 64;

interface Slicer {
  due(): boolean;
  pause(): Promise<void>;
  end(): void;
}
/**
 * Text sent in one message at most; a longer page goes in parts, cut where a block starts. The browser
 * copies a message on the page's main thread in one go (about 0.07 µs a character in Chromium): a
 * part this long costs a few milliseconds, where one of 1.5 million characters was a 100 ms task.
 */
export const MAX_PART = 200_000;
/**
 * Text read before it is sent, at most (about: a read stops where a block starts after this many
 * characters, sends what it read, and reads on): a 20 MB page is never held as one string, whose
 * making alone was a task of 100–300 ms. Below MAX_PART, so that a portion (with the block it ends
 * in) goes in one message: joining a portion into one string and copying it into the message are
 * each a task's work (a portion of 500,000 characters took 15 ms of thread time to join, and its
 * parts of 200,000 characters about 14 ms each to copy).
 */
export const MAX_READ = 150_000;

/** How a read ended: done, ClaimLens is off on this page, or the page must be read from another root. */
type ReadOutcome = 'done' | 'off' | 'reread';
/** How the page's first look ended: as a read does, or the visible text must be read ('read'). */
type GlanceOutcome = ReadOutcome | 'read';

function isSmallTextEdit(record: MutationRecord): boolean {
  return record.type === 'characterData' && (record.target as Text).data.length < 2000;
}

export class Spotter {
  private mentions: Mention[] = [];
  /** The mentions by the text node they start in: text read again replaces what was found in it. */
  private readonly byNode = new Map<Node, Mention[]>();
  /** Mentions whose text left the page: found again if the same text comes back. */
  private lost: Mention[] = [];
  /**
   * Mentions replaced by what the text they were in was found to say when read again, whose marks
   * are still drawn until the next drawing: they follow their text as the others do (the page may
   * re-render it while the pass runs, between its slices), so that no frame shows them blank.
   */
  private retiring = new Set<Mention>();
  /** What the background found in text the page added, by that text: the same text again needs no message. */
  private readonly judged = new JudgedTexts();
  private readonly pace = new MutationPace();
  private readonly incidents = new Map<string, PageIncident>();
  private published?: string;
  private marks: Mark[] = [];
  /** Where each range starts in the first read's text: marks are put in order by number, not by DOM calls. */
  private readonly order = new WeakMap<Range, number>();
  /** False once content read later (a mutation) added ranges that have no place in that order. */
  private inReadingOrder = true;
  /** The public marks (saved passages are drawn apart, by the page UI's overlay). */
  readonly layer: MarkLayer;
  private observer?: MutationObserver;
  private pendingRoots = new Set<Node>();
  /**
   * Batches of mutation records the observer had no time for, each from the first record not looked
   * at: looked at in the next pass (kept as they came, never copied: a batch may hold 20,000 records).
   */
  private unlooked: { records: MutationRecord[]; from: number }[] = [];
  /** Nodes were removed from a page with marks: the next pass drops what went with them, even if nothing was added. */
  private removals = false;
  private debounce?: ReturnType<typeof setTimeout>;
  /** When the scheduled pass is due (undefined: none is). */
  private dueAt?: number;
  private work: Promise<void> = Promise.resolve();
  private readonly started = performance.now();
  private busyMs = 0;
  private longestTaskMs = 0;
  /** When the task the spotter is working in began (the longest task is measured whole, not by phase). */
  private taskStart?: number = this.started;
  private readonly phases: Record<string, number> = {};
  private textNodes = 0;
  private characters = 0;
  private glanced = 0;
  /**
   * The root the page reads (and watches), when its glance named nothing and it has not been walked
   * since: see `readPending`.
   */
  private unwalked?: Node;
  /**
   * The date the page declares: from its meta tags, read before its text is first sent, else from
   * JSON-LD or <time> once the background asks for it (the text names a place or an incident).
   */
  private declared?: { date: string | undefined };
  private metaRead = false;
  /** What the page found at the end of its last pass, and the timing then (see `report`). */
  private findings?: PageFindings;
  private timing?: PageTiming;
  /**
   * What the background answered this page, which it files as the page's findings (badge, popup)
   * while the page has sent none of its own; undefined once it has (or the background said it did
   * not file an answer): `filed` is what it holds then.
   */
  private answered? = new AnsweredFindings();
  /**
   * What the background holds as the page's findings once the page files its own (`filingOf`;
   * undefined: nothing): the page files again only when what it shows changes.
   */
  private filed?: string;
  /** Whether the first text went out (`openPage`); later text goes with `scanText`. */
  private opened = false;
  /** Resolves when the first full pass (marks, incidents, report) is done. */
  readonly ready: Promise<void>;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly doc: Document,
    private readonly ports: SpotterPorts,
    private readonly signal: AbortSignal,
    /**
     * What the reader chose to have marked, and where (options page), as far as the page knows it
     * before it opens; the background's answer to `openPage` says what it is.
     */
    private display: Pick<DisplaySettings, 'kinds' | 'scope'> = DEFAULT_DISPLAY,
  ) {
    this.layer = this.timed('setup', () => new MarkLayer());
    this.ready = this.start();
    // Content that arrives while the page opens is read once the first pass is done.
    this.work = this.ready.catch(() => undefined);
    signal.addEventListener('abort', () => this.stop(), { once: true });
  }

  /** Marks in reading order. */
  getMarks(): readonly Mark[] {
    return this.marks;
  }

  /**
   * What the page found and what it cost the page, as of the end of its last pass; null before the
   * first pass is done. Tools ask for it (`pageReport`); a reader's browser never does.
   */
  report(): PageReport | null {
    return this.findings && this.timing ? { ...this.findings, timing: this.timing } : null;
  }

  /** Calls back whenever the marks change (content arrived, incidents resolved). */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Main-thread time the rest of the content script spent setting up on this page: reported too.
   * `taskBegan`: when the task the spotter was made in began, if earlier than the spotter itself.
   */
  countSetup(ms: number, taskBegan?: number): void {
    this.spend('setup', ms, ms);
    if (taskBegan !== undefined && this.taskStart !== undefined)
      this.taskStart = Math.min(this.taskStart, taskBegan);
  }

  /** The task the spotter was working in ends (it waits for the background, or it is done). */
  private endTask(): void {
    if (this.taskStart === undefined) return;
    this.longestTaskMs = Math.max(this.longestTaskMs, performance.now() - this.taskStart);
    this.taskStart = undefined;
  }

  /** Waits for something outside the spotter's task (the page, the background); a new task follows. */
  private async outsideTask<T>(waiting: Promise<T>): Promise<T> {
    this.endTask();
    const value = await waiting;
    this.taskStart = performance.now();
    return value;
  }

  setActive(mark: Mark | null, style?: 'hover'): void {
    // A saved passage in focus is shown by the page UI's overlay, never in the page's registry.
    this.layer.setActive(mark && mark.type !== 'note' ? mark.range : null, style);
  }

  private async start(): Promise<void> {
    try {
      // The first touch of the page's DOM from this script's world makes its DOM objects (about half
      // a millisecond in Chromium): counted, as the floor in the bench counts it. A page without a
      // body (an XML document) is not read.
      const body = this.timed('setup', () => this.doc.body);
      if (!body) return;
      let root = this.root(body);
      // Watched from the start: what the page adds while the background answers is read after.
      this.observe(root);
      let read: GlanceOutcome = await this.glance(root);
      if (read === 'done') this.unwalked = root;
      // The reader marks another part of the page than the page guessed: read that part instead.
      const moveRoot = () => this.observe((root = this.root(body)));
      if (read === 'reread') {
        moveRoot();
        read = 'read';
      }
      if (read === 'read' && !this.signal.aborted) read = await this.read(root, true);
      if (read === 'reread' && !this.signal.aborted) {
        moveRoot();
        read = await this.read(root, true);
      }
      if (read !== 'done' || this.signal.aborted) {
        this.observer?.disconnect();
        return;
      }
      await this.refresh();
    } finally {
      this.endTask();
    }
  }

  /** Follows what changes under `root` (only there) from now on. */
  private observe(root: Node): void {
    this.timed('setup', () => {
      this.observer ??= new MutationObserver((records) => this.onMutations(records));
      this.observer.disconnect();
      this.pendingRoots.clear();
      this.observer.observe(root, { childList: true, subtree: true, characterData: true });
    });
  }

  /** Where the page is read: the article only, when the reader asked for that and the page has one. */
  private root(body: HTMLElement): HTMLElement | Element {
    return this.display.scope === 'article'
      ? (this.timed('article', () => articleRoot(this.doc)) ?? body)
      : body;
  }

  /** Runs a synchronous piece of work and counts it as main-thread time, under a phase name. */
  private timed<T>(phase: string, work: () => T): T {
    const t0 = performance.now();
    try {
      return work();
    } finally {
      const spent = performance.now() - t0;
      this.spend(phase, spent, spent);
    }
  }

  private spend(phase: string, busy: number, longest: number): void {
    this.busyMs += busy;
    this.longestTaskMs = Math.max(this.longestTaskMs, longest);
    this.phases[phase] = (this.phases[phase] ?? 0) + busy;
  }

  /**
   * Opens the page with a first look at all of its text under `root` (lib/page/glance-text.ts:
   * `textContent`, no walk): a page on which the background finds nothing it may name is done. A page too
   * long to send that way opens with its visible text instead, as one that may name something reads
   * it (`read`).
   */
  private async glance(root: Node): Promise<GlanceOutcome> {
    const text = this.timed('glance', () => glanceText(root, MAX_GLANCE));
    if (text === null) return 'read';
    this.glanced = text.length;
    const opening = await this.open({ glance: text });
    if (opening === 'off' || opening === 'reread') return opening;
    if (!opening) return 'off';
    if (!('readText' in opening)) return 'done';
    // A name found only between two letters of the glance: a word only where a text node starts.
    const edges = opening.edges;
    if (edges && !this.timed('glance', () => startsTextNode(root, edges))) return 'done';
    return 'read';
  }

  /** Sends the page's first text (`openPage`), with its head; what the background answered. */
  private async open(
    page: PageGlance | PageText,
  ): Promise<FiledMatches | ReadText | null | 'off' | 'reread'> {
    this.opened = true;
    const scope = this.display.scope;
    const canonical = this.timed('head', () => canonicalHref(this.doc));
    const opening = await this.sent(() => this.ports.openPage(page, scope, canonical))
      // The background is restarting: this page is not read now (it may be paused; it does not
      // know), and it starts again when the background next tells it anything.
      .catch(() => ({ display: null, found: null }));
    if (!opening.display) return 'off';
    this.display = opening.display;
    if (opening.display.scope !== scope) return 'reread';
    return opening.found;
  }

  /**
   * Reads the text under `roots`, has it matched, keeps the mentions. `first`: the page's first read
   * (whole); later reads are of what the page added or edited, and what was found in that text before
   * is dropped. Parts of it the background judged before (the same text put back) are marked from
   * what it said then, and only the rest is sent: nothing at all when all of it is known.
   */
  private async read(roots: Node | readonly Node[], first = false): Promise<ReadOutcome> {
    const readFrom = performance.now();
    const portions = collectPortions(roots, {
      // The page runs between slices: the task the spotter was working in ends there.
      yieldToPage: () => this.outsideTask(yieldToPage()),
      signal: this.signal,
      sliceMs: SLICE_MS,
      due: () => this.taskDue(readFrom),
      portion: MAX_READ,
    });
    // Where the portion starts in all the read's text (the reading order of a page's first read).
    let base = 0;
    let count = 0;
    for await (const collected of portions) {
      this.spend('collect', collected.busyMs, collected.longestSliceMs);
      this.textNodes += collected.textNodes;
      this.characters += collected.text.length;
      if (this.signal.aborted) return 'done';
      const whole = ++count === 1 && collected.last;
      const outcome = await this.readPortion(collected, first, base, whole);
      // The rest of the page is not sent to a background that did not answer.
      if (outcome === 'failed') return 'done';
      if (outcome !== 'done') return outcome;
      base += collected.text.length;
      // The next portion is read in a task of its own.
      if (!collected.last) await this.outsideTask(yieldToPage());
    }
    return 'done';
  }

  /**
   * Has a portion of a read matched and keeps what was found (see `read`): `base`, where it starts in
   * the read; `whole`, whether it is all of the read (only then is its roots' text remembered by
   * what it says, or marked from what the background said of the same text before).
   */
  private async readPortion(
    collected: CollectedText,
    first: boolean,
    base: number,
    whole: boolean,
  ): Promise<ReadOutcome | 'failed'> {
    // Text read again replaces what was found in it before — once the new matches are there: until
    // then the old marks stay, and move with their text if the page re-renders it meanwhile.
    const old = first ? new Set<Mention>() : await this.foundIn(collected.nodes);
    const dropOld = () => {
      if (old.size > 0) this.timed('collect', () => this.dropFoundIn(old, collected.nodes));
      old.clear();
    };
    // An empty page still opens (paused? notes?); text that arrives later is read as it comes.
    if (this.opened && !/\S/.test(collected.text)) return 'done';

    // The date the meta tags declare goes with the text: a page that names an incident is then
    // matched in one step.
    if (!this.metaRead) {
      this.metaRead = true;
      const date = this.timed('head', () => metaDate(this.doc));
      if (date) this.declared = { date };
    }
    const unknown = first || !this.opened || !whole ? wholeText(collected) : await this.markJudged(collected);
    if (!unknown) {
      dropOld();
      return 'done';
    }
    const sending = this.timed('collect', () => parts(unknown.text, unknown.breaks));
    for (const part of sending) {
      // Copying a part into the message is a task's worth of work of its own (about 0.07 µs a
      // character): it starts a task of its own when the one it would join has run its slice (on a
      // long page: the read, and the joining of its portion into one string).
      if (this.taskDue(performance.now())) {
        await this.outsideTask(yieldToPage());
        if (this.signal.aborted) return 'done';
      }
      const plainIds = this.timed('send', () => this.plainIds());
      let result: FiledMatches | null;
      try {
        if (!this.opened) {
          const opening = await this.open(this.pageText(part, plainIds));
          if (opening === 'off' || opening === 'reread') return opening;
          // Visible text is matched, never answered with `readText`.
          result = opening && 'readText' in opening ? null : opening;
        } else result = await this.scan(part, plainIds);
        // The text names a place or an incident and the head declares no date: only now is the
        // rest of the page's metadata worth reading.
        if (result?.needsDate && !this.signal.aborted) {
          const declared = this.timed('metadata', () => ({ date: bodyPublicationDate(this.doc) }));
          this.declared = declared;
          const resume = result.resume;
          const resumed = resume
            ? await this.sent(() => this.ports.scanWithDate(resume, declared.date))
            : { resend: true as const };
          result = 'resend' in resumed ? await this.scan(part, plainIds) : resumed;
        }
      } catch {
        return 'failed'; // the background is restarting: no marks this time, the page is unharmed
      }
      if (!result) return 'off';
      if (this.signal.aborted || result.needsDate) return 'done';
      const matches = result;
      this.timed('report', () => this.wasAnswered(matches, part.text));
      dropOld();
      const clock = this.slicer('map');
      const at = (position: number, end: boolean) => unknown.original(part.offset + position, end);
      await this.keep(
        matches,
        (start, end) => collected.rangeOf(at(start, false), at(end, true)),
        first ? base + part.offset : undefined,
        part.text,
        clock,
      );
      // What the page added by itself is remembered by its text (not a page read in several parts).
      if (!first && whole && sending.length === 1 && matches.incidents.length === 0)
        await this.remember(unknown, matches.mentions, plainIds, clock);
      clock.end();
      // A long page sends its text in parts: the page runs between them.
      if (sending.length > 1) await this.outsideTask(yieldToPage());
    }
    return 'done';
  }

  /**
   * A clock for work done in slices, counted under `phase`: `due()` once the task the spotter works in
   * has run SLICE_MS (whatever ran in it before this work began counts too), `pause()` lets the page
   * run, `end()` counts the last slice.
   */
  private slicer(phase: string): Slicer {
    let t0 = performance.now();
    const count = () => {
      const spent = performance.now() - t0;
      this.spend(phase, spent, spent);
    };
    return {
      due: () => this.taskDue(t0),
      pause: async () => {
        count();
        await this.outsideTask(yieldToPage());
        t0 = performance.now();
      },
      end: () => {
        count();
        t0 = performance.now();
      },
    };
  }

  /** Whether the task the spotter works in (begun at the latest at `since`) has run a slice's time. */
  private taskDue(since: number): boolean {
    return performance.now() - (this.taskStart ?? since) > SLICE_MS;
  }

  /** The entities the page names plainly so far (their guarded names count in new text too). */
  private plainIds(): string[] {
    const ids = new Set<string>();
    for (const m of this.mentions) if (!m.found.guarded) ids.add(m.found.targetId);
    return [...ids];
  }

  /**
   * Marks the roots whose text the background judged before, from what it said then; returns the
   * text of the others (null: none is left to send).
   */
  private async markJudged(collected: CollectedText): Promise<UnknownText | null> {
    const clock = this.slicer('map');
    const context = this.plainIds().join(' ');
    const unknown: (typeof collected.spans)[number][] = [];
    for (const [i, span] of collected.spans.entries()) {
      if (i % CHECK_EVERY === CHECK_EVERY - 1 && clock.due()) await clock.pause();
      const text = collected.text.slice(span.start, span.end);
      const known = /\S/.test(text) ? this.judged.get(context, text) : [];
      if (!known) {
        unknown.push(span);
        continue;
      }
      if (known.length > 0)
        await this.keep(
          { mentions: [...known], incidents: [] },
          (start, end) => collected.rangeOf(span.start + start, span.start + end),
          undefined,
          text,
          clock,
        );
    }
    clock.end();
    if (unknown.length === 0) return null;
    return unknown.length === collected.spans.length ? wholeText(collected) : someText(collected, unknown);
  }

  /** Remembers what the background found in each root's text (only roots whose text names nothing tied to the rest). */
  private async remember(
    sent: UnknownText,
    mentions: readonly TextMention[],
    plainIds: string[],
    clock: Slicer,
  ): Promise<void> {
    const context = plainIds.join(' ');
    const sorted = [...mentions].sort((a, b) => a.start - b.start);
    let next = 0;
    for (const [i, span] of sent.spans.entries()) {
      if (i % CHECK_EVERY === CHECK_EVERY - 1 && clock.due()) await clock.pause();
      const inside: TextMention[] = [];
      while (next < sorted.length && sorted[next]!.start < span.start) next++;
      while (next < sorted.length && sorted[next]!.end <= span.end) {
        const m = sorted[next++]!;
        inside.push({ ...m, start: m.start - span.start, end: m.end - span.start });
      }
      this.judged.set(context, sent.text.slice(span.start, span.end), inside);
    }
  }

  /** What was found in these text nodes (a slice at a time: a page may add 20,000 of them at once). */
  private async foundIn(nodes: readonly Text[]): Promise<Set<Mention>> {
    const found = new Set<Mention>();
    if (this.byNode.size === 0) return found;
    const clock = this.slicer('collect');
    for (let i = 0; i < nodes.length; i++) {
      if (i % CHECK_EVERY === CHECK_EVERY - 1 && clock.due()) await clock.pause();
      const list = this.byNode.get(nodes[i]!);
      if (list) for (const m of list) found.add(m);
    }
    clock.end();
    return found;
  }

  /** Drops `old` mentions still in the text nodes read again (not those whose text moved meanwhile). */
  private dropFoundIn(old: ReadonlySet<Mention>, nodes: readonly Text[]): void {
    const read = new Set<Node>(nodes);
    const dropped = new Set<Mention>();
    for (const m of old) {
      if (!read.has(m.node)) continue;
      dropped.add(m);
      this.unindex(m);
      this.retiring.add(m);
    }
    if (dropped.size > 0) this.mentions = this.mentions.filter((m) => !dropped.has(m));
  }

  private index(mention: Mention): void {
    const list = this.byNode.get(mention.node);
    if (list) list.push(mention);
    else this.byNode.set(mention.node, [mention]);
  }

  private unindex(mention: Mention): void {
    const list = this.byNode.get(mention.node);
    if (!list) return;
    const rest = list.filter((m) => m !== mention);
    if (rest.length > 0) this.byNode.set(mention.node, rest);
    else this.byNode.delete(mention.node);
  }

  /** Notes an answer the background filed as what the page found (or did not: the page files its own). */
  private wasAnswered(matches: FiledMatches, text: string): void {
    if (!this.answered) return;
    if (!matches.unfiled) {
      this.answered.add(matches, text);
      return;
    }
    // A background that does not know the page (its worker restarted since the page opened) holds
    // nothing of it; the badge the browser kept shows what was answered before.
    this.filed = filingOf(this.answered.findings(this.display));
    this.answered = undefined;
  }

  /**
   * Sends text to be matched; copying the text into the message is counted as the page's time.
   */
  private async scan(
    part: { text: string; breaks: number[] },
    plainIds: string[],
  ): Promise<FiledMatches | null> {
    const page = this.pageText(part, plainIds);
    return this.sent(() => this.ports.scanText(page));
  }

  private pageText(part: { text: string; breaks: number[] }, plainIds: string[]): PageText {
    return {
      text: part.text,
      breaks: part.breaks,
      plainIds,
      ...(this.declared ? { declaredDate: this.declared.date } : { dateUnread: true }),
    };
  }

  /** Counts sending a message as main-thread time (lib/page/send-timing.ts). */
  private async sent<T>(send: () => Promise<T>): Promise<T> {
    const { answer, ms } = await timeSend(send);
    this.spend('send', ms, ms);
    // The page's stretch of work ends once the message is posted; the answer comes in a task of its
    // own, which lasts until the next message or until the marks are drawn.
    return this.outsideTask(answer);
  }

  /**
   * `offset`: where this text starts in the first read (undefined for content read later); `text`:
   * the text the positions are in.
   */
  private async keep(
    result: TextMatches,
    rangeOf: (start: number, end: number) => Range | null,
    offset: number | undefined,
    text: string,
    clock: Slicer,
  ): Promise<void> {
    this.published ??= result.published;
    if (offset === undefined && result.mentions.length > 0) this.inReadingOrder = false;
    const ranges: (Range | null)[] = [];
    for (const [i, found] of result.mentions.entries()) {
      if (i % CHECK_EVERY === CHECK_EVERY - 1 && clock.due()) await clock.pause();
      const range = rangeOf(found.start, found.end);
      ranges.push(range);
      if (range) {
        const node = range.startContainer as Text;
        const mention: Mention = {
          found,
          range,
          guarded: found.guarded,
          visible: true,
          checked: false,
          text: text.slice(found.start, found.end),
          node,
          data: node.data,
          within: range.endContainer === node ? [range.startOffset, range.endOffset] : undefined,
        };
        this.mentions.push(mention);
        this.index(mention);
        if (offset !== undefined) this.order.set(range, offset + found.start);
      }
    }
    for (const match of result.incidents) {
      const found = match.mentions
        .map((i) => ranges[i])
        .filter((r): r is Range => r !== null && r !== undefined);
      const known = this.incidents.get(match.id);
      if (!known) this.incidents.set(match.id, { match, ranges: found });
      else {
        known.ranges.push(...found);
        if (match.confidence > known.match.confidence) known.match = match;
      }
    }
  }

  /** Drops what the page removed, recounts guarded mentions, redraws, files what it found. */
  private async refresh(): Promise<void> {
    // Stopped (paused, restarted) while a pass waited for the background: nothing is drawn or filed.
    if (this.signal.aborted) return;
    // Each step is linear in the mentions; between two, the page runs if the task has run its slice
    // (a page that added 20,000 paragraphs has thousands of marks to count, draw and file).
    const clock = this.slicer('count');
    const unchecked = this.timed('count', () => {
      this.dropGone();
      return countedOnPage(this.mentions, true).filter((m) => !m.checked);
    });
    // Check CSS visibility only where it can matter (new mentions that would count), then count
    // again with the answers.
    const visibility = new Map<Element, boolean>();
    for (let i = 0; i < unchecked.length; i++) {
      if (i % CHECK_EVERY === CHECK_EVERY - 1 && clock.due()) await clock.pause();
      const mention = unchecked[i]!;
      mention.checked = true;
      const parent = mention.range.startContainer.parentElement;
      if (!parent) continue;
      mention.visible = visibility.get(parent) ?? isVisible(parent);
      visibility.set(parent, mention.visible);
    }
    clock.end();
    if (await this.paused()) return;
    const counted = this.timed('count', () => countedOnPage(this.mentions, this.hasIncident()));
    this.timed('draw', () => this.draw(counted));
    if (await this.paused()) return;
    const findings = this.timed('report', () => this.findingsOf(counted));
    // What the background holds for the page: what it answered (it counts that as the page does),
    // or what the page last filed itself.
    const { answered } = this;
    const [filing, held] = this.timed('report', () => [
      filingOf(findings),
      answered ? filingOf(answered.findings(this.display)) : this.filed,
    ]);
    if (filing !== held) {
      // From now on the page files what it shows whenever that changes (the background files no
      // more answers for it once it has its report).
      this.answered = undefined;
      this.filed = filing;
      // Not waited for: the next pass need not wait for the background to file this one. If it was
      // not filed (the background restarting), the next pass files it again.
      const { answer, ms } = await timeSend(() => this.ports.reportPage(findings));
      answer.catch(() => {
        if (this.filed === filing) this.filed = '';
      });
      this.spend('report', ms, 0);
    }
    this.endTask();
    this.findings = findings;
    this.timing = {
      startedAt: round(this.started),
      totalMs: round(performance.now() - this.started),
      busyMs: round(this.busyMs),
      longestTaskMs: round(this.longestTaskMs),
      textNodes: this.textNodes,
      characters: this.characters,
      glanced: this.glanced,
      phases: Object.fromEntries(Object.entries(this.phases).map(([k, v]) => [k, round(v)])),
    };
  }

  /**
   * Lets the page run if the task the spotter works in has run its slice; true if the spotter was
   * stopped meanwhile.
   */
  private async paused(): Promise<boolean> {
    if (this.taskDue(performance.now())) await this.outsideTask(yieldToPage());
    return this.signal.aborted;
  }

  /**
   * Drops what left the page: mentions whose text was removed or changed (kept a while as lost, in
   * case the same text comes back), and incidents' words with them.
   */
  private dropGone(): void {
    const live: Mention[] = [];
    const gone: Mention[] = [];
    for (const m of this.mentions) {
      if (!m.range.collapsed && m.range.startContainer.isConnected) live.push(m);
      else gone.push(m);
    }
    this.mentions = live;
    if (gone.length > 0) {
      const ofRange = new Map<Range, string[]>();
      for (const [id, incident] of this.incidents)
        for (const range of incident.ranges) ofRange.set(range, [...(ofRange.get(range) ?? []), id]);
      for (const m of gone) {
        this.unindex(m);
        if (!m.within) continue;
        m.incidents = ofRange.get(m.range);
        this.lost.push(m);
      }
      if (this.lost.length > MAX_LOST) this.lost = this.lost.slice(-MAX_LOST);
    }
    const ranges = new Set(live.map((m) => m.range));
    for (const incident of this.incidents.values()) {
      if (incident.ranges.every((r) => ranges.has(r))) continue;
      incident.ranges = incident.ranges.filter((r) => ranges.has(r));
    }
  }

  /**
   * Text that held marks left the page, or changed, in these mutations (`removed`: nodes were removed;
   * `edited`: text nodes whose text changed); where the same text is now in one of `added` or
   * `edited`, its marks move there at once — before the page is drawn, so a list re-rendered without
   * keys never shows blank marks. What the page added is still read (and matched) as usual.
   */
  private refind(added: readonly Node[], edited: readonly Text[], removed: boolean): void {
    const broken: Mention[] = [];
    if (removed) {
      for (const m of this.mentions) if (!m.node.isConnected) broken.push(m);
      for (const m of this.retiring) if (!m.node.isConnected) broken.push(m);
    }
    for (const node of edited)
      for (const m of this.byNode.get(node) ?? []) {
        if (node.data === m.data) continue;
        // The text around the name changed (a counter beside it): the mark follows the name in it.
        const at = m.within ? nearest(node.data, m.text, m.within[0]) : -1;
        if (at < 0) {
          broken.push(m);
          continue;
        }
        m.range.setStart(node, at);
        m.range.setEnd(node, at + m.text.length);
        m.within = [at, at + m.text.length];
        m.data = node.data;
      }
    const lost = added.length > 0 || edited.length > 0 ? this.lost : [];
    if (broken.length === 0 && lost.length === 0) return;
    // By text, then by the node they were in: each node with that text takes one old node's marks.
    const byData = new Map<string, Map<Text, Mention[]>>();
    for (const m of broken.concat(lost)) {
      if (!m.within) continue;
      const nodes = byData.get(m.data) ?? new Map<Text, Mention[]>();
      byData.set(m.data, nodes);
      nodes.set(m.node, [...(nodes.get(m.node) ?? []), m]);
    }
    if (byData.size === 0) return;
    const candidates: Text[] = [...edited];
    for (const node of added) {
      if (node.nodeType === Node.TEXT_NODE) candidates.push(node as Text);
      else if (node.isConnected) textNodesUnder(node, candidates);
    }
    const back = new Set<Mention>();
    for (const node of candidates) {
      const nodes = node.isConnected ? byData.get(node.data) : undefined;
      if (!nodes) continue;
      const [old, mentions] = nodes.entries().next().value!;
      nodes.delete(old);
      if (nodes.size === 0) byData.delete(node.data);
      for (const m of mentions) {
        m.range.setStart(node, m.within![0]);
        m.range.setEnd(node, m.within![1]);
        this.unindex(m);
        m.node = node;
        if (!this.retiring.has(m)) this.index(m);
        back.add(m);
      }
    }
    // Lost mentions found again count again (their marks are drawn with the next pass).
    if (lost.length === 0 || back.size === 0) return;
    this.lost = this.lost.filter((m) => {
      if (!back.has(m)) return true;
      this.mentions.push(m);
      for (const id of m.incidents ?? []) this.incidents.get(id)?.ranges.push(m.range);
      m.incidents = undefined;
      return false;
    });
  }

  private draw(counted: readonly Mention[]): void {
    let marks: Mark[] = [];
    for (const { found, range } of counted) {
      if (found.type !== 'entity' || !isKindMarked(this.display, found.kind)) continue;
      const style: MarkStyle = found.kind === 'group' || found.kind === 'media' ? 'group' : 'actor';
      marks.push({ targetId: found.targetId, type: 'entity', style, range });
    }
    for (const { match, ranges } of this.display.kinds.includes('incident') ? this.incidents.values() : []) {
      for (const range of ranges)
        marks.push({ targetId: match.id, type: 'incident', style: 'incident', range, incident: match });
    }
    // Without the highlight API (an old browser) nothing is drawn, and no invisible mark may be
    // hovered or stepped to; what was found is still reported.
    if (marks.length > 0 && !this.layer.canDraw()) marks = [];
    if (this.inReadingOrder) marks.sort((a, b) => this.order.get(a.range)! - this.order.get(b.range)!);
    else {
      // Marks drawn before keep their order; only new ones are placed, by comparing in the DOM.
      const placed = new Map<Range, number>();
      this.marks.forEach((mark, i) => placed.set(mark.range, i));
      const order = new DocumentOrder();
      marks = mergeIntoOrder(
        marks,
        (mark) => placed.get(mark.range),
        (a, b) =>
          order.compare(
            a.range.startContainer,
            a.range.startOffset,
            b.range.startContainer,
            b.range.startOffset,
          ),
      );
    }
    // Only what changed is taken from or given to the highlights: the browser restyles less.
    const before = stylesByRange(this.marks);
    const after = stylesByRange(marks);
    for (const mark of this.marks)
      if (!hasStyle(after, mark.range, mark.style)) this.layer.delete(mark.style, mark.range);
    for (const mark of marks)
      if (!hasStyle(before, mark.range, mark.style)) this.layer.add(mark.style, mark.range);
    this.marks = marks;
    this.retiring.clear();
    for (const listener of this.listeners) listener();
  }

  private findingsOf(counted: readonly Mention[]): PageFindings {
    const incidents = this.display.kinds.includes('incident')
      ? [...this.incidents.values()].filter((i) => i.ranges.length > 0)
      : [];
    const words = new Map<Range, string>();
    if (incidents.length > 0) for (const m of this.mentions) words.set(m.range, m.text);
    const named = incidents.map(({ match, ranges }) => ({
      match,
      words: ranges.map((r) => words.get(r) ?? r.toString()),
    }));
    return { url: documentUrl(this.doc), ...findingsOf(counted, named, this.published, this.display) };
  }

  private onMutations(records: MutationRecord[]): void {
    const t0 = performance.now();
    const added: Node[] = [];
    const edited: Text[] = [];
    const seen = this.look(records, 0, added, edited, t0 + OBSERVE_MS);
    if (seen.upTo < records.length) this.unlooked.push({ records, from: seen.upTo });
    if (seen.removed && !this.removals && this.hasMarks()) this.removals = true;
    if (this.mentions.length > 0 || this.lost.length > 0 || this.retiring.size > 0)
      this.refind(added, edited, seen.removed);
    if (this.pendingRoots.size > 0 || this.removals || this.unlooked.length > 0) {
      // Text edited in place is read within a frame or two; added content once it settles; a page
      // that never stops changing less and less often (lib/page/mutation-pace.ts).
      clearTimeout(this.debounce);
      const wait = this.pace.delay(performance.now(), seen.edits && this.unlooked.length === 0);
      this.debounce = setTimeout(() => {
        // One pass at a time: a pass that yields to the page must not interleave with the next.
        this.work = this.work.then(() => this.readPending());
      }, wait);
    }
    const spent = performance.now() - t0;
    this.spend('observe', spent, spent);
  }

  /**
   * Notes what `records` changed from record `from` on (nodes to read, in `added` and `edited` too),
   * until `deadline`; returns up to which record it looked, whether nodes were removed, and whether
   * all were small edits of text in place. A constant amount of work per record and per added node
   * (read by index: iterating a record's node list makes objects the collector must then sweep).
   */
  private look(
    records: readonly MutationRecord[],
    from: number,
    added: Node[],
    edited: Text[],
    deadline: number,
  ): { upTo: number; removed: boolean; edits: boolean } {
    let edits = true;
    let removed = false;
    let i = from;
    for (; i < records.length; i++) {
      if ((i - from) % RECORDS_PER_CHECK === RECORDS_PER_CHECK - 1 && performance.now() > deadline) break;
      const record = records[i]!;
      if (record.type === 'characterData') {
        this.pendingRoots.add(record.target);
        edited.push(record.target as Text);
        if (!isSmallTextEdit(record)) edits = false;
        continue;
      }
      edits = false;
      const nodes = record.addedNodes;
      for (let j = 0; j < nodes.length; j++) {
        const node = nodes[j]!;
        const type = node.nodeType;
        if ((type === Node.ELEMENT_NODE && !isUiHost(node)) || type === Node.TEXT_NODE) {
          this.pendingRoots.add(node);
          added.push(node);
        }
      }
      if (!removed && record.removedNodes.length > 0) removed = true;
    }
    return { upTo: i, removed, edits };
  }

  /** Looks at the records the observer had no time for, a slice at a time. */
  private async lookAtTheRest(): Promise<void> {
    while (this.unlooked.length > 0 && !this.signal.aborted) {
      const t0 = performance.now();
      const batch = this.unlooked[0]!;
      const seen = this.look(batch.records, batch.from, [], [], (this.taskStart ?? t0) + SLICE_MS);
      if (seen.upTo < batch.records.length) batch.from = seen.upTo;
      else this.unlooked.shift();
      if (seen.removed && this.hasMarks()) this.removals = true;
      const spent = performance.now() - t0;
      this.spend('observe', spent, spent);
      if (this.unlooked.length > 0 && this.taskDue(t0)) await this.outsideTask(yieldToPage());
    }
  }

  /**
   * Which of the nodes the page changed to read (the outermost, still on the page, not in a skipped
   * part), judged a slice at a time.
   */
  private async rootsToRead(): Promise<Node[]> {
    const pending = this.pendingRoots;
    this.pendingRoots = new Set();
    const judge = new OutermostRoots(pending, isSkipped);
    const clock = this.slicer('collect');
    let i = 0;
    for (const node of pending) {
      if (++i % CHECK_EVERY === 0 && clock.due()) {
        await clock.pause();
        if (this.signal.aborted) break;
      }
      judge.take(node);
    }
    clock.end();
    return judge.roots;
  }

  /** Whether anything found is still on the page (a removal may then take some of it). */
  private hasMarks(): boolean {
    return this.mentions.length > 0 || this.hasIncident();
  }

  /** Whether an incident is still tied to words on the page. */
  private hasIncident(): boolean {
    for (const incident of this.incidents.values()) if (incident.ranges.length > 0) return true;
    return false;
  }

  private async readPending(): Promise<void> {
    if (this.signal.aborted) return;
    this.taskStart = performance.now();
    this.pace.passStarted(this.taskStart);
    try {
      await this.lookAtTheRest();
      const roots = await this.rootsToRead();
      if (this.signal.aborted) return;
      // Only removals: no text to read, but the marks, the badge and the report follow.
      const removals = this.removals;
      this.removals = false;
      if (roots.length === 0 && !removals) return;
      // All of it in one read, and one message.
      if (roots.length > 0 && (await this.read(roots)) === 'off') return;
      // People and organisations are marked only beside a group or an incident, so a glance that
      // named nothing leaves them unread. When a group or an incident arrives later, the page is read
      // whole, once: the people it names count now.
      const whole = this.unwalked;
      const topic =
        this.mentions.some((m) => m.found.type === 'incident' || TOPIC_KINDS.has(m.found.kind)) ||
        // An incident found through its place, an event word and the date.
        this.hasIncident();
      if (whole && topic && !this.signal.aborted) {
        this.unwalked = undefined;
        this.mentions = [];
        this.byNode.clear();
        this.incidents.clear();
        if ((await this.read(whole, true)) === 'off') return;
      }
      // New mentions are checked against CSS, which makes the browser style what the page added: let
      // it do so in its own rendering step first, rather than all at once in the spotter's task.
      if (this.mentions.some((m) => !m.checked)) await this.outsideTask(afterRendering());
      await this.refresh();
    } finally {
      this.endTask();
      this.pace.passEnded(
        performance.now(),
        this.pendingRoots.size > 0 || this.removals || this.unlooked.length > 0,
      );
    }
  }

  private stop(): void {
    clearTimeout(this.debounce);
    this.observer?.disconnect();
    this.layer.destroy();
    this.marks = [];
    this.mentions = [];
    this.byNode.clear();
    this.unlooked = [];
    this.lost = [];
    this.retiring.clear();
    this.judged.clear();
    this.incidents.clear();
  }
}

/** Text to send: all that was read, or the roots the background has not judged, with their places in it. */
interface UnknownText {
  text: string;
  breaks: number[];
  /** Each root's text within `text`, in order. */
  spans: { start: number; end: number }[];
  /** A position in `text` as a position in what was read (`end`: a span's end, not the next one's start). */
  original(position: number, end: boolean): number;
}

function wholeText(collected: CollectedText): UnknownText {
  return { text: collected.text, breaks: collected.breaks, spans: [...collected.spans], original: (p) => p };
}

/** The text of some of the roots read, one after the other, with a break between two. */
function someText(collected: CollectedText, spans: readonly { start: number; end: number }[]): UnknownText {
  const pieces: string[] = [];
  const breaks: number[] = [];
  const placed: { start: number; end: number }[] = [];
  const origins: number[] = [];
  const addBreak = (at: number) => {
    if (at > 0 && breaks[breaks.length - 1] !== at) breaks.push(at);
  };
  let offset = 0;
  let b = 0;
  for (const span of spans) {
    addBreak(offset);
    while (b < collected.breaks.length && collected.breaks[b]! <= span.start) b++;
    while (b < collected.breaks.length && collected.breaks[b]! < span.end)
      addBreak(collected.breaks[b++]! - span.start + offset);
    pieces.push(collected.text.slice(span.start, span.end));
    placed.push({ start: offset, end: offset + span.end - span.start });
    origins.push(span.start);
    offset += span.end - span.start;
  }
  if (breaks[breaks.length - 1] === offset) breaks.pop();
  return {
    text: pieces.join(''),
    breaks,
    spans: placed,
    original(position, end) {
      const at = end ? position - 1 : position;
      let low = 0;
      let high = placed.length - 1;
      while (low < high) {
        const mid = (low + high + 1) >>> 1;
        if (placed[mid]!.start <= at) low = mid;
        else high = mid - 1;
      }
      return origins[low]! + position - placed[low]!.start;
    },
  };
}

/** Splits long text into parts of at most MAX_PART characters, cut where a block starts (linear in the breaks). */
function parts(
  text: string,
  breaks: readonly number[],
): { text: string; breaks: number[]; offset: number }[] {
  if (text.length <= MAX_PART) return [{ text, breaks: [...breaks], offset: 0 }];
  const out: { text: string; breaks: number[]; offset: number }[] = [];
  let from = 0;
  let b = 0;
  while (from < text.length) {
    let to = Math.min(text.length, from + MAX_PART);
    // The breaks after `from`: the last one within reach is where this part ends.
    while (b < breaks.length && breaks[b]! <= from) b++;
    let last = b;
    while (last < breaks.length && breaks[last]! <= to) last++;
    if (to < text.length && last > b) to = breaks[last - 1]!;
    const inside: number[] = [];
    for (let i = b; i < breaks.length && breaks[i]! < to; i++) inside.push(breaks[i]! - from);
    out.push({ text: text.slice(from, to), breaks: inside, offset: from });
    from = to;
  }
  return out;
}

/** The styles each range is drawn in: one, mostly (no set made per mark). */
function stylesByRange(marks: readonly Mark[]): Map<Range, MarkStyle | MarkStyle[]> {
  const byRange = new Map<Range, MarkStyle | MarkStyle[]>();
  for (const { range, style } of marks) {
    const known = byRange.get(range);
    if (known === undefined) byRange.set(range, style);
    else if (Array.isArray(known)) known.push(style);
    else if (known !== style) byRange.set(range, [known, style]);
  }
  return byRange;
}

function hasStyle(styles: Map<Range, MarkStyle | MarkStyle[]>, range: Range, style: MarkStyle): boolean {
  const known = styles.get(range);
  return known === style || (Array.isArray(known) && known.includes(style));
}

/** Where `word` occurs in `text` nearest to `near`; -1 if nowhere. */
function nearest(text: string, word: string, near: number): number {
  let best = -1;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1))
    if (best < 0 || Math.abs(at - near) < Math.abs(best - near)) best = at;
  return best;
}

/** Adds the text nodes under `root` to `out`, in document order. */
function textNodesUnder(root: Node, out: Text[]): void {
  let node: Node | null = root.firstChild;
  while (node && node !== root) {
    if (node.nodeType === Node.TEXT_NODE) out.push(node as Text);
    if (node.firstChild) {
      node = node.firstChild;
      continue;
    }
    while (node && node !== root && !node.nextSibling) node = node.parentNode;
    if (node && node !== root) node = node.nextSibling;
  }
}

function isVisible(element: Element): boolean {
  const check = (element as Element & { checkVisibility?: (o?: object) => boolean }).checkVisibility;
  if (typeof check === 'function')
    return check.call(element, { visibilityProperty: true, opacityProperty: false });
  return true;
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}

/** Resolves once the page has been drawn (or after 100 ms, where it is not drawn: a background tab). */
function afterRendering(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 100);
    if (typeof requestAnimationFrame !== 'function') return;
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timer);
        resolve();
      }, 0),
    );
  });
}

/** Lets the page run between slices of work: the scheduler where there is one, else a macrotask. */
function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
