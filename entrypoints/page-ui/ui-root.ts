/** ClaimLens's one element on the page: a shadow root, made the first time something is shown. */
import { h, render, type VNode } from 'preact';
import { createShadowRootUi, type ContentScriptContext } from '#imports';
import { I18n } from '../../components/i18n';
import { translate } from '../../lib/i18n';
import { isDarkPage } from '../../lib/page/page-theme';
import { UI_HOST_TAG } from '../../lib/page/visible-text';
import css from './style.css?inline';

export interface UiContainers {
  /** The floating panel: a tooltip, a note, the note editor. */
  panel: HTMLElement;
  /** The toolbar beside a selection. */
  toolbar: HTMLElement;
  /** Notices pinned to a corner of the window (passages that could not be found). */
  notice: HTMLElement;
}

/** Draws a view into one of the containers, in the reader's language (null clears it). */
export function show(container: HTMLElement, view: VNode | null): void {
  render(view && h(I18n.Provider, { value: translate }, view), container);
}

export class UiRoot {
  private containers?: Promise<UiContainers>;
  private removeUi?: () => void;
  private themeValue?: 'light' | 'dark';
  private host?: HTMLElement;

  constructor(private readonly ctx: ContentScriptContext) {}

  /** Light or dark, after the page's own colours (read once, when first needed). */
  get theme(): 'light' | 'dark' {
    this.themeValue ??= isDarkPage(document) ? 'dark' : 'light';
    return this.themeValue;
  }

  /** Takes the host element away (ClaimLens paused on this page). */
  remove(): void {
    this.removeUi?.();
    this.containers = undefined;
    this.removeUi = undefined;
    this.host = undefined;
  }

  /** Whether an event happened inside ClaimLens's own UI (the page sees it at the host element). */
  owns(event: Event): boolean {
    return this.host !== undefined && event.composedPath().includes(this.host);
  }

  /** Whether the host element exists yet (nothing to clear if not). */
  isMounted(): boolean {
    return this.containers !== undefined;
  }

  get(): Promise<UiContainers> {
    this.containers ??= createShadowRootUi<UiContainers>(this.ctx, {
      name: UI_HOST_TAG,
      position: 'inline',
      anchor: 'html',
      append: 'last',
      css,
      onMount: (container) => {
        const make = (name: string) => {
          const element = document.createElement('div');
          element.className = `cl-root-${name} cl-${this.theme}`;
          container.append(element);
          return element;
        };
        return { panel: make('panel'), toolbar: make('toolbar'), notice: make('notice') };
      },
    }).then((ui) => {
      ui.mount();
      this.host = ui.shadowHost;
      this.removeUi = () => ui.remove();
      return ui.mounted!;
    });
    return this.containers;
  }
}
