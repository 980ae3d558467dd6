/**
 * What the notes frame shows and does: the editor of a new passage, a saved note's card and editor,
 * the orphan notice and the re-link notice. Reads and writes notes through the background; tells the
 * content script only what it must draw (ids and colours), never what the reader wrote.
 */
import type { VNode } from 'preact';
import { browser } from '#imports';
import { Panel } from '../../components/Panel';
import { NoteCard } from '../../components/notes/NoteCard';
import { NoteEditor, type NoteValues } from '../../components/notes/NoteEditor';
import { OrphanNotice } from '../../components/notes/OrphanNotice';
import { DeletedNotice } from '../../components/notes/DeletedNotice';
import { RelinkNotice } from '../../components/notes/RelinkNotice';
import { RecordedLinks } from '../../components/record/RecordedLinks';
import type { RecordedLink } from '../../lib/mypack/note-links';
import { translate as t } from '../../lib/i18n';
import { sendMessage, type NoteDraft, type NoteResult } from '../../lib/messaging';
import { COLOR_LABELS_KEY, cleanColorLabels } from '../../lib/notes/color-labels';
import { untilAnswered } from '../../lib/notes/until-answered';
import type { ColorId, Note } from '../../lib/notes/note-types';
import type { FrameRole, FromFrame, ToFrame } from '../../lib/page/note-frame-protocol';
import { watchSeen, type SeenWatcher } from '../../lib/page/seen';
import type { PassageResult } from '../../lib/notes/passage-note';

const SAVE_ATTEMPTS = 4;

type State =
  | { kind: 'none' }
  | { kind: 'newNote'; quote: string; draft: NoteDraft; saving?: boolean; error?: string }
  | { kind: 'card'; note: Note; error?: string }
  | { kind: 'edit'; note: Note; saving?: boolean; error?: string }
  | { kind: 'missing'; message: string }
  | { kind: 'orphans'; notes: Note[] }
  | { kind: 'relink'; note: Note; selected: string | null; error?: string }
  /** Just deleted from its card: Undo puts back this very note (same id, text, tags, colour, passage). */
  | { kind: 'deleted'; note: Note; restoring?: boolean; error?: string };

export class FrameView {
  private state: State = { kind: 'none' };
  private knownTags: string[] = [];
  private colorLabels: Partial<Record<ColorId, string>> = {};
  private seen?: { element: Element; watcher: SeenWatcher };
  /** What the reader recorded from the shown note's passage (My pack, read through the background). */
  private recorded?: { id: string; links: RecordedLink[] };
  /** Each command from the content script supersedes the ones before (answers arriving late are dropped). */
  private generation = 0;

  constructor(
    private readonly role: FrameRole,
    private readonly theme: 'light' | 'dark',
    private readonly post: (message: FromFrame) => void,
    private readonly render: (node: VNode | null) => void,
  ) {}

  async show(command: ToFrame): Promise<void> {
    const generation = ++this.generation;
    const current = () => generation === this.generation;
    switch (command.type) {
      case 'clear':
        return this.set({ kind: 'none' });
      case 'newNote':
        this.set({ kind: 'newNote', quote: command.quote, draft: command.draft });
        this.post({ type: 'editing', editing: true });
        await this.loadConveniences();
        if (current()) this.draw();
        return;
      case 'note': {
        // Another note's card must not stay on screen while this one is read.
        if (this.state.kind !== 'none') this.set({ kind: 'none' });
        const note = await this.read(command.id);
        if (!current()) return;
        if (!note) return this.set({ kind: 'missing', message: t('errorNoteGone') });
        void this.loadRecorded(note.id);
        if (command.edit) return this.edit(note);
        return this.set({ kind: 'card', note });
      }
      case 'orphans': {
        const notes = await this.readAll(command.ids);
        if (current()) this.set(notes.length > 0 ? { kind: 'orphans', notes } : { kind: 'none' });
        return;
      }
      case 'relink': {
        const note = await this.read(command.id);
        if (!current()) return;
        if (!note) return this.set({ kind: 'none' });
        return this.set({ kind: 'relink', note, selected: command.selected, error: command.error });
      }
    }
  }

  private set(state: State): void {
    this.state = state;
    this.draw();
  }

  private async read(id: string): Promise<Note | undefined> {
    return (await this.readAll([id]))[0];
  }

  private async readAll(ids: string[]): Promise<Note[]> {
    try {
      return await sendMessage('getNotes', { ids });
    } catch {
      return [];
    }
  }

  /** The items recorded from a note's passage, shown under its card and editor once known. */
  private async loadRecorded(id: string): Promise<void> {
    try {
      this.recorded = { id, links: await sendMessage('recordedForNote', { id }) };
    } catch {
      return; // a link, not the note: the card works without it
    }
    const state = this.state;
    if ((state.kind === 'card' || state.kind === 'edit') && state.note.id === id) this.draw();
  }

  private recordedLinks(id: string): VNode | null {
    if (this.recorded?.id !== id) return null;
    return (
      <RecordedLinks
        links={this.recorded.links}
        onOpen={(key) =>
          void browser.tabs.create({
            url: `${browser.runtime.getURL('/options.html')}#recorded-${encodeURIComponent(key)}`,
          })
        }
      />
    );
  }

  /** Tags for type-ahead and the reader's colour names, fetched when an editor opens. */
  private async loadConveniences(): Promise<void> {
    try {
      const [tags, stored] = await Promise.all([
        sendMessage('listTags', {}),
        browser.storage.local.get(COLOR_LABELS_KEY),
      ]);
      this.knownTags = tags;
      this.colorLabels = cleanColorLabels(stored[COLOR_LABELS_KEY]);
    } catch {
      // conveniences: the editor works without them
    }
  }

  /**
   * A click that saves, changes or deletes counts only if the reader can see this frame. A redraw while
   * the browser's verdict is on its way (the page told the notice of the selection again, the frame
   * was resized) does not cut it short: a verdict cut short read as "hidden or covered", and the
   * reader's Attach or Save was dropped with nothing covering the frame.
   */
  private async seenByReader(): Promise<boolean> {
    const shown = document.getElementById('app')?.firstElementChild;
    if (!shown) return false;
    if (this.seen?.element !== shown) this.seen = { element: shown, watcher: watchSeen(shown) };
    return this.seen.watcher.seen();
  }

  /** Attach, only when the reader sees the notice; otherwise says why nothing happened. */
  private async attachSeen(state: Extract<State, { kind: 'relink' }>): Promise<void> {
    if (await this.seenByReader())
      return this.state.kind === 'relink' ? this.post({ type: 'attach' }) : undefined;
    if (this.state === state) this.set({ ...state, error: t('errorNotSeen') });
  }

  private edit(note: Note): void {
    this.set({ kind: 'edit', note });
    this.post({ type: 'editing', editing: true });
    void this.loadConveniences().then(() => this.state.kind === 'edit' && this.draw());
  }

  private close(): void {
    this.post({ type: 'editing', editing: false });
    this.set({ kind: 'none' });
    this.post({ type: 'close' });
  }

  private draw(): void {
    const view = this.view();
    if (!view || this.role === 'notice') return this.render(view);
    this.render(
      <Panel label={t('notePanelLabel')} theme={this.theme} onClose={() => this.close()}>
        {view}
      </Panel>,
    );
    // The editor's text field takes the keys at once.
    const focus =
      document.querySelector<HTMLElement>('#app [autofocus]') ??
      document.querySelector<HTMLElement>('#app textarea') ??
      document.querySelector<HTMLElement>('#app .cl-tooltip');
    focus?.focus({ preventScroll: true });
  }

  private view(): VNode | null {
    const state = this.state;
    switch (state.kind) {
      case 'none':
        return null;
      case 'missing':
        return (
          <p class="cl-error" role="alert">
            {state.message}
          </p>
        );
      case 'newNote':
        return (
          <NoteEditor
            quote={state.quote}
            initial={{ text: '', tags: [], color: state.draft.color as ColorId }}
            knownTags={this.knownTags}
            colorLabels={this.colorLabels}
            saving={state.saving}
            error={state.error}
            onSave={(values) => void this.saveNew(state, values)}
            onCancel={() => this.close()}
          />
        );
      case 'card':
        return (
          <>
            <NoteCard
              note={state.note}
              colorLabels={this.colorLabels}
              onEdit={() => this.edit(state.note)}
              onDelete={() => void this.remove(state)}
            />
            {this.recordedLinks(state.note.id)}
            {state.error && (
              <p class="cl-error" role="alert">
                {state.error}
              </p>
            )}
          </>
        );
      case 'edit':
        return (
          <>
            <NoteEditor
              quote={state.note.selectors.quote.exact}
              initial={{ text: state.note.text, tags: state.note.tags, color: state.note.color as ColorId }}
              knownTags={this.knownTags}
              colorLabels={this.colorLabels}
              saving={state.saving}
              error={state.error}
              onSave={(values) => void this.saveEdit(state, values)}
              onCancel={() => {
                this.post({ type: 'editing', editing: false });
                this.set({ kind: 'card', note: state.note });
              }}
            />
            {this.recordedLinks(state.note.id)}
          </>
        );
      case 'orphans':
        return (
          <OrphanNotice
            orphans={state.notes.map((n) => ({ id: n.id, quote: n.selectors.quote.exact }))}
            onRelink={(id) => this.post({ type: 'relink', id })}
            onDismiss={() => {
              this.set({ kind: 'none' });
              this.post({ type: 'dismiss' });
            }}
          />
        );
      case 'deleted':
        return (
          <DeletedNotice
            restoring={state.restoring}
            error={state.error}
            onUndo={() => void this.undo(state)}
            onExpire={() => this.state === state && this.close()}
          />
        );
      case 'relink':
        return (
          <RelinkNotice
            // Another note to re-link is a new notice, whose instructions are told again.
            key={state.note.id}
            quote={state.note.selectors.quote.exact}
            original={state.note.originalQuote}
            text={state.note.text}
            selected={state.selected}
            error={state.error}
            takeFocus={false}
            onAttach={() => void this.attachSeen(state)}
            onCancel={() => this.post({ type: 'cancelRelink' })}
          />
        );
    }
  }

  /** Saves a new passage: drawn on the page at once, confirmed by the background, taken back if it failed. */
  private async saveNew(state: Extract<State, { kind: 'newNote' }>, values: NoteValues): Promise<void> {
    if (state.saving) return;
    if (!(await this.seenByReader())) return this.set({ ...state, error: t('errorNotSeen') });
    const draft: NoteDraft = { ...state.draft, text: values.text, tags: values.tags, color: values.color };
    const saving = { ...state, saving: true, error: undefined };
    this.set(saving);
    this.post({ type: 'saving', id: draft.id, color: draft.color });
    const result = await saveWithRetry(draft);
    if (this.state !== saving) return;
    if (result.ok) {
      this.post({ type: 'saved', id: result.note.id, color: result.note.color });
      return this.close();
    }
    this.post({ type: 'unsaved', id: draft.id });
    this.set({ ...state, saving: false, error: result.error.message });
  }

  private async saveEdit(state: Extract<State, { kind: 'edit' }>, values: NoteValues): Promise<void> {
    if (state.saving) return;
    if (!(await this.seenByReader())) return this.set({ ...state, error: t('errorNotSeen') });
    const saving = { ...state, saving: true, error: undefined };
    this.set(saving);
    // An edit sets values, so it is sent again when unanswered: stored once, and never reported as
    // "nothing changed" when it was stored (lib/notes/until-answered.ts).
    const result: NoteResult = await untilAnswered(
      () => sendMessage('updateNote', { id: state.note.id, ...values }),
      () => ({ ok: false, error: { kind: 'unavailable', message: t('errorUnconfirmedEdit') } }),
    );
    if (this.state !== saving) return;
    if (!result.ok) return this.set({ ...state, saving: false, error: result.error.message });
    this.post({ type: 'changed', id: result.note.id, color: result.note.color });
    this.post({ type: 'editing', editing: false });
    this.set({ kind: 'card', note: result.note });
  }

  private async remove(state: Extract<State, { kind: 'card' }>): Promise<void> {
    if (!(await this.seenByReader())) return this.set({ ...state, error: t('errorNotSeen') });
    let result: NoteResult;
    try {
      result = await sendMessage('deleteNote', { id: state.note.id });
    } catch {
      result = { ok: false, error: { kind: 'unavailable', message: t('errorUnreachableDelete') } };
    }
    if (!result.ok) return this.set({ ...state, error: result.error.message });
    this.post({ type: 'deleted', id: state.note.id });
    // The card gives way to "Note deleted · Undo" for a while; the note as it was is kept here only.
    this.set({ kind: 'deleted', note: result.note });
  }

  /** Puts back the note just deleted, exactly as it was, and shows its card again. */
  private async undo(state: Extract<State, { kind: 'deleted' }>): Promise<void> {
    if (state.restoring) return;
    if (!(await this.seenByReader())) return this.set({ ...state, error: t('errorNotSeen') });
    const restoring = { ...state, restoring: true, error: undefined };
    this.set(restoring);
    let result: NoteResult;
    try {
      result = await sendMessage('restoreNote', state.note);
    } catch {
      result = { ok: false, error: { kind: 'unavailable', message: t('errorUnreachableRestore') } };
    }
    if (this.state !== restoring) return;
    if (!result.ok) return this.set({ ...state, restoring: false, error: result.error.message });
    this.post({ type: 'restored', id: result.note.id, color: result.note.color });
    this.set({ kind: 'card', note: result.note });
  }
}

/**
 * A save the background did not answer (stopped mid-save, restarting) is sent again with the same id:
 * stored once whatever happened, or reported as failed — never lost silently.
 */
async function saveWithRetry(draft: NoteDraft): Promise<PassageResult> {
  for (let attempt = 0; attempt < SAVE_ATTEMPTS; attempt++) {
    try {
      return await sendMessage('saveNote', draft);
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 150 * 2 ** attempt));
    }
  }
  return { ok: false, error: { kind: 'unavailable', message: t('errorUnreachableSave') } };
}
