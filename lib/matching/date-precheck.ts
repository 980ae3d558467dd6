/**
 * A cheap, exact look before chrono-node reads a piece of text: whether any of chrono's parsers that
 * can give a date could start anywhere in it. chrono runs every parser's pattern over the text and
 * then builds results for every hit; much of a parse goes on its two time-of-day parsers, one of
 * which stops at every number ("12 people", "09:30"), the other at every "night" or "morning". A time
 * of day alone never dates anything that `findDates` keeps (it needs a day and month, a weekday, a
 * month, or a year counted back), and chrono's refiners only merge, extend or drop the results that
 * parsers gave, never making a day, month, weekday or year certain from times alone. So where no
 * date parser's own pattern matches the text, chrono would find no date in it, and the parse is
 * skipped.
 */
import * as chrono from 'chrono-node';

export type DateLanguage = 'en' | 'fr' | 'pt';

/**
 * chrono's English time-of-day parsers, by how their patterns start ("at 5 p.m.", "09:30"; "this
 * morning", "at night"): their results carry an hour, minutes and a meridiem, never a certain day,
 * month, weekday or year (AbstractTimeExpressionParser, casualReferences). Told by pattern, which a
 * bundler's minifier leaves as written, unlike class names.
 */
const TIME_OF_DAY = [
  /^\(\^\|\\s\|T\|\\b\)\(\?:\(\?:at\|from\)\\s\*\)\?\?\(\\d\{1,4\}\)/,
  /^\(\\W\|\^\)\(\?:this\)\?\\s\{0,3\}\(morning\|afternoon\|evening\|night\|midnight\|midday\|noon\)\(\?=\\W\|\$\)$/,
];

/** Whether a chrono parser's pattern is one of English's time-of-day parsers. */
export function isTimeOfDayPattern(pattern: RegExp): boolean {
  return TIME_OF_DAY.some((time) => time.test(pattern.source));
}

/** Each language's chrono parser patterns that can give a date (for English, all but the times of day). */
function datePatterns(language: DateLanguage): RegExp[] {
  const context = new chrono.ParsingContext('', new Date(0));
  const parsers = chrono[language].casual.parsers;
  return parsers
    .map((parser) => parser.pattern(context))
    .filter((pattern) => language !== 'en' || !isTimeOfDayPattern(pattern))
    .map((pattern) => new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, '')));
}

const patterns = new Map<DateLanguage, RegExp[]>();

/**
 * Whether chrono's parser for `language` may find a date in `text`: false only when none of its
 * date parsers' patterns matches anywhere in it, and then `chrono[language].parse(text)` gives no
 * result with a day, month, weekday or year (for French and Portuguese, where every parser is asked,
 * no result at all).
 */
export function mayHoldDate(text: string, language: DateLanguage): boolean {
  let list = patterns.get(language);
  if (!list) patterns.set(language, (list = datePatterns(language)));
  return list.some((pattern) => pattern.test(text));
}
