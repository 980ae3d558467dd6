/** Opens, places and closes the tooltip in ClaimLens's shadow root, for whichever mark the reader reached. */
import { render } from 'preact';
import {
  autoUpdate,
  computePosition,
  flip,
  offset,
  shift,
  size,
  type VirtualElement,
} from '@floating-ui/dom';
import { createShadowRootUi, type ContentScriptContext, type ShadowRootContentScriptUi } from '#imports';
import { Tooltip } from '../../components/Tooltip';
import type { Card } from '../../lib/knowledge/cards';
import { isDarkPage } from '../../lib/page/page-theme';
import type { MarkInteractionHandlers } from '../../lib/page/mark-interaction';
import type { Mark, Spotter } from '../../lib/page/spotter';
import { UI_HOST_TAG } from '../../lib/page/visible-text';

const CLOSE_GRACE_MS = 300;

export class TooltipController implements MarkInteractionHandlers {
  private ui?: Promise<ShadowRootContentScriptUi<void>>;
  private container?: HTMLElement;
  private mark: Mark | null = null;
  private readonly cards = new Map<string, Card | null>();
  private closeTimer?: ReturnType<typeof setTimeout>;
  private stopPlacing?: () => void;
  private pointerInside = false;
  private returnFocus: Element | null = null;
  private theme?: 'light' | 'dark';

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly spotter: Spotter,
    private readonly loadCards: (ids: string[]) => Promise<Card[]>,
  ) {
    ctx.onInvalidated(() => this.close());
    // Marks redrawn under an open tooltip (content arrived): close if its mark is gone.
    spotter.onChange(() => {
      if (this.mark && !this.spotter.getMarks().includes(this.mark)) this.close();
    });
  }

  open(mark: Mark, how: 'hover' | 'click' | 'keyboard'): void {
    clearTimeout(this.closeTimer);
    if (how === 'keyboard') {
      if (!this.mark) this.returnFocus = document.activeElement;
      mark.range.startContainer.parentElement?.scrollIntoView({ block: 'center', inline: 'nearest' });
    }
    this.mark = mark;
    this.spotter.setActive(mark);
    void this.show(mark, how === 'keyboard');
  }

  leave(): void {
    if (this.pointerInside || !this.mark) return;
    clearTimeout(this.closeTimer);
    this.closeTimer = setTimeout(() => this.close(), CLOSE_GRACE_MS);
  }

  close(): void {
    clearTimeout(this.closeTimer);
    if (!this.mark) return;
    this.mark = null;
    this.pointerInside = false;
    this.stopPlacing?.();
    this.stopPlacing = undefined;
    this.spotter.setActive(null);
    if (this.container) render(null, this.container);
    const focusBack = this.returnFocus;
    this.returnFocus = null;
    if (focusBack instanceof HTMLElement) focusBack.focus({ preventScroll: true });
  }

  private mount(): Promise<ShadowRootContentScriptUi<void>> {
    this.ui ??= createShadowRootUi<void>(this.ctx, {
      name: UI_HOST_TAG,
      position: 'inline',
      anchor: 'html',
      append: 'last',
      onMount: (container) => {
        this.container = container;
      },
    }).then((ui) => {
      ui.mount();
      return ui;
    });
    return this.ui;
  }

  private async show(mark: Mark, focus: boolean): Promise<void> {
    await this.mount();
    if (this.mark !== mark || !this.container) return;
    this.theme ??= isDarkPage(document) ? 'dark' : 'light';
    this.draw(mark);
    this.place(mark);
    if (focus)
      (this.container.querySelector('.cl-tooltip') as HTMLElement | null)?.focus({ preventScroll: true });
    if (!this.cards.has(mark.targetId)) {
      try {
        const [card] = await this.loadCards([mark.targetId]);
        this.cards.set(mark.targetId, card ?? null);
      } catch {
        return; // the background is restarting; the loading line stays until the reader tries again
      }
      if (this.mark === mark) this.draw(mark);
    }
  }

  private draw(mark: Mark): void {
    render(
      <Tooltip
        card={this.cards.get(mark.targetId)}
        match={mark.incident}
        label={mark.range.toString()}
        theme={this.theme ?? 'light'}
        onClose={() => this.close()}
        onPointerEnter={() => {
          this.pointerInside = true;
          clearTimeout(this.closeTimer);
        }}
        onPointerLeave={() => {
          this.pointerInside = false;
          this.leave();
        }}
      />,
      this.container!,
    );
  }

  private place(mark: Mark): void {
    this.stopPlacing?.();
    const floating = this.container!.querySelector('.cl-tooltip') as HTMLElement | null;
    if (!floating) return;
    const range = mark.range;
    const reference: VirtualElement = {
      getBoundingClientRect: () => range.getClientRects()[0] ?? range.getBoundingClientRect(),
      getClientRects: () => range.getClientRects(),
      contextElement: range.startContainer.parentElement ?? undefined,
    };
    const update = () =>
      computePosition(reference, floating, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [
          offset(6),
          flip({ padding: 8 }),
          shift({ padding: 8 }),
          size({
            padding: 8,
            apply({ availableHeight }) {
              floating.style.maxHeight = `${Math.max(140, Math.min(560, availableHeight))}px`;
            },
          }),
        ],
      }).then(({ x, y }) => {
        floating.style.left = `${x}px`;
        floating.style.top = `${y}px`;
      });
    this.stopPlacing = autoUpdate(reference, floating, () => void update());
  }
}
