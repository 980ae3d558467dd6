/**
 * Saved passages on the page: the selection toolbar, the note editor, the highlights of notes saved
 * here (re-anchored on load and when content arrives), their cards, the notice for passages that
 * could not be found, and re-linking one of them to a passage the reader selects. Talks to the
 * background only through `NotesPorts`.
 */
import type { VNode } from 'preact';
import { NoteCard } from '../../components/notes/NoteCard';
import { NoteEditor, type NoteValues } from '../../components/notes/NoteEditor';
import { OrphanNotice } from '../../components/notes/OrphanNotice';
import { RelinkNotice } from '../../components/notes/RelinkNotice';
import { SelectionToolbar } from '../../components/notes/SelectionToolbar';
import { createAnchorer, describe } from '../../lib/anchoring';
import { translate as t } from '../../lib/i18n';
import type { NoteDraft, NoteResult, PageNotes } from '../../lib/messaging';
import type { NotesPorts } from '../../lib/page/page-ui-contract';
import { DEFAULT_COLOR, type AnchorStatus, type ColorId, type Note } from '../../lib/notes/note-types';
import { keepBeside } from '../../lib/page/floating';
import type { NoteStyle } from '../../lib/page/mark-layer';
import { PassageOverlay } from '../../lib/page/passage-overlay';
import { fromNoteSelectors, toNoteSelectors } from '../../lib/page/note-selectors';
import { savableSelection } from '../../lib/page/selection';
import { pageAddress } from '../../lib/page/page-address';
import type { Mark, Spotter } from '../../lib/page/spotter';
import type { PanelController } from './tooltip';
import { show, type UiRoot } from './ui-root';

const REANCHOR_DEBOUNCE_MS = 500;
const SAVE_ATTEMPTS = 4;

export class NotesController {
  private readonly notes = new Map<string, Note>();
  private readonly ranges = new Map<string, Range>();
  private marks: Mark[] = [];
  private orphans: Note[] = [];
  private noticeDismissed = false;
  private knownTags: string[] = [];
  private editing: { noteId?: string; error?: string; saving?: boolean } | null = null;
  private toolbarRange: Range | null = null;
  /** Re-link mode: the orphan being given a new passage, and the passage selected for it so far. */
  private relinking: { id: string; range: Range | null; error?: string; busy?: boolean } | null = null;
  private stopToolbar?: () => void;
  private reanchorTimer?: ReturnType<typeof setTimeout>;
  private readonly listeners = new Set<() => void>();
  /** Draws the saved passages where the page cannot list them (not in `CSS.highlights`). */
  private readonly overlay: PassageOverlay;
  panel!: PanelController;

  constructor(
    private readonly doc: Document,
    private readonly ui: UiRoot,
    private readonly spotter: Spotter,
    private readonly ports: NotesPorts,
    private readonly signal: AbortSignal,
    private readonly loadColorLabels: () => Promise<Partial<Record<string, string>>>,
  ) {
    this.overlay = new PassageOverlay(
      doc,
      async () => (await ui.get()).overlay,
      () => ui.theme,
    );
    signal.addEventListener('abort', () => this.overlay.destroy(), { once: true });
  }

  /** Shows a saved passage as the one in focus (its card is open), or none. */
  setActive(mark: Mark | null): void {
    this.overlay.setActive(mark?.type === 'note' ? mark.targetId : null);
  }

  private colorLabels: Partial<Record<ColorId, string>> = {};

  getMarks(): readonly Mark[] {
    return this.marks;
  }

  onChange(listener: () => void): void {
    this.listeners.add(listener);
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

  /** A command from the toolbar button, the keyboard shortcut or the context menu. */
  runCommand(command: 'save-highlight' | 'add-note'): void {
    if (this.relinking) return void this.attach();
    const range = savableSelection(this.doc);
    if (!range) return;
    if (command === 'save-highlight') void this.saveNew(range, { text: '', tags: [], color: DEFAULT_COLOR });
    else this.openEditor(range);
  }

  /** The card of a saved passage, or its editor while it is being edited. */
  view(mark: Mark): VNode | null {
    const note = this.notes.get(mark.targetId);
    if (!note) return null;
    if (this.editing?.noteId === note.id) {
      return (
        <NoteEditor
          quote={note.selectors.quote.exact}
          initial={{ text: note.text, tags: note.tags, color: note.color as ColorId }}
          knownTags={this.knownTags}
          colorLabels={this.colorLabels}
          saving={this.editing.saving}
          error={this.editing.error}
          onSave={(values) => void this.saveEdit(note, values)}
          onCancel={() => {
            this.editing = null;
            this.panel.refresh();
          }}
        />
      );
    }
    return (
      <NoteCard
        note={note}
        colorLabels={this.colorLabels}
        onEdit={() => {
          this.editing = { noteId: note.id };
          void this.loadTags().then(() => this.panel.refresh());
          this.panel.refresh();
        }}
        onDelete={() => void this.remove(note)}
      />
    );
  }

  // ── anchoring ──────────────────────────────────────────────────────────────

  private anchorAll(): void {
    const anchorer = createAnchorer(this.doc.body);
    const updates: { id: string; status: AnchorStatus }[] = [];
    const orphans: Note[] = [];
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

  private async drawNotice(): Promise<void> {
    if (this.orphans.length === 0 && !this.relinking && !this.ui.isMounted()) return;
    const { notice } = await this.ui.get();
    const relinking = this.relinking;
    const note = relinking && this.notes.get(relinking.id);
    if (relinking && note) {
      show(
        notice,
        <RelinkNotice
          quote={note.selectors.quote.exact}
          selected={relinking.range?.toString() ?? null}
          error={relinking.error}
          onAttach={() => void this.attach()}
          onCancel={() => this.cancelRelink()}
        />,
      );
      return;
    }
    show(
      notice,
      this.noticeDismissed ? null : (
        <OrphanNotice
          orphans={this.orphans.map((n) => ({ id: n.id, quote: n.selectors.quote.exact }))}
          onRelink={(id) => this.startRelink(id)}
          onDismiss={() => {
            this.noticeDismissed = true;
            void this.drawNotice();
          }}
        />
      ),
    );
  }

  // ── re-linking an orphan ───────────────────────────────────────────────────

  /**
   * Lets the reader give a note a new passage: a notice asks for a selection (the current one counts),
   * Attach or Alt+Shift+S attaches it, Cancel or Escape leaves. False when this page does not have the note.
   */
  startRelink(id: string): boolean {
    if (!this.notes.has(id) || this.signal.aborted) return false;
    this.panel.close();
    this.hideToolbar();
    this.relinking = { id, range: savableSelection(this.doc) };
    void this.drawNotice();
    return true;
  }

  private cancelRelink(): void {
    this.relinking = null;
    void this.drawNotice();
  }

  /** Attaches the note being re-linked to the selected passage: saved, drawn at once, the notice updated. */
  private async attach(): Promise<void> {
    const relinking = this.relinking;
    if (!relinking || relinking.busy) return;
    const range = savableSelection(this.doc) ?? relinking.range;
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
    let result: NoteResult;
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

  /** Offers the toolbar beside a selection the reader made, or hides it. */
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
    const act = (command: 'save-highlight' | 'add-note') => (event?: Event) => {
      if (event && !event.isTrusted) return;
      this.hideToolbar();
      if (command === 'save-highlight')
        void this.saveNew(range, { text: '', tags: [], color: DEFAULT_COLOR });
      else this.openEditor(range);
    };
    show(toolbar, <SelectionToolbar onHighlight={act('save-highlight')} onAddNote={act('add-note')} />);
    const element = toolbar.firstElementChild as HTMLElement | null;
    if (element) this.stopToolbar = keepBeside(range, element, 'top');
  }

  private hideToolbar(): void {
    this.stopToolbar?.();
    this.stopToolbar = undefined;
    this.toolbarRange = null;
    if (this.ui.isMounted()) void this.ui.get().then(({ toolbar }) => show(toolbar, null));
  }

  private openEditor(range: Range): void {
    this.editing = {};
    const draw = () =>
      this.panel.openBeside(range, () => (
        <NoteEditor
          quote={range.toString()}
          initial={{ text: '', tags: [], color: DEFAULT_COLOR }}
          knownTags={this.knownTags}
          colorLabels={this.colorLabels}
          saving={this.editing?.saving}
          error={this.editing?.error}
          onSave={(values) => void this.saveNew(range, values, draw)}
          onCancel={() => {
            this.editing = null;
            this.panel.close();
          }}
        />
      ));
    draw();
    void this.loadTags().then(() => this.editing && this.panel.refresh());
  }

  /** Tags for type-ahead and the reader's colour names, fetched when an editor opens. */
  private async loadTags(): Promise<void> {
    try {
      [this.knownTags, this.colorLabels] = await Promise.all([this.ports.listTags(), this.loadColorLabels()]);
    } catch {
      // conveniences: the editor works without them
    }
  }

  /** Saves a new passage: drawn at once, confirmed by the background, taken back if it failed. */
  private async saveNew(range: Range, values: NoteValues, redraw?: () => void): Promise<void> {
    let selectors;
    try {
      selectors = toNoteSelectors(describe(this.doc.body, range));
    } catch (error) {
      this.report(t('errorCannotSave', (error as Error).message), redraw);
      return;
    }
    const draft: NoteDraft = {
      id: crypto.randomUUID(),
      ...pageAddress(this.doc),
      pageTitle: this.doc.title.slice(0, 1000),
      selectors,
      text: values.text,
      tags: values.tags,
      color: values.color,
      ...this.mentionsIn(range),
    };
    // Drawn before the background answers: saving feels instant, and is undone if it failed.
    const pending: Note = {
      ...draft,
      pageKey: '',
      site: this.doc.location.hostname,
      createdAt: Date.now(),
      updatedAt: Date.now(),
      anchorStatus: 'anchored',
      terms: [],
    };
    this.notes.set(draft.id, pending);
    this.ranges.set(draft.id, range.cloneRange());
    this.draw();
    this.doc.getSelection()?.removeAllRanges();
    if (this.editing) this.editing.saving = true;
    redraw?.();

    const result = await this.saveWithRetry(draft);
    if (this.editing) this.editing.saving = false;
    if (result.ok) {
      this.notes.set(result.note.id, result.note);
      this.draw();
      if (redraw) {
        this.editing = null;
        this.panel.close();
      }
      return;
    }
    this.notes.delete(draft.id);
    this.ranges.delete(draft.id);
    this.draw();
    this.report(result.error.message, redraw);
  }

  /**
   * A save the background did not answer (stopped mid-save, restarting) is sent again with the same
   * id: stored once whatever happened, or reported as failed — never lost silently.
   */
  private async saveWithRetry(draft: NoteDraft): Promise<NoteResult> {
    for (let attempt = 0; attempt < SAVE_ATTEMPTS; attempt++) {
      try {
        return await this.ports.saveNote(draft);
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 150 * 2 ** attempt));
      }
    }
    return {
      ok: false,
      error: { kind: 'unavailable', message: t('errorUnreachableSave') },
    };
  }

  private async saveEdit(note: Note, values: NoteValues): Promise<void> {
    this.editing = { noteId: note.id, saving: true };
    this.panel.refresh();
    let result: NoteResult;
    try {
      result = await this.ports.updateNote({ id: note.id, ...values });
    } catch {
      result = {
        ok: false,
        error: { kind: 'unavailable', message: t('errorUnreachableEdit') },
      };
    }
    if (!result.ok) {
      this.editing = { noteId: note.id, error: result.error.message };
      this.panel.refresh();
      return;
    }
    this.notes.set(note.id, result.note);
    this.editing = null;
    this.draw();
    this.panel.refresh();
  }

  private async remove(note: Note): Promise<void> {
    let result: NoteResult;
    try {
      result = await this.ports.deleteNote({ id: note.id });
    } catch {
      result = {
        ok: false,
        error: { kind: 'unavailable', message: t('errorUnreachableDelete') },
      };
    }
    if (!result.ok) return this.report(result.error.message);
    this.notes.delete(note.id);
    this.ranges.delete(note.id);
    this.panel.close();
    this.draw();
  }

  /** An error the reader must see: in the open editor, else in a panel beside the selection. */
  private report(message: string, redraw?: () => void): void {
    if (this.editing) {
      this.editing.error = message;
      this.editing.saving = false;
    }
    if (redraw) redraw();
    else {
      const range = this.doc.createRange();
      range.selectNodeContents(this.doc.body);
      range.collapse(true);
      this.panel.openBeside(this.toolbarRange ?? range, () => (
        <p class="cl-error" role="alert">
          {message}
        </p>
      ));
    }
  }
}

function overlaps(a: Range, b: Range): boolean {
  return (
    a.compareBoundaryPoints(Range.START_TO_END, b) > 0 && a.compareBoundaryPoints(Range.END_TO_START, b) < 0
  );
}
