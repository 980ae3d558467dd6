/**
 * The content script's side of a notes frame (entrypoints/notes-frame): makes the iframe inside the
 * closed shadow root, hands it a MessageChannel port once (with the secret put in its address), says
 * what to show, and sizes and places it. A frame the page navigated elsewhere is dropped and made again.
 */
import { browser } from '#imports';
import { keepBeside } from '../../lib/page/floating';
import {
  NOTES_FRAME_PATH,
  frameAddress,
  isFromFrame,
  type FrameRole,
  type FromFrame,
  type ToFrame,
} from '../../lib/page/note-frame-protocol';
import type { UiRoot } from './ui-root';

/** What a frame may send: its size, or a message of its page's own protocol. */
type SizeOr<From> = From | { type: 'size'; width: number; height: number };

export interface FrameHandlers<From = FromFrame> {
  message(message: From): void;
  pointerEnter?(): void;
  pointerLeave?(): void;
}

export class PrivateFrame<From extends { type: string } = FromFrame, To = ToFrame> {
  private iframe?: HTMLIFrameElement;
  private connecting?: Promise<MessagePort | null>;
  private stopPlacing?: () => void;
  private shown = false;

  /**
   * `address`: another extension page than the notes frame (the record form), given the port's secret
   * and the page's theme; `isMessage` checks what that page sends.
   */
  constructor(
    private readonly ui: UiRoot,
    private readonly role: FrameRole | 'record',
    private readonly handlers: FrameHandlers<From>,
    private readonly page?: {
      address(secret: string, theme: 'light' | 'dark'): string;
      isMessage(data: unknown): data is SizeOr<From>;
    },
  ) {
    ui.onLost(() => this.reset());
  }

  isShown(): boolean {
    return this.shown;
  }

  /** Shows a view: beside a passage (the panel) or in its corner (notices); focused if asked. */
  async show(command: To, beside: Range | null, focus: boolean): Promise<void> {
    const port = await this.connect();
    const iframe = this.iframe;
    if (!port || !iframe) return;
    port.postMessage(command);
    this.shown = true;
    iframe.classList.add('cl-frame-shown');
    this.stopPlacing?.();
    this.stopPlacing = beside ? keepBeside(beside, iframe) : undefined;
    if (focus) iframe.focus({ preventScroll: true });
  }

  /** Gives the keys back to the page if they are in this frame (the reader's next step is on the page). */
  releaseFocus(): void {
    this.iframe?.blur();
  }

  hide(): void {
    this.shown = false;
    this.stopPlacing?.();
    this.stopPlacing = undefined;
    const iframe = this.iframe;
    if (!iframe) return;
    iframe.classList.remove('cl-frame-shown');
    // The focus was in the frame: give it back to the page rather than leave it nowhere.
    iframe.blur();
    void this.connecting?.then((port) => port?.postMessage({ type: 'clear' }));
  }

  private reset(): void {
    this.stopPlacing?.();
    this.stopPlacing = undefined;
    this.iframe?.remove();
    this.iframe = undefined;
    this.connecting = undefined;
    this.shown = false;
  }

  private connect(): Promise<MessagePort | null> {
    if (this.iframe && !this.iframe.isConnected) this.reset();
    this.connecting ??= this.open().catch(() => {
      this.reset();
      return null;
    });
    return this.connecting;
  }

  private async open(): Promise<MessagePort | null> {
    const { frames } = await this.ui.get();
    const secret = `${crypto.randomUUID()}${crypto.randomUUID()}`.replace(/-/g, '');
    const address =
      this.page?.address(secret, this.ui.theme) ??
      frameAddress(
        browser.runtime.getURL(NOTES_FRAME_PATH as '/notes-frame.html'),
        this.role as FrameRole,
        this.ui.theme,
        secret,
      );
    const iframe = document.createElement('iframe');
    iframe.className = `cl-frame cl-frame-${this.role}`;
    iframe.title = 'ClaimLens';
    iframe.src = address;
    if (this.handlers.pointerEnter) iframe.addEventListener('pointerenter', this.handlers.pointerEnter);
    if (this.handlers.pointerLeave) iframe.addEventListener('pointerleave', this.handlers.pointerLeave);
    const loaded = new Promise<void>((resolve) =>
      iframe.addEventListener('load', () => resolve(), { once: true }),
    );
    this.iframe = iframe;
    frames.append(iframe);
    await loaded;
    if (this.iframe !== iframe || !iframe.contentWindow) return null;
    // A second load is a navigation the page forced on the frame: it is no longer ours.
    iframe.addEventListener('load', () => this.iframe === iframe && this.reset());
    const channel = new MessageChannel();
    channel.port1.onmessage = (event) => {
      const data: unknown = event.data;
      const valid = this.page ? this.page.isMessage(data) : isFromFrame(data);
      if (this.iframe !== iframe || !valid) return;
      const message = data as SizeOr<From>;
      if (message.type === 'size' && 'width' in message) {
        iframe.style.width = `${message.width}px`;
        iframe.style.height = `${message.height}px`;
      } else this.handlers.message(message as From);
    };
    // The dynamic address leads to the extension's own origin, where the frame's document lives.
    iframe.contentWindow.postMessage(secret, new URL(browser.runtime.getURL('/')).origin, [channel.port2]);
    return channel.port1;
  }
}
