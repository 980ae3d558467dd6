/**
 * The floating panel in ClaimLens's shadow root: the tooltip of whichever mark the reader reached (a
 * group's or an incident's public card), or a short view beside a range (an error). A saved passage's
 * note opens in the notes frame instead (NoteOpener), where the page cannot read it.
 */
import type { VNode } from 'preact';
import { Panel } from '../../components/Panel';
import { Tooltip } from '../../components/Tooltip';
import type { Card } from '../../lib/knowledge/cards';
import { keepBeside } from '../../lib/page/floating';
import type { MarkInteractionHandlers } from '../../lib/page/mark-interaction';
import type { Mark } from '../../lib/page/spotter';
import { translate } from '../../lib/i18n';
import { show, type UiRoot } from './ui-root';

const CLOSE_GRACE_MS = 300;

export interface MarkSource {
  getMarks(): readonly Mark[];
  setActive(mark: Mark | null): void;
  onChange(listener: () => void): void;
}

/** Opens and closes a saved passage's note, in the notes frame. */
export interface NoteOpener {
  openCard(mark: Mark, focus: boolean): void;
  closePanel(): void;
  /** The reader is writing a note: the pointer passing over a mark does not replace the editor. */
  isBusy(): boolean;
}

export class PanelController implements MarkInteractionHandlers {
  private mark: Mark | null = null;
  private custom: { range: Range; view: () => VNode } | null = null;
  private readonly cards = new Map<string, Card | null>();
  private closeTimer?: ReturnType<typeof setTimeout>;
  private stopPlacing?: () => void;
  private pointerInside = false;
  private returnFocus: Element | null = null;

  constructor(
    private readonly ui: UiRoot,
    private readonly marks: MarkSource,
    private readonly loadCards: (ids: string[]) => Promise<Card[]>,
    private readonly notes: NoteOpener,
    onInvalidated: (listener: () => void) => void,
  ) {
    onInvalidated(() => this.close());
    // Marks redrawn under an open tooltip (content arrived): close if its mark is gone.
    marks.onChange(() => {
      if (this.mark && !this.marks.getMarks().includes(this.mark)) this.close();
    });
  }

  /** The mark whose panel is open, if any. */
  current(): Mark | null {
    return this.mark;
  }

  open(mark: Mark, how: 'hover' | 'click' | 'keyboard'): void {
    clearTimeout(this.closeTimer);
    // A panel the reader is working in (the note editor) is not replaced by passing the pointer over a mark.
    if ((this.custom || this.notes.isBusy()) && how === 'hover') return;
    if (how === 'keyboard') {
      if (!this.mark && !this.custom) this.returnFocus = document.activeElement;
      mark.range.startContainer.parentElement?.scrollIntoView({ block: 'center', inline: 'nearest' });
    }
    this.custom = null;
    this.mark = mark;
    this.marks.setActive(mark);
    if (mark.type === 'note') {
      if (this.ui.isMounted()) void this.ui.get().then(({ panel }) => show(panel, null));
      this.stopPlacing?.();
      this.stopPlacing = undefined;
      this.notes.openCard(mark, how !== 'hover');
      return;
    }
    this.notes.closePanel();
    void this.show(how === 'keyboard');
  }

  /** The pointer reached or left the note's frame (it keeps the note open like the tooltip does). */
  pointerEntered(): void {
    this.pointerInside = true;
    clearTimeout(this.closeTimer);
  }

  pointerLeft(): void {
    this.pointerInside = false;
    this.leave();
  }

  /** The note's frame was closed from inside it (Escape, ×, deleted). */
  closedElsewhere(): void {
    if (this.mark?.type !== 'note') return;
    this.mark = null;
    this.pointerInside = false;
    this.marks.setActive(null);
    this.restoreFocus();
  }

  /** Shows any view beside a range (the note editor for a new selection), focused. */
  openBeside(range: Range, view: () => VNode): void {
    clearTimeout(this.closeTimer);
    if (!this.mark && !this.custom) this.returnFocus = document.activeElement;
    this.mark = null;
    this.marks.setActive(null);
    this.custom = { range, view };
    void this.show(true);
  }

  /** Draws the open panel again (its data changed). */
  refresh(): void {
    void this.show(false);
  }

  leave(): void {
    if (this.pointerInside || this.custom || !this.mark) return;
    clearTimeout(this.closeTimer);
    this.closeTimer = setTimeout(() => this.close(), CLOSE_GRACE_MS);
  }

  close(): void {
    clearTimeout(this.closeTimer);
    if (!this.mark && !this.custom) return this.notes.closePanel();
    this.mark = null;
    this.custom = null;
    this.pointerInside = false;
    this.stopPlacing?.();
    this.stopPlacing = undefined;
    this.marks.setActive(null);
    this.notes.closePanel();
    if (this.ui.isMounted()) void this.ui.get().then(({ panel }) => show(panel, null));
    this.restoreFocus();
  }

  private restoreFocus(): void {
    const focusBack = this.returnFocus;
    this.returnFocus = null;
    if (focusBack instanceof HTMLElement) focusBack.focus({ preventScroll: true });
  }

  private async show(focus: boolean): Promise<void> {
    const { panel } = await this.ui.get();
    const mark = this.mark;
    const custom = this.custom;
    if ((!mark && !custom) || mark?.type === 'note') return;
    const range = mark?.range ?? custom!.range;
    this.draw(panel);
    this.stopPlacing?.();
    const floating = panel.firstElementChild as HTMLElement | null;
    if (!floating) return;
    this.stopPlacing = keepBeside(range, floating);
    if (focus) {
      const target = (floating.querySelector('[autofocus]') as HTMLElement | null) ?? floating;
      target.focus({ preventScroll: true });
    }
    if (mark && !this.cards.has(mark.targetId)) {
      try {
        const [card] = await this.loadCards([mark.targetId]);
        this.cards.set(mark.targetId, card ?? null);
      } catch {
        return; // the background is restarting; the loading line stays until the reader tries again
      }
      if (this.mark === mark) this.draw(panel);
    }
  }

  private draw(panel: HTMLElement): void {
    const handlers = {
      onPointerEnter: () => {
        this.pointerInside = true;
        clearTimeout(this.closeTimer);
      },
      onPointerLeave: () => {
        this.pointerInside = false;
        this.leave();
      },
    };
    let view: VNode | null;
    if (this.custom) view = this.custom.view();
    else if (this.mark && this.mark.type !== 'note')
      view = (
        <Tooltip
          card={this.cards.get(this.mark.targetId)}
          match={this.mark.incident}
          label={this.mark.range.toString()}
          theme={this.ui.theme}
          onClose={() => this.close()}
          {...handlers}
        />
      );
    else view = null;
    show(
      panel,
      view && this.custom ? (
        <Panel
          label={translate('notePanelLabel')}
          theme={this.ui.theme}
          onClose={() => this.close()}
          {...handlers}
        >
          {view}
        </Panel>
      ) : (
        view
      ),
    );
  }
}
