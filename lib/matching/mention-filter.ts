/**
 * Which raw alias matches count as mentions: letter case for acronyms, no acronyms inside all-caps
 * headings, the longest of overlapping names, which aliases are guarded. Which of them a page then
 * counts is decided on the page: mention-count.ts.
 */
import { PATTERN_CASE_SENSITIVE, PATTERN_NEEDS_CONTEXT } from './word-automaton';
import type { PackedAutomaton } from './stream-matcher';
import { caseSkeleton } from './normalise';

export interface RawMatch {
  pattern: number;
  start: number;
  end: number;
  text: string;
  before: string;
  after: string;
}

export interface PatternInfo {
  automaton: PackedAutomaton;
  caseForms: readonly string[];
}

/** Whether a raw match has the letter case its alias demands ("ISIL", not "Isil"). */
export function hasRightCase(pattern: number, text: string, info: PatternInfo): boolean {
  if ((info.automaton.patternFlags(pattern) & PATTERN_CASE_SENSITIVE) === 0) return true;
  return caseSkeleton(text) === info.caseForms[pattern];
}

/** Keeps the matches that pass their own checks, longest first where they overlap. Order: by start. */
export function filterMatches<T extends RawMatch>(matches: readonly T[], info: PatternInfo): T[] {
  const passed = matches.filter((m) => {
    if ((info.automaton.patternFlags(m.pattern) & PATTERN_CASE_SENSITIVE) === 0) return true;
    return hasRightCase(m.pattern, m.text, info) && !inAllCapsRun(m);
  });
  passed.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: T[] = [];
  let lastEnd = -1;
  let lastStart = -1;
  for (const m of passed) {
    const sameSpan = m.start === lastStart && m.end === lastEnd;
    if (m.start < lastEnd && !sameSpan) continue;
    const owner = info.automaton.patternTarget(m.pattern);
    if (
      sameSpan &&
      kept.some((k) => k.start === m.start && info.automaton.patternTarget(k.pattern) === owner)
    )
      continue;
    kept.push(m);
    lastStart = m.start;
    lastEnd = Math.max(lastEnd, m.end);
  }
  return kept;
}

/**
 * Whether a match's pattern must have its letter case: an acronym ("ISS", "TRF"), whose other meanings
 * (an institute, an army) are as likely beside a related outfit as anywhere.
 */
export function isCaseSensitive(pattern: number, info: PatternInfo): boolean {
  return (info.automaton.patternFlags(pattern) & PATTERN_CASE_SENSITIVE) !== 0;
}

/** Whether a match's pattern only counts where the page also names its owner plainly. */
export function isGuarded(pattern: number, info: PatternInfo): boolean {
  return (info.automaton.patternFlags(pattern) & PATTERN_NEEDS_CONTEXT) !== 0;
}

/** "THIS IS HOW IT IS DONE": an acronym inside a run of capitals is a word of a shouted heading. */
function inAllCapsRun(m: RawMatch): boolean {
  const around = m.before.slice(-30) + m.after.slice(0, 30);
  let upper = 0;
  let lower = 0;
  for (const ch of around) {
    if (ch !== ch.toLowerCase()) upper++;
    else if (ch !== ch.toUpperCase()) lower++;
  }
  return (upper >= 8 && upper >= 4 * lower) || (lower === 0 && upper >= 4);
}
