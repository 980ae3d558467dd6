/**
 * The floating panel in ClaimLens's shadow root: the short card of whichever mark the reader reached (a
 * group's or an incident's public card), or a short view beside a range (an error), and the full card
 * docked beside the article when the reader opens it. A click or the keyboard pins the short card: it
 * stays until Escape, its close button or a click elsewhere. A saved passage's note opens in the notes
 * frame instead (NoteOpener), where the page cannot read it.
 */
import type { VNode } from 'preact';
import { Panel } from '../../components/Panel';
import { SidePanel } from '../../components/SidePanel';
import { Tooltip } from '../../components/Tooltip';
import { CopySupport } from '../../components/CopyCitation';
import { copyText } from '../../lib/page/clipboard';
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
  /** The short card stays until closed (opened by a click or the keyboard). */
  private pinned = false;
  /** The mark whose full card is docked beside the article. */
  private side: Mark | null = null;

  constructor(
    private readonly ui: UiRoot,
    private readonly marks: MarkSource,
    private readonly loadCards: (ids: string[]) => Promise<Card[]>,
    private readonly notes: NoteOpener,
    onInvalidated: (listener: () => void) => void,
  ) {
    onInvalidated(() => this.close());
    // Marks redrawn under an open card (the page changed): the spotter makes new mark objects for the
    // same ranges, so the card follows its mark by range and closes only if that range is gone.
    // (Comparing objects closed a card at any change of the page, such as a test's copy of the card
    // being removed, just after Alt+Shift+N had opened it.)
    marks.onChange(() => {
      const open = this.mark;
      if (!open) return;
      const same = this.marks
        .getMarks()
        .find((m) => m === open || (m.range === open.range && m.targetId === open.targetId));
      if (same) this.mark = same;
      else this.close();
    });
  }

  /** The mark whose panel is open, if any. */
  current(): Mark | null {
    return this.mark;
  }

  /** Whether this mark's short card is open and pinned (a click on it then goes to the page's link). */
  isPinned(mark: Mark): boolean {
    return this.pinned && this.mark === mark;
  }

  /** A click on the page away from any mark: a short card closes (the docked full card stays). */
  away(): void {
    if (this.mark && this.mark.type !== 'note') this.close();
  }

  open(mark: Mark, how: 'hover' | 'click' | 'keyboard'): void {
    clearTimeout(this.closeTimer);
    // A panel the reader is working in (the note editor), or a pinned card, is not replaced by passing
    // the pointer over a mark.
    if ((this.custom || this.notes.isBusy() || this.pinned) && how === 'hover') return;
    const pin = how !== 'hover';
    if (how === 'keyboard') {
      // The focus goes back where it was on the page (a hover card shown for a focused link counts:
      // it never took the focus).
      if (!this.pinned && !this.custom) this.returnFocus = document.activeElement;
      mark.range.startContainer.parentElement?.scrollIntoView({ block: 'center', inline: 'nearest' });
    }
    this.custom = null;
    // Clicking the mark of a card shown by hover pins it where it is.
    const same = this.mark === mark && !!this.ui.isMounted();
    this.mark = mark;
    this.pinned = pin;
    this.marks.setActive(mark);
    if (mark.type === 'note') {
      if (this.ui.isMounted()) void this.ui.get().then(({ panel }) => show(panel, null));
      this.stopPlacing?.();
      this.stopPlacing = undefined;
      this.notes.openCard(mark, how !== 'hover');
      return;
    }
    this.notes.closePanel();
    if (same && how === 'click') return void this.redraw();
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

  /** The note whose card is open was deleted: its mark is gone, its frame stays (it offers Undo). */
  releaseNote(): void {
    if (this.mark?.type !== 'note') return;
    this.mark = null;
    this.pinned = false;
    this.marks.setActive(null);
  }

  /** The deleted note is back (Undo): its card is open beside it again. */
  reattach(mark: Mark): void {
    this.mark = mark;
    this.pinned = true;
    this.marks.setActive(mark);
  }

  /** The note's frame was closed from inside it (Escape, ×, the offer to undo a delete ran out). */
  closedElsewhere(): void {
    if (this.mark && this.mark.type !== 'note') return;
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
    if (this.pointerInside || this.custom || !this.mark || this.pinned) return;
    clearTimeout(this.closeTimer);
    this.closeTimer = setTimeout(() => this.close(), CLOSE_GRACE_MS);
  }

  /** Escape or a close button: the short card first, then the docked full card. */
  close(): void {
    clearTimeout(this.closeTimer);
    if (!this.mark && !this.custom) {
      if (this.side) this.closeSide();
      return this.notes.closePanel();
    }
    this.mark = null;
    this.custom = null;
    this.pinned = false;
    this.pointerInside = false;
    this.stopPlacing?.();
    this.stopPlacing = undefined;
    this.marks.setActive(null);
    this.notes.closePanel();
    if (this.ui.isMounted()) void this.ui.get().then(({ panel }) => show(panel, null));
    this.restoreFocus();
  }

  /** Docks the mark's full card beside the article, focused, and closes the short card. */
  private openSide(mark: Mark): void {
    const focusBack = this.returnFocus;
    this.close();
    this.returnFocus = focusBack;
    this.side = mark;
    void this.ui.get().then(({ side }) => {
      if (this.side !== mark) return;
      this.drawSide(side);
      (side.firstElementChild as HTMLElement | null)?.focus({ preventScroll: true });
    });
  }

  private closeSide(): void {
    this.side = null;
    if (this.ui.isMounted()) void this.ui.get().then(({ side }) => show(side, null));
    this.restoreFocus();
  }

  private drawSide(container: HTMLElement): void {
    const card = this.side && this.cards.get(this.side.targetId);
    if (!this.side || !card) return show(container, null);
    show(
      container,
      <CopySupport copy={(text) => copyText(text, container)}>
        <SidePanel
          card={card}
          match={this.side.incident}
          theme={this.ui.theme}
          onClose={() => this.closeSide()}
        />
      </CopySupport>,
    );
  }

  private redraw(): void {
    if (this.ui.isMounted()) void this.ui.get().then(({ panel }) => this.draw(panel));
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
    const mark = this.mark;
    if (this.custom) view = this.custom.view();
    else if (mark && mark.type !== 'note')
      view = (
        <Tooltip
          card={this.cards.get(mark.targetId)}
          match={mark.incident}
          label={mark.range.toString()}
          theme={this.ui.theme}
          pinned={this.pinned}
          onClose={() => this.close()}
          onOpen={() => this.openSide(mark)}
          {...handlers}
        />
      );
    else view = null;
    show(
      panel,
      view && !this.custom ? (
        <CopySupport copy={(text) => copyText(text, panel)}>{view}</CopySupport>
      ) : view ? (
        <Panel
          label={translate('notePanelLabel')}
          theme={this.ui.theme}
          onClose={() => this.close()}
          {...handlers}
        >
          {view}
        </Panel>
      ) : null,
    );
  }
}
