// A whitespace-free view of text for matching: markup and line-break edits change whitespace, rarely words.

/** `text` without whitespace; `origin[i]` is where its i-th code unit sits in the source text. */
export interface CompactText {
  readonly text: string;
  readonly origin: Uint32Array;
  /** Offsets in the source where a `<br>` sits: whitespace a reader sees that has no character of its own. */
  readonly breaks: ReadonlySet<number>;
}

/** Same set as the `\s` of JavaScript regular expressions, so both ways of dropping whitespace agree. */
export function isSpace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 160) return false;
  return (
    code === 160 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

export function compact(text: string): string {
  return text.replace(/\s+/g, '');
}

export function compactText(source: string, breaks: readonly number[] = []): CompactText {
  const origin = new Uint32Array(source.length);
  const parts: string[] = [];
  let length = 0;
  let runStart = -1;
  for (let i = 0; i <= source.length; i++) {
    const space = i === source.length || isSpace(source.charCodeAt(i));
    if (!space) {
      if (runStart < 0) runStart = i;
      origin[length++] = i;
    } else if (runStart >= 0) {
      parts.push(source.slice(runStart, i));
      runStart = -1;
    }
  }
  return { text: parts.join(''), origin: origin.subarray(0, length), breaks: new Set(breaks) };
}

/** Length of the whitespace run that starts `text` (or, with `fromEnd`, ends it). */
export function spaceRunLength(text: string, fromEnd: boolean): number {
  let n = 0;
  while (n < text.length && isSpace(text.charCodeAt(fromEnd ? text.length - 1 - n : n))) n++;
  return n;
}
