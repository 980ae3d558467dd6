/**
 * Saved passages on the page: the selection toolbar, the highlights of notes saved here (re-anchored
 * on load and when content arrives), and re-linking an orphan to a passage the reader selects. What
 * the reader writes and reads — the note editor, note cards, tags, the orphan and re-link notices — is
 * in the notes frames (extension pages, entrypoints/notes-frame): this side only says what to show
 * and draws what the frames report (ids and colours). Talks to the background through `NotesPorts`.
 */
import { SelectionToolbar } from '../../components/notes/SelectionToolbar';
import { createAnchorer, describe } from '../../lib/anchoring';
import { translate as t } from '../../lib/i18n';
import type { NoteDraft, PageCommand, PageNotes } from '../../lib/messaging';
import { RecordLauncher } from './record';
import type { NotesPorts } from '../../lib/page/page-ui-contract';
import { DEFAULT_COLOR, type AnchorStatus, type Note } from '../../lib/notes/note-types';
import { keepBeside } from '../../lib/page/floating';
import type { NoteStyle } from '../../lib/page/mark-layer';
import type { FromFrame } from '../../lib/page/note-frame-protocol';
import { PassageOverlay } from '../../lib/page/passage-overlay';
import { fromNoteSelectors, toNoteSelectors } from '../../lib/page/note-selectors';
import { pageAddress } from '../../lib/page/page-address';
import { watchSeen } from '../../lib/page/seen';
import type { Mark, Spotter } from '../../lib/page/spotter';
import { PrivateFrame } from './private-frame';
import type { PanelController } from './tooltip';
import { show, type UiRoot } from './ui-root';
import type { PassageResult } from '../../lib/notes/passage-note';
import { declaredLanguage } from '../../lib/notes/page-language';

/** The language the page declares on its root element, for the note's exports; nothing when it declares none. */
function languageOf(doc: Document): { language?: string } {
  const language = declaredLanguage(doc.documentElement.getAttribute('lang'));
  return language !== undefined ? { language } : {};
}

const REANCHOR_DEBOUNCE_MS = 500;
const SAVE_ATTEMPTS = 4;

/** What this side keeps of a saved note: where it is and how it is drawn. */
type NoteMark = Pick<Note, 'id' | 'selectors' | 'color' | 'anchorStatus'>;

export class NotesController {
  private readonly notes = new Map<string, NoteMark>();
  private readonly ranges = new Map<string, Range>();
  private marks: Mark[] = [];
  private orphans: NoteMark[] = [];
  private noticeDismissed = false;
  /** The passages of new notes being written in the frame's editor. */
  private readonly drafts = new Map<string, { selectors: NoteMark['selectors']; range: Range }>();
  /** The frame's editor is open: the pointer passing over a mark must not replace it. */
  private editing = false;
  /** A note just deleted from its card, while the frame offers Undo: where it was and how it looked. */
  private deleted: { note: NoteMark; range: Range } | null = null;
  private toolbarRange: Range | null = null;
  /** Re-link mode: the orphan being given a new passage, and the passage the reader selected for it. */
  private relinking: { id: string; range: Range | null; error?: string; busy?: boolean } | null = null;
  private stopToolbar?: () => void;
  private reanchorTimer?: ReturnType<typeof setTimeout>;
  private readonly listeners = new Set<() => void>();
  /** Draws the saved passages where the page cannot list them (not in `CSS.highlights`). */
  private readonly overlay: PassageOverlay;
  private readonly panelFrame: PrivateFrame;
  private readonly noticeFrame: PrivateFrame;
  /** The record form (Record claim / Record statement): lib/mypack, entrypoints/record-frame. */
  private readonly record: RecordLauncher;
  panel!: PanelController;

  constructor(
    private readonly doc: Document,
    private readonly ui: UiRoot,
    private readonly spotter: Spotter,
    private readonly ports: NotesPorts,
    private readonly signal: AbortSignal,
  ) {
    this.overlay = new PassageOverlay(
      doc,
      async () => (await ui.get()).overlay,
      () => ui.theme,
    );
    signal.addEventListener('abort', () => this.overlay.destroy(), { once: true });
    this.panelFrame = new PrivateFrame(ui, 'panel', {
      message: (message) => this.fromPanel(message),
      pointerEnter: () => this.panel.pointerEntered(),
      pointerLeave: () => this.panel.pointerLeft(),
    });
    this.noticeFrame = new PrivateFrame(ui, 'notice', { message: (message) => this.fromNotice(message) });
    this.record = new RecordLauncher(doc, ui, spotter);
    // The page took ClaimLens's host away: the notices come back in the new one.
    ui.onLost(() => {
      this.editing = false;
      this.hideToolbar();
      void this.drawNotice();
    });
  }

  /** Shows a saved passage as the one in focus (its card is open), or none. */
  setActive(mark: Mark | null): void {
    this.overlay.setActive(mark?.type === 'note' ? mark.targetId : null);
  }

  getMarks(): readonly Mark[] {
    return this.marks;
  }

  onChange(listener: () => void): void {
    this.listeners.add(listener);
  }

  /** Whether the reader is writing in the note editor (hovering a mark must not replace it). */
  isBusy(): boolean {
    return (this.editing || this.deleted !== null) && this.panelFrame.isShown();
  }

  /** Anchors and draws the notes saved on this page; content arriving later may bring back the rest. */
  show(page: PageNotes): void {
    this.spotter.onChange(() => this.scheduleReanchor());
    if (this.signal.aborted) return;
    for (const note of page.notes) this.notes.set(note.id, note);
    if (this.notes.size > 0) this.anchorAll();
  }

  /** Scrolls to a saved passage and opens its note (a note opened from the popup). */
  focus(id: string): void {
    const mark = this.marks.find((m) => m.targetId === id);
    if (mark) this.panel.open(mark, 'keyboard');
    else if (this.orphans.some((n) => n.id === id)) {
      this.noticeDismissed = false;
      void this.drawNotice();
    }
  }

  /**
   * A command from the keyboard shortcut or the context menu, on the passage the reader selected
   * (`range`: taken at the reader's own gesture, never re-read after the page had a chance to change it).
   */
  runCommand(command: PageCommand, range: Range | null): void {
    if (this.relinking) return void this.attach();
    if (!range) return;
    this.hideToolbar();
    if (command === 'record-claim' || command === 'record-statement') this.openRecord(command, range);
    else if (command === 'save-highlight') void this.saveHighlight(range);
    else this.openEditor(range);
  }

  /** A saved passage's card, in the panel frame beside it. */
  openCard(mark: Mark, focus: boolean): void {
    if (!this.notes.has(mark.targetId)) return;
    void this.panelFrame.show({ type: 'note', id: mark.targetId, edit: false }, mark.range, focus);
  }

  /** Closes the panel frame (Escape on the page, another mark opened). */
  closePanel(): void {
    if (!this.panelFrame.isShown()) return;
    this.editing = false;
    this.panelFrame.hide();
  }

  // ── what the frames report ─────────────────────────────────────────────────

  private fromPanel(message: FromFrame): void {
    switch (message.type) {
      case 'close':
        this.editing = false;
        this.deleted = null;
        this.panelFrame.hide();
        this.panel.closedElsewhere();
        return;
      case 'editing':
        this.editing = message.editing;
        return;
      case 'saving': {
        // Drawn before the background answers: saving feels instant, and is undone if it failed.
        const draft = this.drafts.get(message.id);
        if (!draft) return;
        this.notes.set(message.id, {
          id: message.id,
          selectors: draft.selectors,
          color: message.color,
          anchorStatus: 'anchored',
        });
        this.ranges.set(message.id, draft.range.cloneRange());
        this.doc.getSelection()?.removeAllRanges();
        this.draw();
        return;
      }
      case 'saved':
      case 'changed': {
        this.drafts.delete(message.id);
        const note = this.notes.get(message.id);
        if (note) note.color = message.color;
        this.draw();
        return;
      }
      case 'deleted': {
        // Kept while the frame offers Undo; the frame stays open where the card was.
        const note = this.notes.get(message.id);
        const range = this.ranges.get(message.id);
        this.deleted = note && range ? { note, range } : null;
        this.panel.releaseNote();
        this.notes.delete(message.id);
        this.ranges.delete(message.id);
        this.draw();
        return;
      }
      case 'restored': {
        const deleted = this.deleted;
        if (deleted?.note.id !== message.id) return;
        this.deleted = null;
        this.notes.set(message.id, { ...deleted.note, color: message.color });
        this.ranges.set(message.id, deleted.range);
        this.draw();
        const mark = this.marks.find((m) => m.targetId === message.id);
        if (mark) this.panel.reattach(mark);
        return;
      }
      case 'unsaved':
        this.notes.delete(message.id);
        this.ranges.delete(message.id);
        this.draw();
        return;
      default:
        return;
    }
  }

  private fromNotice(message: FromFrame): void {
    switch (message.type) {
      case 'relink':
        this.startRelink(message.id);
        return;
      case 'attach':
        void this.attach();
        return;
      case 'cancelRelink':
        this.cancelRelink();
        return;
      case 'dismiss':
      case 'close':
        this.noticeDismissed = true;
        this.noticeFrame.hide();
        return;
      default:
        return;
    }
  }

  // ── anchoring ──────────────────────────────────────────────────────────────

  private anchorAll(): void {
    const anchorer = createAnchorer(this.doc.body);
    const updates: { id: string; status: AnchorStatus }[] = [];
    const orphans: NoteMark[] = [];
    for (const note of this.notes.values()) {
      const known = this.ranges.get(note.id);
      if (known && !known.collapsed && known.startContainer.isConnected) continue;
      const found = anchorer.anchor(fromNoteSelectors(note.selectors));
      const status: AnchorStatus = !found ? 'orphan' : found.method === 'fuzzy' ? 'fuzzy' : 'anchored';
      if (found) this.ranges.set(note.id, found.range);
      else {
        this.ranges.delete(note.id);
        orphans.push(note);
      }
      if (note.anchorStatus !== status) {
        note.anchorStatus = status;
        updates.push({ id: note.id, status });
      }
    }
    this.orphans = orphans;
    this.draw();
    if (updates.length > 0) this.ports.setAnchorStatus({ updates }).catch(() => undefined);
  }

  private scheduleReanchor(): void {
    if (this.notes.size === 0) return;
    const stale = [...this.ranges.values()].some((r) => r.collapsed || !r.startContainer.isConnected);
    if (this.orphans.length === 0 && !stale) return;
    clearTimeout(this.reanchorTimer);
    this.reanchorTimer = setTimeout(() => !this.signal.aborted && this.anchorAll(), REANCHOR_DEBOUNCE_MS);
  }

  private draw(): void {
    this.marks = [...this.ranges].map(([id, range]) => ({
      targetId: id,
      type: 'note' as const,
      style: `note-${this.notes.get(id)?.color ?? DEFAULT_COLOR}` as NoteStyle,
      range,
    }));
    this.overlay.set(
      this.marks.map((m) => ({ id: m.targetId, style: m.style as NoteStyle, range: m.range })),
    );
    for (const listener of this.listeners) listener();
    void this.drawNotice();
  }

  private async drawNotice(focus = false): Promise<void> {
    const relinking = this.relinking;
    if (relinking && this.notes.has(relinking.id)) {
      return this.noticeFrame.show(
        {
          type: 'relink',
          id: relinking.id,
          selected: relinking.range?.toString() ?? null,
          error: relinking.error,
        },
        null,
        focus,
      );
    }
    if (this.orphans.length > 0 && !this.noticeDismissed)
      return this.noticeFrame.show({ type: 'orphans', ids: this.orphans.map((n) => n.id) }, null, focus);
    if (this.noticeFrame.isShown()) this.noticeFrame.hide();
  }

  // ── re-linking an orphan ───────────────────────────────────────────────────

  /**
   * Lets the reader give a note a new passage: a notice asks for a selection (the current one counts
   * if the reader made it), Attach or Alt+Shift+S attaches it, Cancel or Escape leaves. False when
   * this page does not have the note.
   */
  startRelink(id: string, selected: Range | null = this.toolbarRange): boolean {
    if (!this.notes.has(id) || this.signal.aborted) return false;
    this.panel.close();
    this.hideToolbar();
    this.relinking = { id, range: selected };
    // The focus stays on the page, where the reader selects the passage (Alt+Shift+S attaches it);
    // chosen from the notice with the keyboard, the keys go back to the page, not to a button gone.
    this.noticeFrame.releaseFocus();
    void this.drawNotice();
    return true;
  }

  private cancelRelink(): void {
    this.relinking = null;
    void this.drawNotice();
  }

  /** Attaches the note being re-linked to the passage the reader selected: saved, drawn at once. */
  private async attach(): Promise<void> {
    const relinking = this.relinking;
    if (!relinking || relinking.busy) return;
    const range = relinking.range;
    if (!range) return;
    let selectors;
    try {
      selectors = toNoteSelectors(describe(this.doc.body, range));
    } catch (error) {
      relinking.error = t('errorCannotSave', (error as Error).message);
      return void this.drawNotice();
    }
    const links = this.mentionsIn(range);
    relinking.busy = true;
    let result: PassageResult;
    try {
      result = await this.ports.relinkNote({ id: relinking.id, selectors, ...links });
    } catch {
      result = { ok: false, error: { kind: 'unavailable', message: t('errorUnreachableEdit') } };
    }
    relinking.busy = false;
    if (this.relinking !== relinking) return;
    if (!result.ok) {
      relinking.error = result.error.message;
      return void this.drawNotice();
    }
    this.relinking = null;
    this.notes.set(result.note.id, result.note);
    this.ranges.set(result.note.id, range.cloneRange());
    this.orphans = this.orphans.filter((n) => n.id !== result.note.id);
    this.doc.getSelection()?.removeAllRanges();
    this.draw();
    // The note opens beside its new passage: the reader sees where it went, and the focus has a place.
    this.focus(result.note.id);
  }

  /** The groups and incidents marked inside a passage (a saved passage is linked to them). */
  private mentionsIn(range: Range): { entityIds: string[]; incidentIds: string[] } {
    const mentioned = this.spotter.getMarks().filter((m) => overlaps(m.range, range));
    return {
      entityIds: [...new Set(mentioned.filter((m) => m.type === 'entity').map((m) => m.targetId))],
      incidentIds: [...new Set(mentioned.filter((m) => m.type === 'incident').map((m) => m.targetId))],
    };
  }

  // ── saving ─────────────────────────────────────────────────────────────────

  /**
   * Offers the toolbar beside a selection the reader made (null hides it). Its buttons act only on the
   * reader's own clicks, on a toolbar the reader can see, and save the passage offered — not whatever
   * the page has selected by the time of the click.
   */
  async showToolbar(range: Range | null): Promise<void> {
    if (this.relinking) {
      // While re-linking, a selection is the candidate passage, not something to save.
      this.relinking.range = range;
      this.relinking.error = undefined;
      return this.drawNotice();
    }
    this.stopToolbar?.();
    this.stopToolbar = undefined;
    this.toolbarRange = range;
    if (!range && !this.ui.isMounted()) return;
    const { toolbar } = await this.ui.get();
    if (!range || this.toolbarRange !== range) {
      if (!this.toolbarRange) show(toolbar, null);
      return;
    }
    let element: HTMLElement | null = null;
    const seen = () => (element ? watchSeen(element) : null);
    let watcher: ReturnType<typeof seen> = null;
    const act = (command: PageCommand) => async (event?: Event) => {
      if (!event?.isTrusted || !watcher) return;
      const point = event instanceof MouseEvent ? { x: event.clientX, y: event.clientY } : undefined;
      if (!(await watcher.seen(point && point.x + point.y > 0 ? point : undefined)))
        return this.report(t('errorNotSeen'));
      if (this.toolbarRange !== range) return;
      this.runCommand(command, range);
    };
    show(
      toolbar,
      <SelectionToolbar
        onHighlight={act('save-highlight')}
        onAddNote={act('add-note')}
        onRecordClaim={act('record-claim')}
        onRecordStatement={act('record-statement')}
      />,
    );
    element = toolbar.firstElementChild as HTMLElement | null;
    if (!element) return;
    watcher = seen();
    const stopPlacing = keepBeside(range, element, 'top');
    this.stopToolbar = () => {
      stopPlacing();
      watcher?.stop();
    };
  }

  private hideToolbar(): void {
    this.stopToolbar?.();
    this.stopToolbar = undefined;
    this.toolbarRange = null;
    if (this.ui.isMounted()) void this.ui.get().then(({ toolbar }) => show(toolbar, null));
  }

  /** A new note's draft: the passage described, the page's address, the groups and incidents in it. */
  private draft(range: Range): NoteDraft | null {
    try {
      return {
        id: crypto.randomUUID(),
        ...pageAddress(this.doc),
        pageTitle: this.doc.title.slice(0, 1000),
        // Read in the content script's world and sent to the background; the page is told nothing.
        ...languageOf(this.doc),
        selectors: toNoteSelectors(describe(this.doc.body, range)),
        text: '',
        tags: [],
        color: DEFAULT_COLOR,
        ...this.mentionsIn(range),
      };
    } catch (error) {
      this.report(t('errorCannotSave', (error as Error).message));
      return null;
    }
  }

  /** The note editor, in the panel frame beside the passage: the reader's words go only there. */
  private openEditor(range: Range): void {
    const draft = this.draft(range);
    if (!draft) return;
    this.panel.close();
    this.drafts.set(draft.id, { selectors: draft.selectors, range: range.cloneRange() });
    this.editing = true;
    // The quote as saved (a line break is a space), not the range's text, which glues words across a <br>.
    void this.panelFrame.show({ type: 'newNote', quote: draft.selectors.quote.exact, draft }, range, true);
  }

  /** The record form for the passage, docked at the window's edge (entrypoints/page-ui/record.ts). */
  private openRecord(command: 'record-claim' | 'record-statement', range: Range): void {
    this.panel.close();
    try {
      this.record.open(command === 'record-claim' ? 'claim' : 'statement', range);
    } catch (error) {
      this.report(t('errorCannotSave', (error as Error).message), range);
    }
  }

  /** Saves a passage as a highlight (no text): drawn at once, confirmed by the background, taken back if it failed. */
  private async saveHighlight(range: Range): Promise<void> {
    const draft = this.draft(range);
    if (!draft) return;
    this.notes.set(draft.id, {
      id: draft.id,
      selectors: draft.selectors,
      color: draft.color,
      anchorStatus: 'anchored',
    });
    this.ranges.set(draft.id, range.cloneRange());
    this.draw();
    this.doc.getSelection()?.removeAllRanges();
    const result = await this.saveWithRetry(draft);
    if (result.ok) return;
    this.notes.delete(draft.id);
    this.ranges.delete(draft.id);
    this.draw();
    this.report(result.error.message, range);
  }

  /**
   * A save the background did not answer (stopped mid-save, restarting) is sent again with the same
   * id: stored once whatever happened, or reported as failed — never lost silently.
   */
  private async saveWithRetry(draft: NoteDraft): Promise<PassageResult> {
    for (let attempt = 0; attempt < SAVE_ATTEMPTS; attempt++) {
      try {
        return await this.ports.saveNote(draft);
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 150 * 2 ** attempt));
      }
    }
    return { ok: false, error: { kind: 'unavailable', message: t('errorUnreachableSave') } };
  }

  /** An error the reader must see, in a panel beside the passage (or the top of the page). */
  /** The page stops clicks before they reach ClaimLens: the reader is told how to save without them. */
  reportStoppedClick(): void {
    this.report(t('errorPageStopsClicks'));
  }

  private report(message: string, beside?: Range): void {
    const range = beside ?? this.toolbarRange ?? this.doc.createRange();
    if (!beside && !this.toolbarRange) {
      range.selectNodeContents(this.doc.body);
      range.collapse(true);
    }
    this.panel.openBeside(range, () => (
      <p class="cl-error" role="alert">
        {message}
      </p>
    ));
  }
}

function overlaps(a: Range, b: Range): boolean {
  return (
    a.compareBoundaryPoints(Range.START_TO_END, b) > 0 && a.compareBoundaryPoints(Range.END_TO_START, b) < 0
  );
}
