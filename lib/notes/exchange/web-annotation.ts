// Notes as W3C Web Annotations (JSON-LD), the format Hypothesis and other annotation tools read and write.
import { localize } from '../../reader-messages';
import { isNoteRange } from '../../anchoring/range-selector';
import type { Note, NoteRange } from '../note-types';
import { copyRange } from '../note-range';
import { isLanguageTag } from '../page-language';
import { NOTE_LIMITS } from '../notes-repository';
import { pageKeyFor } from '../page-identity';
import {
  ErrorList,
  NotesImportError,
  buildNote,
  checkString,
  checkUniqueIds,
  checkWebUrl,
  isRecord,
  kindOf,
} from './note-validation';
import type { ImportSkips } from './import-skips';

/*
 * Text positions. ClaimLens stores a passage's position as UTF-16 code unit offsets into the page's text
 * (what JavaScript string indices count). The Web Annotation model counts Unicode code points instead, and
 * the two differ by one for every character outside the Basic Multilingual Plane (most emoji, some CJK and
 * historic scripts) that comes BEFORE the offset. The page text is not stored, so the conversion is only
 * exact when the note's prefix is all the text before the passage, i.e. the passage starts within the first
 * few dozen characters of the page (the prefix reaches its start). Then:
 *   start = code points in prefix, end = start + code points in the quote.
 * In every other case the TextPositionSelector is left out rather than guessed: a guess is wrong by the
 * number of emoji earlier on the page, and tools that trust positions would then mark the wrong words.
 * The TextQuoteSelector (quote with prefix and suffix) always goes out and is what anchoring relies on.
 * Import converts the same way in reverse and drops positions it cannot convert exactly, which also covers
 * tools (Hypothesis among them) that write UTF-16 offsets under the code-point name. Hypothesis's own API
 * format is read with its positions as they are (UTF-16 units of the body's textContent: hypothesis.ts):
 * they are hints the page checks against the quote before trusting them.
 */

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Ids that are not UUIDs (older or imported notes) still need an IRI; this one reads back to the same id. */
const CLAIMLENS_NOTE_URN = 'urn:claimlens:note:';

/** Text direction, given where the text is right-to-left (the model's default is the page's own). */
interface Directed {
  textDirection?: 'rtl';
}

interface TextQuoteSelector extends Directed {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
  /** The language the page declared (the quote is the page's text). */
  language?: string;
}

interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/** A point in an element: the element by XPath from the document, refined to an empty span at an offset. */
interface PointSelector {
  type: 'XPathSelector';
  value: string;
  refinedBy: TextPositionSelector;
}

/**
 * Where the passage starts and ends in the page's elements, written once for both readers: the W3C
 * model's `startSelector`/`endSelector` (an XPathSelector from the document refined to a point), and
 * Hypothesis's own `startContainer`/`startOffset`/`endContainer`/`endOffset` (paths from the body), which
 * its client reads first when it anchors. The offsets are code points and UTF-16 units at once: ClaimLens
 * records a range only where the two agree (lib/anchoring/range-selector.ts).
 */
interface RangeSelector extends NoteRange {
  type: 'RangeSelector';
  startSelector: PointSelector;
  endSelector: PointSelector;
}

type Selector = TextQuoteSelector | TextPositionSelector | RangeSelector;

/** Hypothesis's paths start at the body; the W3C model's XPathSelector at the document. */
const BODY_XPATH = '/html[1]/body[1]';

function pointSelector(container: string, offset: number): PointSelector {
  return {
    type: 'XPathSelector',
    value: BODY_XPATH + container,
    refinedBy: { type: 'TextPositionSelector', start: offset, end: offset },
  };
}

function rangeSelector(range: NoteRange): RangeSelector {
  return {
    type: 'RangeSelector',
    startSelector: pointSelector(range.startContainer, range.startOffset),
    endSelector: pointSelector(range.endContainer, range.endOffset),
    ...copyRange(range),
  };
}

interface TextualBody extends Directed {
  type: 'TextualBody';
  value: string;
  purpose: 'commenting' | 'tagging';
  format?: string;
}

/** Who made the annotations (the reader, when they gave a name) or what made them (ClaimLens). */
interface Agent {
  id?: string;
  type: 'Person' | 'Software';
  name: string;
}

export interface Annotation {
  id: string;
  type: 'Annotation';
  motivation: 'commenting' | 'tagging' | 'highlighting';
  created: string;
  modified: string;
  creator?: Agent;
  generator: Agent;
  body?: TextualBody[];
  target: { source: string; selector: Selector[] };
}

export interface AnnotationCollection {
  '@context': typeof ANNOTATION_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label?: string;
  total: number;
  generator: Agent;
  generated: string;
  /** Left out when there are no notes: a page must hold at least one annotation (model 5.2). */
  first?: { id: string; type: 'AnnotationPage'; partOf: string; startIndex: 0; items: Annotation[] };
}

export interface WebAnnotationWriteOptions {
  /** The collection's label. */
  label?: string;
  /** The reader's name from the options: the annotations' creator. Left out when empty. */
  creator?: string;
  /** The ClaimLens version that writes the file (the generator). */
  version?: string;
  /** When the file is made (milliseconds; default now). */
  now?: number;
  /** Makes the collection's and page's UUIDs (default crypto.randomUUID). */
  uuid?: () => string;
}

/**
 * Strong right-to-left letters (Hebrew, Arabic, Syriac, Thaana, N'Ko and their presentation forms). The
 * direction of a text is that of its first strong letter, as the Unicode bidirectional algorithm's
 * paragraph rule has it; a left-to-right letter (Latin, Cyrillic, CJK and others) first makes it ltr.
 */
const FIRST_STRONG = /[\p{L}]/u;
const RTL_LETTER = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]|\ud802[\udc00-\udfff]|\ud83a[\udc00-\udfff]/;

/** Whether a text reads right to left: its first letter is Hebrew, Arabic or another RTL script's. */
export function isRightToLeft(text: string): boolean {
  const first = FIRST_STRONG.exec(text);
  return first !== null && RTL_LETTER.test(first[0]);
}

const direction = (text: string): Directed => (isRightToLeft(text) ? { textDirection: 'rtl' } : {});

function generatorAgent(version: string | undefined): Agent {
  return {
    type: 'Software',
    name: version ? `ClaimLens ${version}` : 'ClaimLens',
  };
}

/** Code points in a string: a surrogate pair is one, a lone surrogate is one too. */
export function codePointLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/** The note's position in code points, when it can be known exactly (see the note at the top). */
export function codePointPosition(note: Pick<Note, 'selectors'>): { start: number; end: number } | undefined {
  const { quote, position } = note.selectors;
  if (!position) return undefined;
  if (position.end - position.start !== quote.exact.length) return undefined;
  if (quote.prefix.length !== position.start) return undefined;
  const start = codePointLength(quote.prefix);
  return { start, end: start + codePointLength(quote.exact) };
}

/** The IRI a note goes out under (Web Annotations, and ClaimLens's Hypothesis JSON); it reads back as the note's id. */
export function annotationId(noteId: string): string {
  return UUID.test(noteId)
    ? `urn:uuid:${noteId.toLowerCase()}`
    : CLAIMLENS_NOTE_URN + encodeURIComponent(noteId);
}

function toAnnotation(note: Note, creator: Agent | undefined, generator: Agent): Annotation {
  const body: TextualBody[] = [];
  // text/plain: ClaimLens shows note text as text, so a reader tool should not render it as HTML or Markdown.
  if (note.text !== '')
    body.push({
      type: 'TextualBody',
      value: note.text,
      purpose: 'commenting',
      format: 'text/plain',
      ...direction(note.text),
    });
  for (const tag of note.tags)
    body.push({ type: 'TextualBody', value: tag, purpose: 'tagging', ...direction(tag) });
  const { quote } = note.selectors;
  const selector: Selector[] = [
    {
      type: 'TextQuoteSelector',
      exact: quote.exact,
      prefix: quote.prefix,
      suffix: quote.suffix,
      ...(note.language !== undefined ? { language: note.language } : {}),
      ...direction(quote.exact),
    },
  ];
  const position = codePointPosition(note);
  if (position) selector.push({ type: 'TextPositionSelector', ...position });
  if (note.selectors.range) selector.push(rangeSelector(note.selectors.range));
  return {
    id: annotationId(note.id),
    type: 'Annotation',
    motivation: note.text !== '' ? 'commenting' : note.tags.length > 0 ? 'tagging' : 'highlighting',
    created: new Date(note.createdAt).toISOString(),
    modified: new Date(note.updatedAt).toISOString(),
    ...(creator ? { creator } : {}),
    generator,
    ...(body.length > 0 ? { body } : {}),
    target: { source: note.url, selector },
  };
}

/**
 * The notes as one W3C AnnotationCollection with a single page holding every annotation. Colours, page
 * titles, linked groups and incidents have no place in the model and are not exported (the ClaimLens JSON
 * file keeps them).
 */
export function toWebAnnotation(notes: readonly Note[], options: WebAnnotationWriteOptions = {}): string {
  const uuid = options.uuid ?? (() => crypto.randomUUID());
  const name = options.creator?.trim() ?? '';
  const creator: Agent | undefined = name !== '' ? { type: 'Person', name } : undefined;
  const generator = generatorAgent(options.version);
  const collectionId = `urn:uuid:${uuid()}`;
  const collection: AnnotationCollection = {
    '@context': ANNOTATION_CONTEXT,
    id: collectionId,
    type: 'AnnotationCollection',
    ...(options.label !== undefined ? { label: options.label } : {}),
    total: notes.length,
    generator,
    generated: new Date(options.now ?? Date.now()).toISOString(),
    // 5.1: a collection with annotations MUST have a first page; 5.2: a page MUST hold one or more.
    ...(notes.length > 0
      ? {
          first: {
            id: `urn:uuid:${uuid()}`,
            type: 'AnnotationPage' as const,
            partOf: collectionId,
            startIndex: 0 as const,
            items: notes.map((note) => toAnnotation(note, creator, generator)),
          },
        }
      : {}),
  };
  return JSON.stringify(collection, null, 2);
}

export interface WebAnnotationReadOptions {
  /** Time given to annotations that say neither when they were created nor modified (default: now). */
  now?: number;
}

/** JSON-LD allows `type` as a string or a list of strings. */
function hasType(value: unknown, type: string): boolean {
  if (!isRecord(value)) return false;
  const t = value.type ?? value['@type'];
  return t === type || (Array.isArray(t) && t.includes(type));
}

/** JSON-LD allows any single value where a list is allowed. */
function asList(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** Whether a parsed file looks like Web Annotations (a collection, a page, an annotation or a list of them). */
export function isWebAnnotationDocument(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0 && value.every((item) => hasType(item, 'Annotation'));
  return (
    hasType(value, 'AnnotationCollection') || hasType(value, 'AnnotationPage') || hasType(value, 'Annotation')
  );
}

/**
 * A stable id for an annotation whose id is not a UUID: a 64-bit hash of its id (two differently seeded
 * FNV-1a-style lanes), so importing the same file twice finds the same notes again instead of duplicating them.
 */
export function stableHashId(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
  return `wa-${hex(a)}${hex(b)}`;
}

function noteIdFor(annotation: Record<string, unknown>): string {
  const id = annotation.id ?? annotation['@id'];
  if (typeof id === 'string' && id.trim() !== '') {
    const trimmed = id.trim();
    const uuid = /^urn:uuid:(.+)$/i.exec(trimmed)?.[1];
    if (uuid !== undefined && UUID.test(uuid)) return uuid.toLowerCase();
    if (trimmed.startsWith(CLAIMLENS_NOTE_URN)) {
      try {
        const own = decodeURIComponent(trimmed.slice(CLAIMLENS_NOTE_URN.length));
        if (own.trim() !== '' && own.length <= NOTE_LIMITS.idLength) return own;
      } catch {
        // a broken escape is not one of ours: hashed like any other id
      }
    }
    return stableHashId(trimmed);
  }
  // The model requires an id, but some tools leave it out; the annotation's content is then its identity.
  return stableHashId(JSON.stringify(annotation));
}

function readTime(value: unknown, path: string, errors: ErrorList): number | undefined {
  if (value === undefined) return undefined;
  const time = typeof value === 'string' ? Date.parse(value) : NaN;
  if (!Number.isFinite(time)) {
    errors.add(
      path,
      `expected a date and time such as "2024-05-11T09:00:00Z", got ${typeof value === 'string' ? `"${value.slice(0, 40)}"` : kindOf(value)}`,
    );
    return undefined;
  }
  return time;
}

interface Target {
  source: string;
  language?: string;
  quote: { exact: string; prefix: string; suffix: string };
  position?: { start: number; end: number };
  range?: NoteRange;
}

/** `/html/body/p[2]` or `/html[1]/body[1]/p[2]` as a path from the body (`/p[2]`); undefined for any other path. */
function fromBody(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const rest = /^\/html(?:\[1\])?\/body(?:\[1\])?((?:\/.*)?)$/.exec(value.trim())?.[1];
  // A step without an index is the first of its name.
  return rest?.replace(/\/([a-z][a-z0-9_.:-]*)(?=\/|$)/g, '/$1[1]');
}

/** A W3C start or end selector as a container and offset: an XPathSelector refined to an empty span. */
function pointOf(value: unknown): { container: string; offset: number } | undefined {
  if (!hasType(value, 'XPathSelector')) return undefined;
  const point = value as Record<string, unknown>;
  const container = fromBody(point.value);
  const refined = point.refinedBy;
  if (container === undefined || !hasType(refined, 'TextPositionSelector')) return undefined;
  const { start, end } = refined as Record<string, unknown>;
  return start === end && typeof start === 'number' ? { container, offset: start } : undefined;
}

/**
 * A RangeSelector as a note's range: Hypothesis's fields, else the W3C model's start and end selectors.
 * Anything ClaimLens cannot use (CSS selectors, other paths, offsets that are not points) is dropped: the
 * quote and position still anchor the note.
 */
function readRange(value: unknown): NoteRange | undefined {
  if (!isRecord(value)) return undefined;
  const own = {
    startContainer: value.startContainer,
    startOffset: value.startOffset,
    endContainer: value.endContainer,
    endOffset: value.endOffset,
  };
  if (isNoteRange(own)) return copyRange(own);
  const start = pointOf(value.startSelector);
  const end = pointOf(value.endSelector);
  if (start === undefined || end === undefined) return undefined;
  const w3c = {
    startContainer: start.container,
    startOffset: start.offset,
    endContainer: end.container,
    endOffset: end.offset,
  };
  return isNoteRange(w3c) ? w3c : undefined;
}

/**
 * How a file counts text positions. The W3C model counts code points (see the note at the top);
 * Hypothesis's own API format counts UTF-16 units of the body's textContent, ClaimLens's unit, and its quotes
 * hold a space for each `<br>` the positions give no character.
 */
export type PositionUnits = 'codePoints' | 'utf16';

/** A TextPositionSelector read as a note's position (a hint the page checks), or undefined when it cannot be. */
function readPosition(
  p: unknown,
  quote: { exact: string; prefix: string },
  units: PositionUnits,
): { start: number; end: number } | undefined {
  if (!isRecord(p) || !Number.isSafeInteger(p.start) || !Number.isSafeInteger(p.end)) return undefined;
  const start = p.start as number;
  const end = p.end as number;
  const { exact, prefix } = quote;
  if (units === 'utf16') {
    // The quote may be longer than its span by one space per <br> it crosses, never shorter.
    const extra = exact.length - (end - start);
    const spaces = exact.length - exact.replaceAll(' ', '').length;
    return start >= 0 && extra >= 0 && extra <= spaces ? { start, end } : undefined;
  }
  if (start === codePointLength(prefix) && end - start === codePointLength(exact)) {
    return { start: prefix.length, end: prefix.length + exact.length };
  }
  return undefined;
}

/** The first target with a web source and a quote; other targets (whole pages, images) cannot be a note. */
function readTarget(
  value: unknown,
  path: string,
  errors: ErrorList,
  units: PositionUnits,
): Target | undefined {
  const targets = asList(value);
  if (targets.length === 0) {
    errors.add(path, 'missing');
    return undefined;
  }
  const usable = targets.findIndex(
    (t) => isRecord(t) && asList(t.selector).some((s) => hasType(s, 'TextQuoteSelector')),
  );
  if (usable < 0) {
    errors.add(path, 'no target with a TextQuoteSelector: only quoted passages can become notes');
    return undefined;
  }
  const target = targets[usable] as Record<string, unknown>;
  const tPath = Array.isArray(value) ? `${path}[${usable}]` : path;
  // A source may be described as an object whose id is the address.
  const rawSource = isRecord(target.source) ? (target.source.id ?? target.source['@id']) : target.source;
  const source = checkWebUrl(rawSource, `${tPath}.source`, errors);

  const selectors = asList(target.selector);
  const qIndex = selectors.findIndex((s) => hasType(s, 'TextQuoteSelector'));
  const q = selectors[qIndex] as Record<string, unknown>;
  const qPath = Array.isArray(target.selector) ? `${tPath}.selector[${qIndex}]` : `${tPath}.selector`;
  const exact = checkString(q.exact, `${qPath}.exact`, errors, {
    max: NOTE_LIMITS.quoteLength,
    required: true,
  });
  // Prefix and suffix are optional in the model; longer ones are cut to what ClaimLens keeps, nearest the quote.
  const prefix = checkString(q.prefix ?? '', `${qPath}.prefix`, errors, { max: Infinity })?.slice(
    -NOTE_LIMITS.contextLength,
  );
  const suffix = checkString(q.suffix ?? '', `${qPath}.suffix`, errors, { max: Infinity })?.slice(
    0,
    NOTE_LIMITS.contextLength,
  );
  if (source === undefined || exact === undefined || prefix === undefined || suffix === undefined)
    return undefined;

  // Positions are hints: one that is malformed or cannot be converted exactly is dropped, not an error.
  const position = readPosition(
    selectors.find((s) => hasType(s, 'TextPositionSelector')),
    { exact, prefix },
    units,
  );
  const range = readRange(selectors.find((s) => hasType(s, 'RangeSelector')));
  // The page's language: on the quote (as ClaimLens writes it) or on the source resource; a malformed one is dropped.
  const language = [q.language, isRecord(target.source) ? target.source.language : undefined].find(
    isLanguageTag,
  );
  return {
    source: source.trim(),
    ...(language !== undefined ? { language } : {}),
    quote: { exact, prefix, suffix },
    ...(position ? { position } : {}),
    ...(range ? { range } : {}),
  };
}

/** Comments become the note text, tags its tags; other bodies (links to other resources) are left out. */
function readBodies(annotation: Record<string, unknown>, path: string, errors: ErrorList) {
  const texts: string[] = [];
  const tags: string[] = [];
  if (annotation.bodyValue !== undefined) {
    const value = checkString(annotation.bodyValue, `${path}.bodyValue`, errors, {
      max: NOTE_LIMITS.textLength,
    });
    if (value !== undefined && value.trim() !== '') texts.push(value);
  }
  const bodies = asList(annotation.body);
  bodies.forEach((body, i) => {
    const bPath = Array.isArray(annotation.body) ? `${path}.body[${i}]` : `${path}.body`;
    if (!isRecord(body) || !(hasType(body, 'TextualBody') || 'value' in body)) return;
    const purposes = asList(body.purpose);
    const tagging = purposes.includes('tagging');
    const value = checkString(body.value, `${bPath}.value`, errors, {
      max: tagging ? NOTE_LIMITS.tagLength : NOTE_LIMITS.textLength,
    });
    if (value === undefined || value.trim() === '') return;
    if (tagging) {
      if (!tags.includes(value.trim())) tags.push(value.trim());
    } else {
      texts.push(value);
    }
  });
  if (tags.length > NOTE_LIMITS.tags) {
    errors.add(`${path}.body`, `more than ${NOTE_LIMITS.tags} tags (${tags.length})`);
  }
  const text = texts.join('\n\n');
  if (text.length > NOTE_LIMITS.textLength) {
    errors.add(
      `${path}.body`,
      `the comments together are longer than ${NOTE_LIMITS.textLength.toLocaleString('en-US')} characters`,
    );
  }
  return { text, tags };
}

/**
 * Why an annotation cannot become a note, if it cannot: no target selects anything (a page note, and how
 * Hypothesis writes replies as Web Annotations), or the selectors hold no quote (only a range or a position).
 */
export function unquotedKind(target: unknown): keyof ImportSkips | undefined {
  const targets = asList(target);
  if (targets.length === 0) return undefined; // an error, not a skip: the model requires a target
  const selectors = targets.flatMap((t) => (isRecord(t) ? asList(t.selector) : []));
  if (selectors.some((s) => hasType(s, 'TextQuoteSelector'))) return undefined;
  return selectors.length === 0 ? 'pageNotes' : 'withoutQuote';
}

export interface AnnotationReading {
  /** Where to count page notes, replies and quote-less annotations instead of refusing them. */
  skips?: ImportSkips;
  /** The page's title, when the file names it (Hypothesis's `document.title`). */
  pageTitle?: string;
  /** How the file counts text positions (default: the W3C model's code points). */
  positionUnits?: PositionUnits;
}

export function readAnnotation(
  value: unknown,
  path: string,
  errors: ErrorList,
  now: number,
  reading: AnnotationReading = {},
): Note | undefined {
  const { skips, pageTitle = '', positionUnits = 'codePoints' } = reading;
  if (!hasType(value, 'Annotation')) {
    errors.add(
      path,
      isRecord(value)
        ? 'expected "type": "Annotation"'
        : `expected an annotation (an object), got ${kindOf(value)}`,
    );
    return undefined;
  }
  const annotation = value as Record<string, unknown>;
  const skip = skips ? unquotedKind(annotation.target) : undefined;
  if (skips && skip) {
    skips[skip]++;
    return undefined;
  }
  const before = errors.size;
  const target = readTarget(annotation.target, `${path}.target`, errors, positionUnits);
  const { text, tags } = readBodies(annotation, path, errors);
  const created = readTime(annotation.created, `${path}.created`, errors);
  const modified = readTime(annotation.modified, `${path}.modified`, errors);
  if (errors.size > before || target === undefined) return undefined;
  let pageKey: string;
  try {
    pageKey = pageKeyFor({ url: target.source });
  } catch {
    errors.add(`${path}.target.source`, 'not a valid web address');
    return undefined;
  }
  const createdAt = created ?? modified ?? now;
  return buildNote({
    id: noteIdFor(annotation),
    pageKey,
    url: target.source,
    pageTitle,
    ...(target.language !== undefined ? { language: target.language } : {}),
    selectors: {
      quote: target.quote,
      ...(target.position ? { position: target.position } : {}),
      ...(target.range ? { range: target.range } : {}),
    },
    text,
    tags,
    color: 'highlight',
    entityIds: [],
    incidentIds: [],
    createdAt,
    updatedAt: Math.max(modified ?? createdAt, createdAt),
    anchorStatus: 'unknown',
  });
}

/** The annotations of a parsed file with the path each was found at. */
function annotationsOf(value: unknown, errors: ErrorList): { item: unknown; path: string }[] {
  const listed = (items: unknown, path: string) => {
    if (!Array.isArray(items)) {
      errors.add(path, items === undefined ? 'missing' : `expected a list, got ${kindOf(items)}`);
      return [];
    }
    return items.map((item, i) => ({ item, path: `${path}[${i}]` }));
  };
  if (Array.isArray(value)) return value.map((item, i) => ({ item, path: `[${i}]` }));
  if (hasType(value, 'Annotation')) return [{ item: value, path: 'annotation' }];
  if (hasType(value, 'AnnotationPage')) return listed((value as Record<string, unknown>).items, 'items');
  if (hasType(value, 'AnnotationCollection')) {
    // Only the embedded first page is read: later pages would have to be fetched, and import never fetches.
    const first = (value as Record<string, unknown>).first;
    // An empty collection has no page (5.1): nothing to read, and nothing wrong.
    if (first === undefined && (value as Record<string, unknown>).total === 0) return [];
    if (!isRecord(first)) {
      errors.add(
        'first',
        typeof first === 'string'
          ? 'a page given by address is not fetched: embed the annotations'
          : 'missing',
      );
      return [];
    }
    return listed(first.items, 'first.items');
  }
  errors.add(
    '',
    'expected an AnnotationCollection, an AnnotationPage, an Annotation or a list of Annotations',
  );
  return [];
}

/** The notes of parsed Web Annotations; every problem goes to `errors` (then the result is unusable). */
export function readWebAnnotationDocument(
  value: unknown,
  errors: ErrorList,
  options: WebAnnotationReadOptions = {},
  skips?: ImportSkips,
): Note[] {
  const now = options.now ?? Date.now();
  const read: { note: Note; path: string }[] = [];
  for (const { item, path } of annotationsOf(value, errors)) {
    const note = readAnnotation(item, path, errors, now, { skips });
    if (note) read.push({ note, path });
  }
  checkUniqueIds(read, errors);
  return read.map((r) => r.note);
}

/**
 * Reads Web Annotations (from Hypothesis and other tools) as ClaimLens notes: an AnnotationCollection with
 * its first page embedded, an AnnotationPage, one Annotation or a list of them. Each needs a target with a
 * web source and a TextQuoteSelector. The notes get the highlight colour and an unknown anchor status (they
 * were never anchored by ClaimLens). Throws NotesImportError listing every problem; nothing is returned then.
 */
export function fromWebAnnotation(text: string, options: WebAnnotationReadOptions = {}): Note[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new NotesImportError([localize('fileInvalidJsonShort')]);
  }
  const errors = new ErrorList();
  const notes = readWebAnnotationDocument(value, errors, options);
  if (errors.size > 0) throw new NotesImportError(errors.toArray());
  return notes;
}
