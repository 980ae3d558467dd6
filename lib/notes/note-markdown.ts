// The reader's notes as a safe Markdown subset: **bold**, *italic*, [links](https://…) — nothing else.
//
// The result is a tree of plain data (never an HTML string), drawn as Preact nodes by
// components/NoteText.tsx: a note can add emphasis and http(s) links, never markup, scripts, images or
// other addresses. Whatever is not one of the three is shown as typed, `<b>` and `javascript:` included.
import { safeHttpUrl } from '../safe-url';

export type NoteInline =
  | { type: 'text'; text: string }
  | { type: 'strong'; children: NoteInline[] }
  | { type: 'em'; children: NoteInline[] }
  | { type: 'link'; href: string; children: NoteInline[] };

/** Deeper nesting than this is shown as typed (a note cannot make the parser or the view recurse deeply). */
const MAX_DEPTH = 6;
/** Characters a backslash can escape (CommonMark's ASCII punctuation, the ones this subset uses). */
const ESCAPABLE = /[\\*_[\]()]/;
const WORD = /[\p{L}\p{N}]/u;
const SPACE = /\s/;
/** Longer addresses are shown as typed (and a note full of `[x](` is read in linear time). */
const MAX_ADDRESS = 2048;

interface Context {
  text: string;
  /** Per delimiter: a start from which no closer was found before `end` (failures are remembered). */
  misses: Map<string, { from: number; end: number }>;
  /** The last look-up of a character: where it was searched from and found (text.length: nowhere). */
  found: Map<string, { from: number; at: number }>;
}

/** The next `c` at or after `from` (text.length when none), reusing the last look-up when it covers it. */
function nextIndex(ctx: Context, c: string, from: number): number {
  const last = ctx.found.get(c);
  if (last && from >= last.from && from <= last.at) return last.at;
  const at = ctx.text.indexOf(c, from);
  const found = { from, at: at === -1 ? ctx.text.length : at };
  ctx.found.set(c, found);
  return found.at;
}

/** The note as a tree of text, strong, em and link nodes. Adjacent text is merged. */
export function parseNoteMarkdown(text: string): NoteInline[] {
  return parse({ text, misses: new Map(), found: new Map() }, 0, text.length, 0, true);
}

/** The note's text without its Markdown: what a screen reader's label or a plain-text preview shows. */
export function noteMarkdownText(text: string): string {
  const flat = (nodes: NoteInline[]): string =>
    nodes.map((n) => (n.type === 'text' ? n.text : flat(n.children))).join('');
  return flat(parseNoteMarkdown(text));
}

function parse(ctx: Context, from: number, end: number, depth: number, links: boolean): NoteInline[] {
  const { text } = ctx;
  const out: NoteInline[] = [];
  let plain = '';
  const flush = () => {
    if (plain) out.push({ type: 'text', text: plain });
    plain = '';
  };
  let i = from;
  while (i < end) {
    const c = text[i]!;
    if (c === '\\' && i + 1 < end && ESCAPABLE.test(text[i + 1]!)) {
      plain += text[i + 1];
      i += 2;
      continue;
    }
    if ((c === '*' || c === '_') && depth < MAX_DEPTH) {
      const run = runLength(text, i, end, c);
      const size = run >= 2 ? 2 : 1;
      const delim = c.repeat(size);
      if (canOpen(text, i, run, c, end)) {
        const close = findCloser(ctx, i + size, end, delim);
        if (close !== undefined && close > i + size) {
          flush();
          out.push({
            type: size === 2 ? 'strong' : 'em',
            children: parse(ctx, i + size, close, depth + 1, links),
          });
          i = close + size;
          continue;
        }
      }
      // Not emphasis: the whole run is shown as typed.
      plain += text.slice(i, i + run);
      i += run;
      continue;
    }
    if (c === '[' && links && depth < MAX_DEPTH) {
      const link = readLink(ctx, i, end);
      if (link) {
        flush();
        out.push({
          type: 'link',
          href: link.href,
          children: parse(ctx, i + 1, link.labelEnd, depth + 1, false),
        });
        i = link.end;
        continue;
      }
    }
    plain += c;
    i++;
  }
  flush();
  return out;
}

function runLength(text: string, i: number, end: number, c: string): number {
  let j = i;
  while (j < end && text[j] === c) j++;
  return j - i;
}

/** An opening run is followed by a non-space; `_` also needs no letter before it (snake_case stays). */
function canOpen(text: string, i: number, run: number, c: string, end: number): boolean {
  const after = text[i + run];
  if (i + run >= end || after === undefined || SPACE.test(after)) return false;
  if (c === '_' && i > 0 && WORD.test(text[i - 1]!)) return false;
  return true;
}

/**
 * Where the closing delimiter starts: the first run of the same character, not after a space, long
 * enough (a `**` run is skipped by `*`, so `*a **b** c*` nests), taking the run's last characters.
 */
function findCloser(ctx: Context, from: number, end: number, delim: string): number | undefined {
  const miss = ctx.misses.get(delim);
  if (miss && from >= miss.from && end === miss.end) return undefined;
  const { text } = ctx;
  const c = delim[0]!;
  let i = from;
  while (i < end) {
    const ch = text[i]!;
    if (ch === '\\') {
      i += 2;
      continue;
    }
    if (ch !== c) {
      i++;
      continue;
    }
    const run = runLength(text, i, end, c);
    const before = text[i - 1];
    const after = text[i + run];
    const closes =
      before !== undefined &&
      !SPACE.test(before) &&
      (c !== '_' || after === undefined || i + run >= end || !WORD.test(after)) &&
      (delim.length === 2 ? run >= 2 : run !== 2);
    if (closes) return i + run - delim.length;
    i += run;
  }
  ctx.misses.set(delim, { from, end });
  return undefined;
}

/** `[label](http…)` starting at `i`: the label's end, the link's end and its address, or undefined. */
function readLink(
  ctx: Context,
  i: number,
  end: number,
): { labelEnd: number; end: number; href: string } | undefined {
  const { text } = ctx;
  let j = i + 1;
  while (j < end && text[j] !== ']') {
    if (text[j] === '[' || text[j] === '\n') return undefined;
    j += text[j] === '\\' ? 2 : 1;
  }
  if (j >= end || j === i + 1 || text[j + 1] !== '(') return undefined;
  const labelEnd = j;
  // The address: no spaces; one level of balanced parentheses (Wikipedia's addresses have them).
  const start = j + 2;
  let k = nextIndex(ctx, ')', start);
  if (k >= end || k - start > MAX_ADDRESS) return undefined;
  if (text.lastIndexOf('(', k) >= start) {
    k = nextIndex(ctx, ')', k + 1);
    if (k >= end || k - start > MAX_ADDRESS) return undefined;
  }
  const raw = text.slice(start, k);
  if (SPACE.test(raw)) return undefined;
  const href = /^https?:\/\//i.test(raw) ? safeHttpUrl(raw) : undefined;
  return href ? { labelEnd, end: k + 1, href } : undefined;
}
