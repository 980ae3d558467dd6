// Finds a quoted passage in a page's whitespace-free text, exactly or approximately, and scores how sure the match is.
import search from 'approx-string-match';
import type { CompactText } from './compact-text';
import { alignToEnd, alignToStart, editDistance } from './edit-distance';

/** What to look for; every string already without whitespace. */
export interface QuoteQuery {
  quote: string;
  prefix: string;
  suffix: string;
  /** Where the passage started in the page's (source) text when it was described, if known. */
  position?: number;
  /** Whether the passage began (ended) at a word boundary: a match must not then begin (end) inside a word. */
  wordStart: boolean;
  wordEnd: boolean;
}

/** A match in the page's compact text: `start`..`end` are offsets into `CompactText.text`. */
export interface QuoteMatch {
  start: number;
  end: number;
  errors: number;
  score: number;
  exact: boolean;
}

interface Candidate {
  start: number;
  end: number;
  errors: number;
}

/** Share of a quote's characters that may differ in an approximate match. */
export const MAX_ERROR_RATE = 0.25;
/** Up to this length one approximate search scans the page; longer quotes are located by probes, then verified. */
export const DIRECT_FUZZY_MAX = 256;

const MAX_EXACT_OCCURRENCES = 1000;
const MAX_APPROXIMATE = 100;
/** An exact match this good is taken without looking further. */
const CONFIDENT_SCORE = 0.95;
/** Characters of context nearest the passage that frame candidates, and how many places each may frame. */
const FRAME_CONTEXT = 24;
const MAX_FRAME_HITS = 20;
/** How much a quote's lost context can cost: a lot for a few words, which occur anywhere, little for a paragraph. */
const CONTEXT_WEIGHT = 0.8;
const CONTEXT_HALF_LENGTH = 24;
const ERROR_EVIDENCE_COST = 4;
/** Position only breaks ties between otherwise equal matches; pages move passages by whole paragraphs. */
const POSITION_WEIGHT = 0.02;
const MAX_CONTEXT = 64;
/** Shorter context is too likely to match by chance inside the passage to move its ends. */
const MIN_REFINE_CONTEXT = 8;
/** Edit similarity two unrelated stretches of prose reach by chance (measured: median about 0.21 at 32 characters). */
const CHANCE_SIMILARITY = 0.25;

/** 1 - errors/length, rescaled so unrelated text scores about 0 rather than a misleading 0.2. */
function similarity(errors: number, length: number): number {
  const raw = 1 - errors / length;
  return Math.max(0, (raw - CHANCE_SIMILARITY) / (1 - CHANCE_SIMILARITY));
}

const PROBE_LENGTH = 32;
const MAX_PROBES = 24;
const MAX_PROBE_HITS = 50;
const CLUSTER_GAP = 256;
const MAX_CLUSTERS = 4;
const FUZZY_PROBE_LENGTH = 64;
const FUZZY_PROBE_ERRORS = 16;
const ALIGN_CHUNK = 16;
const ALIGN_WINDOW = 64;
const ALIGN_WINDOW_MAX = 4096;

function contextSimilarity(page: string, query: QuoteQuery, start: number, end: number): number {
  const prefix = query.prefix.slice(-MAX_CONTEXT);
  const suffix = query.suffix.slice(0, MAX_CONTEXT);
  let before: number | null = null;
  let after: number | null = null;
  if (prefix.length > 0) {
    if (page.startsWith(prefix, start - prefix.length)) before = 1;
    else {
      const slack = Math.ceil(prefix.length / 4) + 2;
      const window = page.slice(Math.max(0, start - prefix.length - slack), start);
      before = similarity(alignToEnd(prefix, window).errors, prefix.length);
    }
  }
  if (suffix.length > 0) {
    if (page.startsWith(suffix, end)) after = 1;
    else {
      const slack = Math.ceil(suffix.length / 4) + 2;
      const window = page.slice(end, end + suffix.length + slack);
      after = similarity(alignToStart(suffix, window).errors, suffix.length);
    }
  }
  // A side with no stored context (the passage began or ended the page) is no evidence either way.
  if (before === null) return after ?? 1;
  if (after === null) return before;
  // Edits next to a passage usually touch one side only: the intact side counts for more.
  return 0.7 * Math.max(before, after) + 0.3 * Math.min(before, after);
}

/** The score without the context's part: what a candidate would score with its context intact. */
function scoreWithoutContext(
  page: CompactText,
  sourceLength: number,
  query: QuoteQuery,
  c: Candidate,
): number {
  const quoteSimilarity = 1 - c.errors / query.quote.length;
  let closeness = 1;
  if (query.position !== undefined) {
    const at = page.origin[c.start] ?? sourceLength;
    closeness = 1 - Math.min(1, Math.abs(at - query.position) / Math.max(1, sourceLength));
  }
  return quoteSimilarity - POSITION_WEIGHT * (1 - closeness);
}

function withContext(page: CompactText, query: QuoteQuery, c: Candidate, upper: number): number {
  const context = contextSimilarity(page.text, query, c.start, c.end);
  // Each error spends a few characters of the quote's evidence: an edited quote leans on its context more.
  const evidence = Math.max(0, query.quote.length - ERROR_EVIDENCE_COST * c.errors);
  const contextPenalty = (CONTEXT_WEIGHT * CONTEXT_HALF_LENGTH) / (CONTEXT_HALF_LENGTH + evidence);
  return Math.min(1, Math.max(0, upper - contextPenalty * (1 - context)));
}

/** The end (or, `atStart`, the start) of the best match of `context` in `text[from..to)` nearest `boundary`, or null. */
function contextEdge(
  text: string,
  context: string,
  from: number,
  to: number,
  boundary: number,
  atStart: boolean,
): number | null {
  if (context.length < MIN_REFINE_CONTEXT || from >= to) return null;
  let edge: number | null = null;
  let fewest = Infinity;
  for (const m of search(text.slice(from, to), context, Math.floor(context.length * MAX_ERROR_RATE))) {
    const at = from + (atStart ? m.start : m.end);
    if (m.errors < fewest || (m.errors === fewest && Math.abs(at - boundary) < Math.abs(edge! - boundary))) {
      fewest = m.errors;
      edge = at;
    }
  }
  return edge;
}

/**
 * Moves an approximate match's ends to where its stored context ends and begins. An edit at the edge of
 * a passage ("two" becoming "three") otherwise leaves a letter out, since dropping it costs one error
 * less. Null when the passage between its context has changed more than `maxErrors` allows: the
 * fewest-error match inside it is only part of a passage that is gone.
 */
function refine(text: string, query: QuoteQuery, c: Candidate, maxErrors: number): Candidate | null {
  const slack = Math.min(c.errors, 32) + 2;
  const prefix = query.prefix.slice(-MAX_CONTEXT);
  const suffix = query.suffix.slice(0, MAX_CONTEXT);
  const start =
    contextEdge(
      text,
      prefix,
      Math.max(0, c.start - prefix.length - slack),
      Math.min(c.end, c.start + slack),
      c.start,
      false,
    ) ?? c.start;
  const end =
    contextEdge(
      text,
      suffix,
      Math.max(start, c.end - slack),
      Math.min(text.length, c.end + suffix.length + slack),
      c.end,
      true,
    ) ?? c.end;
  if (end <= start || (start === c.start && end === c.end)) return c;
  // Moving an end by d characters changes the distance by at most d: long quotes take that bound.
  const errors =
    query.quote.length <= DIRECT_FUZZY_MAX
      ? editDistance(query.quote, text.slice(start, end), maxErrors)
      : c.errors + Math.abs(start - c.start) + Math.abs(end - c.end);
  return errors <= maxErrors ? { start, end, errors } : null;
}

const WORD_CHARACTER = /[\p{L}\p{N}\p{M}]/u;

/** Whether `source` has word characters on both sides of `at`. */
export function insideWord(source: string, at: number): boolean {
  return (
    at > 0 && at < source.length && WORD_CHARACTER.test(source[at - 1]!) && WORD_CHARACTER.test(source[at]!)
  );
}

/**
 * Without whitespace, "to" also matches the end of one word and the start of the next ("want officials");
 * a passage that began and ended on word boundaries must be found on word boundaries.
 */
function keepsWordBoundaries(page: CompactText, source: string, query: QuoteQuery, c: Candidate): boolean {
  if (query.wordStart && joinsWord(page, source, page.origin[c.start]!)) return false;
  if (query.wordEnd && joinsWord(page, source, page.origin[c.end - 1]! + 1)) return false;
  return true;
}

/** Whether a word runs on across `at` in the page: word characters on both sides and no `<br>` between them. */
function joinsWord(page: CompactText, source: string, at: number): boolean {
  return insideWord(source, at) && !page.breaks.has(at);
}

function best(
  page: CompactText,
  source: string,
  query: QuoteQuery,
  candidates: Iterable<Candidate>,
  maxErrors = 0,
): (Candidate & { score: number }) | null {
  let top: (Candidate & { score: number }) | null = null;
  for (const found of candidates) {
    if (found.end <= found.start) continue;
    const c = found.errors > 0 ? refine(page.text, query, found, maxErrors) : found;
    if (c === null || !keepsWordBoundaries(page, source, query, c)) continue;
    const upper = scoreWithoutContext(page, source.length, query, c);
    // Comparing context costs an alignment; a candidate that cannot win even with it intact is skipped.
    if (top !== null && upper <= top.score) continue;
    const s = withContext(page, query, c, upper);
    if (top === null || s > top.score) top = { ...c, score: s };
  }
  return top;
}

/** Starts of `needle` in `text`, at most `limit` of them. */
function occurrences(text: string, needle: string, limit: number): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(needle); at !== -1 && found.length < limit; at = text.indexOf(needle, at + 1)) {
    found.push(at);
  }
  return found;
}

/**
 * Candidates framed by the stored context: what lies between the prefix and the suffix (or after the
 * prefix, or before the suffix) where they still occur unchanged. Approximate search returns only the
 * fewest-error matches, which for an edited short quote can be a similar sentence elsewhere; the
 * passage's own place is where its context still is.
 */
function contextCandidates(text: string, query: QuoteQuery, maxErrors: number): Candidate[] {
  const { quote } = query;
  const prefix = query.prefix.slice(-FRAME_CONTEXT);
  const suffix = query.suffix.slice(0, FRAME_CONTEXT);
  const afterPrefix =
    prefix.length >= MIN_REFINE_CONTEXT
      ? occurrences(text, prefix, MAX_FRAME_HITS).map((at) => at + prefix.length)
      : [];
  const beforeSuffix = suffix.length >= MIN_REFINE_CONTEXT ? occurrences(text, suffix, MAX_FRAME_HITS) : [];
  const candidates: Candidate[] = [];
  const framed = new Set<number>();
  for (const start of afterPrefix) {
    let closed = false;
    for (const end of beforeSuffix) {
      if (end < start + quote.length - maxErrors || end > start + quote.length + maxErrors) continue;
      const errors = editDistance(quote, text.slice(start, end), maxErrors);
      if (errors <= maxErrors) candidates.push({ start, end, errors });
      closed = true;
      framed.add(end);
    }
    if (!closed) {
      const aligned = alignToStart(quote, text.slice(start, start + quote.length + maxErrors), maxErrors);
      if (aligned.errors <= maxErrors)
        candidates.push({ start, end: start + aligned.end, errors: aligned.errors });
    }
  }
  for (const end of beforeSuffix) {
    if (framed.has(end)) continue;
    const from = Math.max(0, end - quote.length - maxErrors);
    const aligned = alignToEnd(quote, text.slice(from, end), maxErrors);
    if (aligned.errors <= maxErrors)
      candidates.push({ start: from + aligned.start, end, errors: aligned.errors });
  }
  return candidates;
}

function exactOccurrences(text: string, query: QuoteQuery): Candidate[] {
  const { quote } = query;
  const starts = occurrences(text, quote, MAX_EXACT_OCCURRENCES);
  if (starts.length === MAX_EXACT_OCCURRENCES) {
    // A word like "the" occurs too often to list; where its context is intact, it is found with it.
    const prefix = query.prefix.slice(-FRAME_CONTEXT);
    const suffix = query.suffix.slice(0, FRAME_CONTEXT);
    const seen = new Set(starts);
    const framed = [
      ...occurrences(text, prefix + quote, MAX_FRAME_HITS).map((at) => at + prefix.length),
      ...occurrences(text, quote + suffix, MAX_FRAME_HITS),
    ];
    for (const at of framed) if (!seen.has(at)) starts.push(at);
  }
  return starts.map((start) => ({ start, end: start + quote.length, errors: 0 }));
}

/** Occurrence of `chunk` in `text[from..to)` nearest `expected`, or -1. */
function nearestIn(text: string, chunk: string, from: number, to: number, expected: number): number {
  if (from >= to) return -1;
  const window = text.slice(from, to);
  let nearest = -1;
  for (let i = window.indexOf(chunk); i !== -1; i = window.indexOf(chunk, i + 1)) {
    const at = from + i;
    if (nearest === -1 || Math.abs(at - expected) < Math.abs(nearest - expected)) nearest = at;
    if (at > expected) break;
  }
  return nearest;
}

/**
 * Aligns a long quote with the text starting near `seed`: its chunks that are found unchanged, in order,
 * pin the alignment; only the stretches between them are compared character by character. The error
 * count is an upper bound on the true edit distance, so a poor alignment can lose a match but never
 * accept a wrong one.
 */
function alignLong(text: string, quote: string, seed: number, maxErrors: number): Candidate | null {
  const anchors: { q: number; t: number }[] = [];
  let drift = seed;
  let floor = 0;
  let misses = 0;
  for (let q = 0; q + ALIGN_CHUNK <= quote.length; q += ALIGN_CHUNK) {
    const chunk = quote.slice(q, q + ALIGN_CHUNK);
    const expected = q + drift;
    let found = -1;
    if (expected >= floor && text.startsWith(chunk, expected)) found = expected;
    else {
      const window = Math.min(ALIGN_WINDOW << Math.min(misses, 8), ALIGN_WINDOW_MAX);
      found = nearestIn(
        text,
        chunk,
        Math.max(floor, expected - window),
        Math.min(text.length, expected + window + ALIGN_CHUNK),
        expected,
      );
    }
    if (found === -1) {
      misses++;
      continue;
    }
    misses = 0;
    anchors.push({ q, t: found });
    drift = found - q;
    floor = found + ALIGN_CHUNK;
  }
  const first = anchors[0];
  const last = anchors[anchors.length - 1];
  if (first === undefined || last === undefined) return null;

  let errors = 0;
  let start = first.t;
  if (first.q > 0) {
    const lead = quote.slice(0, first.q);
    const from = Math.max(0, first.t - lead.length - Math.ceil(lead.length / 4) - 8);
    const aligned = alignToEnd(lead, text.slice(from, first.t), maxErrors);
    errors += aligned.errors;
    start = from + aligned.start;
  }
  for (let i = 1; i < anchors.length && errors <= maxErrors; i++) {
    const a = anchors[i - 1]!;
    const b = anchors[i]!;
    if (b.q === a.q + ALIGN_CHUNK && b.t === a.t + ALIGN_CHUNK) continue;
    errors += editDistance(
      quote.slice(a.q + ALIGN_CHUNK, b.q),
      text.slice(a.t + ALIGN_CHUNK, b.t),
      maxErrors - errors,
    );
  }
  let end = last.t + ALIGN_CHUNK;
  if (last.q + ALIGN_CHUNK < quote.length) {
    const tail = quote.slice(last.q + ALIGN_CHUNK);
    const aligned = alignToStart(
      tail,
      text.slice(end, end + tail.length + Math.ceil(tail.length / 4) + 8),
      maxErrors - errors,
    );
    errors += aligned.errors;
    end += aligned.end;
  }
  return errors <= maxErrors ? { start, end, errors } : null;
}

/** Where a long quote may start: votes from probes (short slices of the quote) found in the text. */
function locateLong(text: string, quote: string, maxErrors: number): Candidate[] {
  const seeds: { at: number; offset: number }[] = [];
  const slots = Math.floor(quote.length / PROBE_LENGTH);
  const count = Math.min(MAX_PROBES, slots);
  for (let i = 0; i < count; i++) {
    const offset = count === 1 ? 0 : Math.round((i * (slots - 1)) / (count - 1)) * PROBE_LENGTH;
    const probe = quote.slice(offset, offset + PROBE_LENGTH);
    let hits = 0;
    for (let at = text.indexOf(probe); at !== -1 && hits < MAX_PROBE_HITS; at = text.indexOf(probe, at + 1)) {
      seeds.push({ at: at - offset, offset });
      hits++;
    }
  }
  if (seeds.length === 0) {
    // Edits in every probe: a few longer probes, searched with errors allowed.
    const offsets = [
      0,
      Math.floor((quote.length - FUZZY_PROBE_LENGTH) / 2),
      quote.length - FUZZY_PROBE_LENGTH,
    ];
    for (const offset of offsets) {
      const probe = quote.slice(offset, offset + FUZZY_PROBE_LENGTH);
      for (const m of search(text, probe, FUZZY_PROBE_ERRORS).slice(0, MAX_PROBE_HITS)) {
        seeds.push({ at: m.start - offset, offset });
      }
    }
  }
  seeds.sort((a, b) => a.at - b.at);

  const clusters: { seed: number; offset: number; votes: Set<number> }[] = [];
  let previous = -Infinity;
  for (const s of seeds) {
    let cluster = clusters[clusters.length - 1];
    if (cluster === undefined || s.at - previous > CLUSTER_GAP) {
      cluster = { seed: s.at, offset: s.offset, votes: new Set() };
      clusters.push(cluster);
    }
    cluster.votes.add(s.offset);
    // Align from the probe nearest the quote's start: later probes may sit past an insertion.
    if (s.offset < cluster.offset) {
      cluster.seed = s.at;
      cluster.offset = s.offset;
    }
    previous = s.at;
  }
  clusters.sort((a, b) => b.votes.size - a.votes.size);

  const candidates: Candidate[] = [];
  for (const cluster of clusters.slice(0, MAX_CLUSTERS)) {
    const aligned = alignLong(text, quote, cluster.seed, maxErrors);
    if (aligned !== null) candidates.push(aligned);
  }
  return candidates;
}

/** Approximate matches, the nearest to the stored position first: a short quote can match in thousands of places. */
function nearestApproximate(
  page: CompactText,
  quote: string,
  query: QuoteQuery,
  maxErrors: number,
): Candidate[] {
  const matches = search(page.text, quote, maxErrors);
  if (matches.length <= MAX_APPROXIMATE || query.position === undefined)
    return matches.slice(0, MAX_APPROXIMATE);
  const position = query.position;
  const distance = (c: Candidate) => Math.abs(page.origin[c.start]! - position);
  return matches.sort((a, b) => distance(a) - distance(b)).slice(0, MAX_APPROXIMATE);
}

/**
 * The best match for the quote: an exact occurrence if one scores `minScore` (unless, short of a
 * confident score, the passage edited in its own context scores better), else the best approximate
 * match with at most `MAX_ERROR_RATE` of the quote's length in errors. Null when nothing scores `minScore`.
 */
export function findQuote(
  page: CompactText,
  source: string,
  query: QuoteQuery,
  minScore: number,
): QuoteMatch | null {
  const { quote } = query;
  if (quote.length === 0) return null;
  const exact = best(page, source, query, exactOccurrences(page.text, query));
  if (exact !== null && exact.score >= CONFIDENT_SCORE) return { ...exact, exact: true };
  const maxErrors = Math.floor(quote.length * MAX_ERROR_RATE);
  const short = quote.length <= DIRECT_FUZZY_MAX;
  if (exact !== null && exact.score >= minScore) {
    // An exact copy whose context differs may be a repeat elsewhere while the passage, edited, still sits
    // in its own context: that one wins if it scores better.
    const framed = short && maxErrors > 0 ? contextCandidates(page.text, query, maxErrors) : [];
    const edited = best(
      page,
      source,
      query,
      framed.filter((c) => c.errors > 0),
      maxErrors,
    );
    return edited !== null && edited.score > exact.score
      ? { ...edited, exact: false }
      : { ...exact, exact: true };
  }
  // The exact text may survive elsewhere, out of context, while the passage itself was edited in place.
  if (maxErrors === 0) return null;
  const candidates = short
    ? [
        ...contextCandidates(page.text, query, maxErrors),
        ...nearestApproximate(page, quote, query, maxErrors),
      ]
    : locateLong(page.text, quote, maxErrors);
  const top = best(
    page,
    source,
    query,
    candidates.filter((c) => c.errors > 0),
    maxErrors,
  );
  return top !== null && top.score >= minScore ? { ...top, exact: false } : null;
}
