/**
 * The content script's engine: reads the page's visible text once, has the background find the known
 * names and incidents in it, marks them, follows content that arrives later, and reports what it
 * found. Everything that talks to the extension comes in through `SpotterPorts`, so tests can drive it.
 */
import type { IncidentMatch } from '../matching/incident-linker';
import { TOPIC_KINDS, countedMentions, withTopic } from '../matching/mention-count';
import type { PageText, TextMatches, TextMention } from '../matching/text-matcher';
import {
  MAX_GLANCE,
  type PageFindings,
  type PageGlance,
  type PageReport,
  type PageTiming,
  type ReadText,
} from '../messaging';
import { bodyPublicationDate } from './article-date';
import { canonicalHref, metaDate } from './page-head';
import { MarkLayer, type MarkStyle } from './mark-layer';
import { collectText } from './text-collector';
import { glanceText } from './glance-text';
import { startsTextNode } from './glance-probe';
import { timeSend } from './send-timing';
import { articleRoot } from './article-root';
import { DEFAULT_DISPLAY, isKindMarked, type DisplaySettings } from '../display-settings';
import { isUiHost } from './ui-host';
import { isInsideSkipped } from './visible-text';

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
  ): Promise<{ display: DisplaySettings | null; found: TextMatches | ReadText | null }>;
  /** Finds names and incidents in text (the background); null when ClaimLens does not read this page. */
  scanText(page: PageText): Promise<TextMatches | null>;
  /** Finishes a scan that asked for the date, on the text the background holds (`resume`). */
  scanWithDate(resume: string, declaredDate: string | undefined): Promise<TextMatches | { resend: true }>;
  /**
   * Tells the background what the page found (toolbar badge, popup). It takes a page to have found
   * nothing as it opens: the spotter sends this only when it has found something, or no longer has
   * what it sent.
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
}

interface PageIncident {
  match: IncidentMatch;
  ranges: Range[];
}

const MUTATION_DEBOUNCE_MS = 300;
const MUTATION_MAX_WAIT_MS = 1000;
const MAX_IMMEDIATE_EDITS = 20;
/** Text sent in one message at most; a longer page goes in parts, cut where a block starts. */
const MAX_PART = 1_500_000;

/** How a read ended: done, ClaimLens is off on this page, or the page must be read from another root. */
type ReadOutcome = 'done' | 'off' | 'reread';
/** How the page's first look ended: as a read does, or the visible text must be read ('read'). */
type GlanceOutcome = ReadOutcome | 'read';

function isSmallTextEdit(record: MutationRecord): boolean {
  return record.type === 'characterData' && (record.target as Text).data.length < 2000;
}

export class Spotter {
  private mentions: Mention[] = [];
  private readonly incidents = new Map<string, PageIncident>();
  private published?: string;
  private marks: Mark[] = [];
  /** Where each range starts in the first read's text: marks are put in order by number, not by DOM calls. */
  private readonly order = new WeakMap<Range, number>();
  /** False once content read later (a mutation) added ranges that have no place in that order. */
  private inReadingOrder = true;
  /** Shared with the saved passages, so that all marks live in one set of highlights. */
  readonly layer: MarkLayer;
  private observer?: MutationObserver;
  private readonly pendingRoots = new Set<Node>();
  /** Nodes were removed from a page with marks: the next pass drops what went with them, even if nothing was added. */
  private removals = false;
  private debounce?: ReturnType<typeof setTimeout>;
  private pendingSince?: number;
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
   * What the background was last told the page found, as JSON (undefined: nothing, as the background
   * takes it to be when the page opens): the page files again only when that changes.
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

  setActive(mark: Mark | null): void {
    this.layer.setActive(mark?.range ?? null);
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
  private async open(page: PageGlance | PageText): Promise<TextMatches | ReadText | null | 'off' | 'reread'> {
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

  /** Reads the text under `root`, has it matched, keeps the mentions. */
  private async read(root: Node, first = false): Promise<ReadOutcome> {
    const collected = await collectText(root, {
      // The page runs between slices: the task the spotter was working in ends there.
      yieldToPage: () => this.outsideTask(yieldToPage()),
      signal: this.signal,
      sliceMs: 8,
    });
    this.spend('collect', collected.busyMs, collected.longestSliceMs);
    this.textNodes += collected.textNodes;
    this.characters += collected.text.length;
    if (this.signal.aborted) return 'done';
    // An empty page still opens (paused? notes?); text that arrives later is read as it comes.
    if (this.opened && !/\S/.test(collected.text)) return 'done';

    // The date the meta tags declare goes with the text: a page that names an incident is then
    // matched in one step.
    if (!this.metaRead) {
      this.metaRead = true;
      const date = this.timed('head', () => metaDate(this.doc));
      if (date) this.declared = { date };
    }
    for (const part of this.timed('collect', () => parts(collected.text, collected.breaks))) {
      const plainIds = this.timed('send', () => [
        ...new Set(this.mentions.filter((m) => !m.found.guarded).map((m) => m.found.targetId)),
      ]);
      let result: TextMatches | null;
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
        return 'done'; // the background is restarting: no marks this time, the page is unharmed
      }
      if (!result) return 'off';
      if (this.signal.aborted || result.needsDate) return 'done';
      this.timed('map', () =>
        this.keep(
          result,
          (start, end) => collected.rangeOf(part.offset + start, part.offset + end),
          first ? part.offset : undefined,
        ),
      );
    }
    return 'done';
  }

  /**
   * Sends text to be matched; copying the text into the message is counted as the page's time.
   */
  private async scan(
    part: { text: string; breaks: number[] },
    plainIds: string[],
  ): Promise<TextMatches | null> {
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

  /** `offset`: where this text starts in the first read (undefined for content read later). */
  private keep(
    result: TextMatches,
    rangeOf: (start: number, end: number) => Range | null,
    offset: number | undefined,
  ): void {
    this.published ??= result.published;
    if (offset === undefined && result.mentions.length > 0) this.inReadingOrder = false;
    const ranges: (Range | null)[] = result.mentions.map((found) => {
      const range = rangeOf(found.start, found.end);
      if (range) {
        this.mentions.push({ found, range, guarded: found.guarded, visible: true, checked: false });
        if (offset !== undefined) this.order.set(range, offset + found.start);
      }
      return range;
    });
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
    const counted = this.timed('count', () => {
      this.mentions = this.mentions.filter((m) => !m.range.collapsed && m.range.startContainer.isConnected);
      for (const incident of this.incidents.values())
        incident.ranges = incident.ranges.filter((r) => !r.collapsed && r.startContainer.isConnected);
      const ownerOf = (m: Mention) => m.found.targetId;
      const contextOf = (m: Mention) => m.found.context;
      // Check CSS visibility only where it can matter, then count again with the answers.
      const visibility = new Map<Element, boolean>();
      for (const mention of countedMentions(this.mentions, ownerOf, contextOf)) {
        if (mention.checked) continue;
        mention.checked = true;
        const parent = mention.range.startContainer.parentElement;
        if (!parent) continue;
        mention.visible = visibility.get(parent) ?? isVisible(parent);
        visibility.set(parent, mention.visible);
      }
      return withTopic(
        countedMentions(this.mentions, ownerOf, contextOf),
        (m) => m.found.kind,
        this.hasIncident(),
      );
    });
    this.timed('draw', () => this.draw(counted));
    const findings = this.timed('report', () => this.findingsOf(counted));
    const found = findings.entities.length > 0 || findings.incidents.length > 0;
    const filing = found ? this.timed('report', () => JSON.stringify(findings)) : undefined;
    if (filing !== this.filed) {
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

  private draw(counted: readonly Mention[]): void {
    for (const mark of this.marks) this.layer.delete(mark.style, mark.range);
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
    else marks.sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
    for (const mark of marks) this.layer.add(mark.style, mark.range);
    this.marks = marks;
    for (const listener of this.listeners) listener();
  }

  private findingsOf(counted: readonly Mention[]): PageFindings {
    const byId = new Map<string, { found: TextMention; aliases: Set<string>; mentions: number }>();
    for (const { found, range } of counted) {
      // What the reader chose not to mark is not reported either (badge, popup); places are context.
      if (found.type !== 'entity' || (found.kind !== 'place' && !isKindMarked(this.display, found.kind)))
        continue;
      const entry = byId.get(found.targetId) ?? { found, aliases: new Set<string>(), mentions: 0 };
      entry.aliases.add(range.toString());
      entry.mentions++;
      byId.set(found.targetId, entry);
    }
    const incidents = this.display.kinds.includes('incident')
      ? [...this.incidents.values()].filter((i) => i.ranges.length > 0)
      : [];
    return {
      url: this.doc.URL,
      published: this.published,
      entities: [...byId.values()].map((e) => ({
        id: e.found.targetId,
        name: e.found.name,
        kind: e.found.kind,
        aliases: [...e.aliases],
        mentions: e.mentions,
      })),
      incidents: incidents.map(({ match, ranges }) => ({
        id: match.id,
        name: match.name,
        aliases: [...new Set(ranges.map((r) => r.toString()))],
        confidence: match.confidence,
        why: match.why,
        competingClaimants: match.competingClaimants,
      })),
    };
  }

  private onMutations(records: MutationRecord[]): void {
    for (const record of records) {
      if (record.type === 'characterData') this.pendingRoots.add(record.target);
      for (const node of record.addedNodes) {
        if (isUiHost(node)) continue;
        if (node.nodeType === Node.ELEMENT_NODE || node.nodeType === Node.TEXT_NODE)
          this.pendingRoots.add(node);
      }
      if (record.removedNodes.length > 0 && !this.removals && this.hasMarks()) this.removals = true;
    }
    if (this.pendingRoots.size === 0 && !this.removals) return;
    clearTimeout(this.debounce);
    if (records.length <= MAX_IMMEDIATE_EDITS && records.every(isSmallTextEdit)) {
      // Text edited in place (a ticker, a framework re-render): read again at once, so its marks
      // come back within a frame or two.
      this.work = this.work.then(() => this.readPending());
      return;
    }
    // Debounced, but a page that never stops changing is still read once a second.
    const now = performance.now();
    this.pendingSince ??= now;
    const wait = Math.min(MUTATION_DEBOUNCE_MS, Math.max(0, this.pendingSince + MUTATION_MAX_WAIT_MS - now));
    this.debounce = setTimeout(() => {
      // One pass at a time: a pass that yields to the page must not interleave with the next.
      this.work = this.work.then(() => this.readPending());
    }, wait);
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
    try {
      // Which of the changed nodes to read; what was found in them before is dropped.
      const outer = this.timed('collect', () => {
        const roots = [...this.pendingRoots].filter((n) => n.isConnected && !isInsideSkipped(n));
        this.pendingRoots.clear();
        this.pendingSince = undefined;
        // A node inside another pending root is read with it.
        const outer = roots.filter((n) => !roots.some((other) => other !== n && other.contains(n)));
        // Text read again replaces what was found in it before.
        const within = (range: Range) => outer.some((root) => root.contains(range.startContainer));
        this.mentions = this.mentions.filter((m) => !within(m.range));
        for (const incident of this.incidents.values())
          incident.ranges = incident.ranges.filter((r) => !within(r));
        return outer;
      });
      // Only removals: no text to read, but the marks, the badge and the report follow.
      const removals = this.removals;
      this.removals = false;
      if (outer.length === 0 && !removals) return;
      for (const root of outer) {
        if ((await this.read(root)) === 'off') return;
      }
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
        this.incidents.clear();
        if ((await this.read(whole)) === 'off') return;
      }
      await this.refresh();
    } finally {
      this.endTask();
    }
  }

  private stop(): void {
    clearTimeout(this.debounce);
    this.observer?.disconnect();
    this.layer.destroy();
    this.marks = [];
    this.mentions = [];
    this.incidents.clear();
  }
}

/** Splits long text into parts of at most MAX_PART characters, cut where a block starts. */
function parts(
  text: string,
  breaks: readonly number[],
): { text: string; breaks: number[]; offset: number }[] {
  if (text.length <= MAX_PART) return [{ text, breaks: [...breaks], offset: 0 }];
  const out: { text: string; breaks: number[]; offset: number }[] = [];
  let from = 0;
  while (from < text.length) {
    let to = Math.min(text.length, from + MAX_PART);
    if (to < text.length) {
      const cut = [...breaks].reverse().find((b) => b > from && b <= to);
      if (cut !== undefined) to = cut;
    }
    out.push({
      text: text.slice(from, to),
      breaks: breaks.filter((b) => b > from && b < to).map((b) => b - from),
      offset: from,
    });
    from = to;
  }
  return out;
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

/** Lets the page run between slices of work: the scheduler where there is one, else a macrotask. */
function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
