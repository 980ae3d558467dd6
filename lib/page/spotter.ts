/**
 * The content script's engine: reads the page once, marks known names, asks the background which
 * incidents the page is about, follows content that arrives later, and reports what it found.
 * Everything that talks to the extension comes in through `SpotterPorts`, so tests can drive it.
 */
import { PageGate, WordSet } from '../matching/first-words';
import {
  countedMentions,
  filterMatches,
  hasRightCase,
  isGuarded,
  type PatternInfo,
} from '../matching/mention-filter';
import type { MatcherBundle, MatchTarget } from '../matching/matcher-bundle';
import { PackedAutomaton } from '../matching/stream-matcher';
import type { IncidentMatch } from '../matching/incident-resolver';
import type { PageEvidence, PageIncidents, PageReport } from '../messaging';
import { declaredPublicationDate } from './article-date';
import { MarkLayer, highlightsSupported, type MarkStyle } from './mark-layer';
import { scanForMatches, type FoundMatch } from './page-scanner';
import { isInsideSkipped, UI_HOST_TAG } from './visible-text';

export interface SpotterPorts {
  getMatcher(): Promise<MatcherBundle | null>;
  resolveIncidents(evidence: PageEvidence): Promise<PageIncidents>;
  reportPage(report: PageReport): Promise<void>;
}

/** One mark on the page: a mention of an entity, or the words that tie the page to an incident. */
export interface Mark {
  targetId: string;
  type: 'entity' | 'incident';
  style: MarkStyle;
  range: Range;
  /** For incident marks: why the page is about it. */
  incident?: IncidentMatch;
}

interface Mention {
  target: MatchTarget;
  pattern: number;
  range: Range;
  guarded: boolean;
  visible: boolean;
  context?: { text: string; offset: number };
}

const MUTATION_DEBOUNCE_MS = 300;
const MUTATION_MAX_WAIT_MS = 1000;
const MAX_IMMEDIATE_EDITS = 20;

function isSmallTextEdit(record: MutationRecord): boolean {
  return record.type === 'characterData' && (record.target as Text).data.length < 2000;
}
const MARKED_KINDS = new Set(['group', 'media', 'organization', 'person']);

export class Spotter {
  private automaton?: PackedAutomaton;
  private bundle?: MatcherBundle;
  private info?: PatternInfo;
  private firstWords?: WordSet;
  private gate?: PageGate;
  private mentions: Mention[] = [];
  private incidents: IncidentMatch[] = [];
  private published?: string;
  private marks: Mark[] = [];
  private readonly layer: MarkLayer;
  private observer?: MutationObserver;
  private pendingRoots = new Set<Node>();
  private debounce?: ReturnType<typeof setTimeout>;
  private pendingSince?: number;
  private work: Promise<void> = Promise.resolve();
  private readonly started = performance.now();
  private busyMs = 0;
  private readonly phases: Record<string, number> = {};
  private longestTaskMs = 0;
  private textNodes = 0;
  private characters = 0;
  private dateline = '';
  private evidenceKey = '';
  /** Resolves when the first full pass (marks, incidents, report) is done. */
  readonly ready: Promise<void>;
  private listeners = new Set<() => void>();

  constructor(
    private readonly doc: Document,
    private readonly ports: SpotterPorts,
    private readonly signal: AbortSignal,
  ) {
    this.layer = new MarkLayer(doc);
    this.ready = this.start();
    signal.addEventListener('abort', () => this.stop(), { once: true });
  }

  /** Marks in reading order. */
  getMarks(): readonly Mark[] {
    return this.marks;
  }

  /** Calls back whenever the marks change (content arrived, incidents resolved). */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  setActive(mark: Mark | null): void {
    this.layer.setActive(mark?.range ?? null);
  }

  private async start(): Promise<void> {
    if (!highlightsSupported() || !this.doc.body) return;
    const bundle = await this.ports.getMatcher();
    if (!bundle || this.signal.aborted) return;
    this.timed('load', () => {
      this.bundle = bundle;
      this.automaton = new PackedAutomaton(bundle.automaton);
      this.info = { automaton: this.automaton, caseForms: bundle.caseForms };
      this.firstWords = new WordSet(bundle.firstWords);
      this.gate = new PageGate(bundle);
    });
    await this.scan(this.doc.body, true);
    if (this.signal.aborted) return;
    this.observer = new MutationObserver((records) => this.onMutations(records));
    this.observer.observe(this.doc.body, { childList: true, subtree: true, characterData: true });
    await this.refresh();
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

  private async scan(root: Node, first: boolean): Promise<void> {
    // Most pages name nothing known: one native pass over their text settles it.
    const text = root.textContent ?? '';
    let mayName: boolean;
    if (text.length < 40_000) mayName = this.timed('gate', () => this.gate!.mayName(text));
    else {
      // A long text is checked in pieces with pauses; its time is counted piece by piece.
      let last = performance.now();
      mayName = await this.gate!.mayNameInSlices(text, async () => {
        this.spend('gate', performance.now() - last, performance.now() - last);
        await yieldToPage();
        last = performance.now();
      });
      this.spend('gate', performance.now() - last, performance.now() - last);
    }
    if (!mayName || this.signal.aborted) return;
    const { matches, stats } = await scanForMatches(root, this.automaton!, {
      yieldToPage,
      firstWords: this.firstWords,
      accept: (pattern, text) => hasRightCase(pattern, text, this.info!),
      signal: this.signal,
      sliceMs: 8,
      wantsContext: (pattern) => {
        const target = this.bundle!.targets[this.automaton!.patternTarget(pattern)]!;
        return target.type === 'incident' || target.kind === 'place';
      },
    });
    if (first) this.dateline = stats.head;
    this.textNodes += stats.textNodes;
    this.characters += stats.characters;
    this.spend('scan', stats.busyMs, stats.longestSliceMs);
    this.timed('filter', () => this.addMentions(filterMatches(matches, this.info!)));
  }

  private addMentions(found: readonly FoundMatch[]): void {
    const visibility = new Map<Element, boolean>();
    for (const m of found) {
      const target = this.bundle!.targets[this.automaton!.patternTarget(m.pattern)]!;
      const parent = m.range.startContainer.parentElement;
      let visible = true;
      if (parent) {
        visible = visibility.get(parent) ?? isVisible(parent);
        visibility.set(parent, visible);
      }
      this.mentions.push({
        target,
        pattern: m.pattern,
        range: m.range,
        guarded: isGuarded(m.pattern, this.info!),
        visible,
        context: m.context,
      });
    }
  }

  /** Recomputes which mentions count, asks for incidents when the evidence changed, redraws, reports. */
  private async refresh(): Promise<void> {
    const counted = this.timed('count', () => {
      this.mentions = this.mentions.filter((m) => !m.range.collapsed && m.range.startContainer.isConnected);
      return countedMentions(this.mentions, (m) => m.target.id);
    });

    const evidenceMentions = counted.filter((m) => m.target.type === 'incident' || m.target.kind === 'place');
    const entityIds = [...new Set(counted.filter((m) => m.target.type === 'entity').map((m) => m.target.id))];
    const key = evidenceMentions.map((m) => m.target.id).join(',') + '|' + entityIds.join(',');
    if (evidenceMentions.length > 0 && key !== this.evidenceKey) {
      this.evidenceKey = key;
      const evidence: PageEvidence = {
        published: declaredPublicationDate(this.doc),
        mentions: evidenceMentions.slice(0, 500).map((m) => ({
          targetId: m.target.id,
          context: m.context?.text ?? '',
          offset: m.context?.offset ?? 0,
          text: m.range.toString(),
        })),
        entityIds,
      };
      if (!evidence.published) evidence.dateline = this.dateline.slice(0, 1500);
      try {
        const result = await this.ports.resolveIncidents(evidence);
        if (this.signal.aborted) return;
        this.published = result.published;
        this.incidents = result.incidents;
        // The background answers with indexes into the mentions it was sent.
        this.incidentRanges = new Map(
          result.incidents.map((incident) => [
            incident.id,
            incident.mentions
              .map((i) => evidenceMentions[i]?.range)
              .filter((r): r is Range => r !== undefined),
          ]),
        );
      } catch {
        // The background was busy or restarting: entity marks still stand, incidents come next time.
      }
    }
    this.timed('draw', () => this.draw(counted));
    // Not awaited: the next pass need not wait for the background to file this one.
    void this.report(counted);
  }

  private incidentRanges = new Map<string, Range[]>();

  private draw(counted: readonly Mention[]): void {
    for (const mark of this.marks) this.layer.delete(mark.style, mark.range);
    const marks: Mark[] = [];
    for (const m of counted) {
      if (m.target.type !== 'entity' || !MARKED_KINDS.has(m.target.kind)) continue;
      const style: MarkStyle = m.target.kind === 'group' || m.target.kind === 'media' ? 'group' : 'actor';
      marks.push({ targetId: m.target.id, type: 'entity', style, range: m.range });
    }
    for (const incident of this.incidents) {
      for (const range of this.incidentRanges.get(incident.id) ?? []) {
        if (!range.startContainer.isConnected) continue;
        marks.push({ targetId: incident.id, type: 'incident', style: 'incident', range, incident });
      }
    }
    marks.sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
    for (const mark of marks) this.layer.add(mark.style, mark.range);
    this.marks = marks;
    for (const listener of this.listeners) listener();
  }

  private async report(counted: readonly Mention[]): Promise<void> {
    const report = this.timed('report', () => this.buildReport(counted));
    try {
      await this.ports.reportPage(report);
    } catch {
      // A report that did not arrive only leaves the badge stale.
    }
  }

  private buildReport(counted: readonly Mention[]): PageReport {
    const byId = new Map<string, { target: MatchTarget; aliases: Set<string>; mentions: number }>();
    for (const m of counted) {
      if (m.target.type !== 'entity') continue;
      const entry = byId.get(m.target.id) ?? { target: m.target, aliases: new Set<string>(), mentions: 0 };
      entry.aliases.add(m.range.toString());
      entry.mentions++;
      byId.set(m.target.id, entry);
    }
    const incidentAliases = (id: string) => [
      ...new Set((this.incidentRanges.get(id) ?? []).map((r) => r.toString())),
    ];
    return {
      url: this.doc.location?.href ?? '',
      published: this.published,
      entities: [...byId.values()].map((e) => ({
        id: e.target.id,
        name: e.target.name,
        kind: e.target.kind,
        aliases: [...e.aliases],
        mentions: e.mentions,
      })),
      incidents: this.incidents.map((i) => ({
        id: i.id,
        name: i.name,
        aliases: incidentAliases(i.id),
        confidence: i.confidence,
        why: i.why,
      })),
      timing: {
        startedAt: round(this.started),
        totalMs: round(performance.now() - this.started),
        busyMs: round(this.busyMs),
        longestTaskMs: round(this.longestTaskMs),
        textNodes: this.textNodes,
        characters: this.characters,
        phases: Object.fromEntries(Object.entries(this.phases).map(([k, v]) => [k, round(v)])),
      },
    };
  }

  private onMutations(records: MutationRecord[]): void {
    for (const record of records) {
      if (record.type === 'characterData') this.pendingRoots.add(record.target);
      for (const node of record.addedNodes) {
        if (node.nodeType === Node.ELEMENT_NODE && (node as Element).localName === UI_HOST_TAG) continue;
        if (node.nodeType === Node.ELEMENT_NODE || node.nodeType === Node.TEXT_NODE)
          this.pendingRoots.add(node);
      }
    }
    if (this.pendingRoots.size === 0) return;
    if (records.length <= MAX_IMMEDIATE_EDITS && records.every(isSmallTextEdit)) {
      // Text edited in place (a ticker, a framework re-render): read again before the next paint,
      // so its marks do not blink out.
      clearTimeout(this.debounce);
      this.work = this.work.then(() => this.scanPending());
      return;
    }
    // Debounced, but a page that never stops changing is still read once a second.
    const now = performance.now();
    this.pendingSince ??= now;
    clearTimeout(this.debounce);
    const wait = Math.min(MUTATION_DEBOUNCE_MS, Math.max(0, this.pendingSince + MUTATION_MAX_WAIT_MS - now));
    this.debounce = setTimeout(() => {
      // One pass at a time: a pass that yields to the page must not interleave with the next.
      this.work = this.work.then(() => this.scanPending());
    }, wait);
  }

  private async scanPending(): Promise<void> {
    if (this.signal.aborted) return;
    const roots = [...this.pendingRoots].filter((n) => n.isConnected && !isInsideSkipped(n));
    this.pendingRoots.clear();
    this.pendingSince = undefined;
    // A node inside another pending root is read with it.
    const outer = roots.filter((n) => !roots.some((other) => other !== n && other.contains(n)));
    // Text re-read in place replaces what was found in it before.
    this.mentions = this.mentions.filter((m) => !outer.some((root) => root.contains(m.range.startContainer)));
    for (const root of outer) await this.scan(root, false);
    await this.refresh();
  }

  private stop(): void {
    clearTimeout(this.debounce);
    this.observer?.disconnect();
    this.layer.destroy();
    this.marks = [];
    this.mentions = [];
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

/** Lets the page run between slices of work: the scheduler where there is one, else a macrotask. */
function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
