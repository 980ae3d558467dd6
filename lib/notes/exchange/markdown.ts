// Notes as a Markdown document for reading and sharing: one section per page, each passage quoted.
import { readerDate } from '../../reader-date';
import { safeHttpUrl } from '../../safe-url';
import type { ColorLabels } from '../color-labels';
import { DEFAULT_COLORS, isColorId, type Note } from '../note-types';
import { textFragmentLink } from '../text-fragment';

export interface MarkdownOptions {
  /** The document's heading (default "ClaimLens notes"). */
  title?: string;
  /** When the export was made (milliseconds; now when left out). */
  now?: number;
  /** Names of groups and incidents by id (an id no pack names any more is written as it is). */
  names?: Record<string, string>;
  /** The reader's own colour names. */
  colorLabels?: ColorLabels;
  /** The language the dates are written in (the browser's when left out). */
  locale?: string;
}

/*
 * The reader's own notes are Markdown already (ClaimLens draws their bold, italic and links): they are
 * written as the reader typed them, except that raw HTML is escaped, since ClaimLens shows it as typed
 * and many Markdown viewers would run it. Everything else taken from pages (titles, passages, tags) is
 * written as literal text, never as Markdown: a page must not be able to add headings, links, images
 * or HTML to the document. Inline syntax characters are escaped there; block syntax (lists, setext
 * underlines, indented code) only matters at the start of a line, where it is escaped or its
 * indentation dropped.
 */

const INLINE_SYNTAX = /[\\`*_[\]<>|~#!]/g;
/** `&amp;`, `&#60;`: an entity would be decoded by the viewer, so its ampersand is escaped. */
const ENTITY = /&(?=#?[a-z0-9]+;)/gi;

/** Text that shows as itself within a line (a heading, a list item). */
export function escapeMarkdown(text: string): string {
  return text.replace(INLINE_SYNTAX, '\\$&').replace(ENTITY, '\\&');
}

/** One line of a block: inline escapes, then what would start a list, underline a heading or open code. */
function escapeLine(line: string): string {
  return escapeMarkdown(line.trim())
    .replace(/^[-+=]/, '\\$&')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** Blocks as lines; each line ends with a hard break (backslash) so the text keeps its own line breaks. */
function blockLines(text: string, lead: string): string[] {
  const lines = text.split(/\r\n|\r|\n/).map(escapeLine);
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  while (lines.length > 0 && lines[0] === '') lines.shift();
  return lines.map((line, i) => {
    if (line === '') return lead.trimEnd();
    // A backslash at the end of a paragraph is shown as a backslash, so only lines followed by text get one.
    const next = lines[i + 1];
    return `${lead}${line}${next !== undefined && next !== '' ? '\\' : ''}`;
  });
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function dateOf(ms: number, options: MarkdownOptions): string {
  return readerDate(ms, options.locale) || 'unknown date';
}

/** The reader's note as typed, its raw HTML (a tag, a comment, an entity) shown as typed rather than run. */
function readerMarkdown(text: string): string[] {
  const lines = text
    .replace(/<(?=[A-Za-z/!?])/g, '\\<')
    .replace(ENTITY, '\\&')
    .split(/\r\n|\r|\n/);
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop();
  while (lines.length > 0 && lines[0]!.trim() === '') lines.shift();
  return lines;
}

const count = (n: number, one: string, many: string) =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

function nameOf(id: string, names: Record<string, string> | undefined): string {
  const name = names && Object.hasOwn(names, id) ? names[id] : undefined;
  return escapeMarkdown(oneLine(typeof name === 'string' && name.trim() !== '' ? name : id));
}

function noteSection(note: Note, options: MarkdownOptions, out: string[]): void {
  out.push(...blockLines(note.selectors.quote.exact, '> '), '');
  const text = readerMarkdown(note.text);
  if (text.length > 0) out.push(...text, '');
  if (note.tags.length > 0)
    out.push(`- Tags: ${note.tags.map((tag) => escapeMarkdown(oneLine(tag))).join(', ')}`);
  const colour = isColorId(note.color)
    ? (options.colorLabels?.[note.color] ??
      DEFAULT_COLORS.find((c) => c.id === note.color)?.label ??
      note.color)
    : note.color;
  out.push(`- Colour: ${escapeMarkdown(oneLine(colour))}`);
  if (note.entityIds.length > 0) {
    out.push(`- Groups: ${note.entityIds.map((id) => nameOf(id, options.names)).join(', ')}`);
  }
  if (note.incidentIds.length > 0) {
    out.push(`- Incidents: ${note.incidentIds.map((id) => nameOf(id, options.names)).join(', ')}`);
  }
  out.push(`- Noted: ${dateOf(note.createdAt, options)}`);
  // The link opens the page with the passage highlighted; URL serialisation encodes spaces and brackets.
  const link = textFragmentLink(note);
  if (link !== undefined) out.push(`- Passage: <${link}>`);
  out.push('');
}

/**
 * The notes as Markdown: pages in the order they were first noted on, each with its title as a heading, a
 * link to it and the date of its first note, then its notes oldest first. Notes are grouped by page key, so
 * the same article read under several addresses is one section.
 */
export function toMarkdown(notes: readonly Note[], options: MarkdownOptions = {}): string {
  const pages = new Map<string, Note[]>();
  for (const note of notes) {
    const key = note.pageKey || note.url;
    const group = pages.get(key);
    if (group) group.push(note);
    else pages.set(key, [note]);
  }
  const groups = [...pages.values()].map((group) => group.slice().sort((a, b) => a.createdAt - b.createdAt));
  groups.sort((a, b) => a[0]!.createdAt - b[0]!.createdAt);

  const out: string[] = [
    `# ${escapeMarkdown(oneLine(options.title ?? '') || 'ClaimLens notes')}`,
    '',
    `Exported ${dateOf(options.now ?? Date.now(), options)}: ${count(notes.length, 'note', 'notes')} from ${count(groups.length, 'page', 'pages')}.`,
    '',
  ];
  for (const group of groups) {
    const first = group[0]!;
    // The newest title wins: sites often fix a headline after publishing.
    const titled = [...group].reverse().find((note) => oneLine(note.pageTitle) !== '');
    const title = titled ? oneLine(titled.pageTitle) : first.site || first.url;
    const href = safeHttpUrl(first.url);
    // Only http(s) addresses become links; URL serialisation percent-encodes spaces and angle brackets.
    const link = href ? `<${href}>` : escapeMarkdown(oneLine(first.url));
    out.push(
      `## ${escapeMarkdown(title)}`,
      '',
      `${link} · first note ${dateOf(first.createdAt, options)}`,
      '',
    );
    for (const note of group) noteSection(note, options, out);
  }
  return out.join('\n');
}
