/**
 * Steps the alias automaton through text that arrives in pieces (one DOM text node after another),
 * reporting every alias found with its start and end in the caller's running offsets.
 */
import { OTHER_CLASS, SEP_CLASS, type Automaton } from './automaton';
import { DROP, SEP, foldCode } from './normalise';

export type MatchListener = (pattern: number, start: number, end: number) => void;

export class StreamMatcher {
  private state = 0;
  private emitted = 0;
  private afterSeparator = false;
  /** State after a separator at the start of text: where every boundary restarts. */
  private freshState = -1;
  private readonly ring: Int32Array;
  private readonly mask: number;

  constructor(
    private readonly automaton: Automaton,
    private readonly onMatch: MatchListener,
  ) {
    let size = 4;
    while (size < automaton.maxLength + 2) size *= 2;
    this.ring = new Int32Array(size);
    this.mask = size - 1;
    this.boundary(0);
  }

  /** A break no alias can cross: a block element's edge or the end of the text. */
  boundary(offset: number): void {
    if (!this.afterSeparator) {
      // Ends whatever alias stops here, then forgets the text before it.
      this.afterSeparator = true;
      this.ring[this.emitted & this.mask] = offset;
      this.emitted++;
      this.step(SEP_CLASS);
    }
    if (this.freshState < 0) {
      this.state = 0;
      this.step(SEP_CLASS);
      this.freshState = this.state;
    }
    this.state = this.freshState;
  }

  /** Feeds one piece of text whose first code unit sits at `offset` in the caller's numbering. */
  feed(text: string, offset: number): void {
    const { asciiClass } = this.automaton;
    const ring = this.ring;
    const mask = this.mask;
    for (let i = 0, n = text.length; i < n; i++) {
      const folded = foldCode(text.charCodeAt(i));
      let cls: number;
      if (folded === SEP) {
        if (this.afterSeparator) continue;
        this.afterSeparator = true;
        cls = SEP_CLASS;
      } else if (folded === DROP) {
        continue;
      } else {
        this.afterSeparator = false;
        cls = folded < 128 ? asciiClass[folded]! : this.wideClass(folded);
      }
      ring[this.emitted & mask] = offset + i;
      this.emitted++;
      this.step(cls);
    }
  }

  private wideClass(code: number): number {
    const codes = this.automaton.wideCodes;
    let lo = 0;
    let hi = codes.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const value = codes[mid]!;
      if (value === code) return this.automaton.wideClasses[mid]!;
      if (value < code) lo = mid + 1;
      else hi = mid - 1;
    }
    return OTHER_CLASS;
  }

  private step(cls: number): void {
    const { edgeStart, edgeCount, edgeClass, edgeTarget, fail, output, outputLink } = this.automaton;
    let s = this.state;
    for (;;) {
      const first = edgeStart[s]!;
      const count = edgeCount[s]!;
      let target = -1;
      if (count <= 8) {
        for (let j = first, end = first + count; j < end; j++) {
          const edge = edgeClass[j]!;
          if (edge === cls) {
            target = edgeTarget[j]!;
            break;
          }
          if (edge > cls) break;
        }
      } else {
        let lo = first;
        let hi = first + count - 1;
        while (lo <= hi) {
          const mid = (lo + hi) >>> 1;
          const edge = edgeClass[mid]!;
          if (edge === cls) {
            target = edgeTarget[mid]!;
            break;
          }
          if (edge < cls) lo = mid + 1;
          else hi = mid - 1;
        }
      }
      if (target >= 0) {
        s = target;
        break;
      }
      if (s === 0) break;
      s = fail[s]!;
    }
    this.state = s;
    let o = output[s]! >= 0 ? s : outputLink[s]!;
    while (o >= 0) {
      this.report(output[o]!);
      o = outputLink[o]!;
    }
  }

  private report(pattern: number): void {
    const length = this.automaton.patternLength[pattern]!;
    // The pattern is SEP + letters + SEP and ends at the unit just emitted.
    const first = this.emitted - length + 1;
    const last = this.emitted - 2;
    this.onMatch(pattern, this.ring[first & this.mask]!, this.ring[last & this.mask]! + 1);
  }
}
