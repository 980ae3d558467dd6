/**
 * ClaimLens's one element on the page: the host of a closed shadow root, made the first time something
 * is shown, under a name the page cannot predict. A page that removes it gets a new one, under a new
 * name, the next time ClaimLens shows something; a page that defines a custom element of a name
 * ClaimLens picked only makes it pick another. Nothing here throws into the page.
 */
import { h, render, type VNode } from 'preact';
import { createShadowRootUi, type ContentScriptContext } from '#imports';
import { I18n } from '../../components/i18n';
import { translate } from '../../lib/i18n';
import { isDarkPage } from '../../lib/page/page-theme';
import { newHostName, registerUiHost } from '../../lib/page/ui-host';
import css from './style.css?inline';

export interface UiContainers {
  /** The floating panel: a tooltip (public pack data), or an error beside a selection. */
  panel: HTMLElement;
  /** The toolbar beside a selection. */
  toolbar: HTMLElement;
  /** The notes frames (note card and editor; notices), extension pages the page cannot reach into. */
  frames: HTMLElement;
  /** The tint boxes of saved passages (lib/page/passage-overlay.ts styles and fills it). */
  overlay: HTMLElement;
}

/** Draws a view into one of the containers, in the reader's language (null clears it). */
export function show(container: HTMLElement, view: VNode | null): void {
  render(view && h(I18n.Provider, { value: translate }, view), container);
}

/** How many names to try when a page has defined custom elements of the ones picked. */
const NAME_TRIES = 5;

export class UiRoot {
  private containers?: Promise<UiContainers>;
  private removeUi?: () => void;
  private themeValue?: 'light' | 'dark';
  private host?: HTMLElement;
  private watcher?: MutationObserver;
  private readonly lostListeners = new Set<() => void>();
  private readonly reached = new WeakSet<Event>();
  private shadow?: ShadowRoot;

  constructor(private readonly ctx: ContentScriptContext) {}

  /** Light or dark, after the page's own colours (read once, when first needed). */
  get theme(): 'light' | 'dark' {
    this.themeValue ??= isDarkPage(document) ? 'dark' : 'light';
    return this.themeValue;
  }

  /** Called when the page took the host away: what was shown in it is gone. */
  onLost(listener: () => void): void {
    this.lostListeners.add(listener);
  }

  /** Takes the host element away (ClaimLens paused on this page). */
  remove(): void {
    this.watcher?.disconnect();
    this.removeUi?.();
    this.forget();
  }

  private forget(): void {
    this.containers = undefined;
    this.removeUi = undefined;
    this.host = undefined;
    this.shadow = undefined;
  }

  /** Whether an event happened inside ClaimLens's own UI (the page sees it at the host element). */
  owns(event: Event): boolean {
    return this.host !== undefined && event.composedPath().includes(this.host);
  }

  /** Whether one of ClaimLens's buttons is under a point of the viewport. */
  buttonAt(x: number, y: number): boolean {
    return !!this.shadow?.elementFromPoint(x, y)?.closest('button');
  }

  /** Whether a click on ClaimLens's UI got to it (false: the page stopped it on the way). */
  clickReached(event: Event): boolean {
    return this.reached.has(event);
  }

  /** Whether the host element exists yet (nothing to clear if not). */
  isMounted(): boolean {
    return this.containers !== undefined;
  }

  get(): Promise<UiContainers> {
    if (this.host && !this.host.isConnected) this.lost();
    this.containers ??= this.make();
    return this.containers;
  }

  private async make(): Promise<UiContainers> {
    let lastError: unknown;
    for (let attempt = 0; attempt < NAME_TRIES; attempt++) {
      try {
        return await this.mount(newHostName());
      } catch (error) {
        lastError = error; // a custom element of that name (the page's): another name
      }
    }
    throw lastError;
  }

  private async mount(name: string): Promise<UiContainers> {
    const ui = await createShadowRootUi<UiContainers>(this.ctx, {
      name,
      mode: 'closed',
      position: 'inline',
      anchor: 'html',
      append: 'last',
      css,
      onMount: (container) => {
        const make = (part: string) => {
          const element = document.createElement('div');
          element.className = `cl-root-${part} cl-${this.theme}`;
          container.append(element);
          return element;
        };
        // The overlay first: the panels and frames paint above the tints.
        const overlay = make('overlay');
        return { overlay, panel: make('panel'), toolbar: make('toolbar'), frames: make('frames') };
      },
    });
    // A custom element of that name would have been made by the page's own constructor.
    if (Object.getPrototypeOf(ui.shadowHost) !== HTMLElement.prototype) {
      ui.remove();
      throw new Error('ClaimLens: that host name is taken on this page');
    }
    ui.mount();
    // Clicks that reach ClaimLens's own elements (a page may stop them at the window before they do).
    ui.shadow.addEventListener('click', (event) => this.reached.add(event), { capture: true });
    this.shadow = ui.shadow;
    this.host = ui.shadowHost;
    registerUiHost(ui.shadowHost);
    this.removeUi = () => ui.remove();
    this.watchHost();
    return ui.mounted!;
  }

  /** Notices at once when the page takes the host out of the document. */
  private watchHost(): void {
    this.watcher?.disconnect();
    const host = this.host;
    if (!host?.parentNode) return;
    this.watcher = new MutationObserver(() => {
      if (this.host === host && !host.isConnected) this.lost();
    });
    this.watcher.observe(host.parentNode, { childList: true });
  }

  private lost(): void {
    this.watcher?.disconnect();
    this.removeUi?.();
    this.forget();
    for (const listener of this.lostListeners) {
      try {
        listener();
      } catch {
        // one part failing to start again does not stop the others
      }
    }
  }
}
