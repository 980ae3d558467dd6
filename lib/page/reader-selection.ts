/**
 * The passage the reader selected with their own gestures — not one a page's script put in place of
 * it (a page can change the selection on mouseup, before ClaimLens reads it). A selection made with
 * the mouse must reach from where the reader pressed the button to where they let it go (a word or
 * paragraph selected by a double or triple click contains both points); one made with the keyboard
 * (Shift with an arrow, Home, End or a page key; Ctrl+A) is the reader's when their last gesture was
 * such a key.
 */
import { caretAt, type Caret } from './caret';
import { savableSelection } from './selection';

const SELECTING_KEYS = new Set([
  'ArrowLeft',
  'ArrowRight',
  'ArrowUp',
  'ArrowDown',
  'Home',
  'End',
  'PageUp',
  'PageDown',
]);

export class ReaderSelection {
  private down: Caret | null = null;
  private up: Caret | null = null;
  private byKeys = false;
  /** The passage a command (save, add note, record) has taken: offered no more until a new gesture. */
  private used: Range | null = null;

  constructor(private readonly doc: Document) {}

  pointerDown(event: PointerEvent): void {
    if (!event.isTrusted || event.button !== 0) return;
    this.down = caretAt(this.doc, event.clientX, event.clientY);
    this.up = null;
    this.byKeys = false;
    this.used = null;
  }

  pointerUp(event: PointerEvent): void {
    if (!event.isTrusted || event.button !== 0) return;
    this.up = caretAt(this.doc, event.clientX, event.clientY);
  }

  keyDown(event: KeyboardEvent): void {
    if (!event.isTrusted) return;
    const selects =
      (event.shiftKey && SELECTING_KEYS.has(event.key)) ||
      ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'a');
    if (selects) {
      this.byKeys = true;
      this.used = null;
    }
  }

  /**
   * A command took this passage: the release of its keys, or a later look at the same selection, must
   * not offer the toolbar for it again. A new gesture of the reader's makes the selection theirs again.
   */
  markUsed(range: Range): void {
    this.used = range.cloneRange();
  }

  /** The selection now, if the reader's last gesture made it and no command has taken it since. */
  offered(): Range | null {
    const range = this.take();
    return range && !(this.used && sameRange(range, this.used)) ? range : null;
  }

  /** Whether the reader's last gesture was a key that selects (then the selection may have changed). */
  selectedByKeys(): boolean {
    return this.byKeys;
  }

  /** The selection now, if the reader's last gesture made it; else null. */
  take(): Range | null {
    const range = savableSelection(this.doc);
    if (!range) return null;
    if (this.byKeys) return range;
    if (!this.down || !this.up) return null;
    return touches(range, this.down) && touches(range, this.up) ? range : null;
  }
}

function sameRange(a: Range, b: Range): boolean {
  return (
    a.startContainer === b.startContainer &&
    a.startOffset === b.startOffset &&
    a.endContainer === b.endContainer &&
    a.endOffset === b.endOffset
  );
}

function touches(range: Range, caret: Caret): boolean {
  try {
    return range.comparePoint(caret.node, caret.offset) === 0;
  } catch {
    return false; // the caret is in another document or a node that left the page
  }
}
