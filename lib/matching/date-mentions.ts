/**
 * Dates written in article text ("on November 17", "late on Friday", "last November", "12 years
 * ago", "the 30th anniversary", "in 2016", "le 14 juillet 2016"), resolved against the article's own
 * date. Uses chrono-node (English, and French or Portuguese where their month names appear), and rules
 * of its own for days and months written in Spanish, Hindi, Urdu or Arabic; runs in the background,
 * never in the page.
 */
import * as chrono from 'chrono-node';
import { pad, toDay } from '../calendar';
import { mayHoldDate, type DateLanguage } from './date-precheck';

export type { DateLanguage } from './date-precheck';

export interface DateMention {
  /** YYYY-MM-DD for a day, YYYY-MM for a month, YYYY for a year; --MM-DD for a day of no known year. */
  date: string;
  precision: 'day' | 'month' | 'year';
  /** The words that gave the date. */
  text: string;
  index: number;
  /** Resolved from a weekday, a date without a year or a span of years, against the article's date. */
  relative: boolean;
}

const FRENCH_MONTHS =
  /\b(janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre)\b/i;
const PORTUGUESE_MONTHS =
  /\b(janeiro|fevereiro|mar[çc]o|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro)\b/i;
const BARE_YEAR = /(?<![\d/.-])(19[4-9]\d|20[0-4]\d)(?![\d/-])/g;
/**
 * Month names of languages chrono-node does not read here, by month: Spanish (chrono's Spanish parser
 * takes a bare "Julio" or "Mayo" for a month, so Spanish is read by the rules below instead), Hindi,
 * Urdu and Arabic (the Egyptian and Gulf names). Each spelling the press uses is listed.
 */
const OTHER_MONTHS: readonly (readonly string[])[] = [
  ['enero', 'जनवरी', 'جنوری', 'يناير'],
  ['febrero', 'फरवरी', 'फ़रवरी', 'फ़रवरी', 'فروری', 'فبراير'],
  ['marzo', 'मार्च', 'مارچ', 'مارس'],
  ['abril', 'अप्रैल', 'अप्रेल', 'اپریل', 'أبريل', 'ابريل', 'إبريل'],
  ['mayo', 'मई', 'مئی', 'مايو'],
  ['junio', 'जून', 'جون', 'يونيو', 'يونيه'],
  ['julio', 'जुलाई', 'جولائی', 'يوليو', 'يوليه'],
  ['agosto', 'अगस्त', 'اگست', 'أغسطس', 'اغسطس'],
  ['septiembre', 'setiembre', 'सितंबर', 'सितम्बर', 'ستمبر', 'سبتمبر'],
  ['octubre', 'अक्टूबर', 'अक्तूबर', 'اکتوبر', 'أكتوبر', 'اكتوبر'],
  ['noviembre', 'नवंबर', 'नवम्बर', 'نومبر', 'نوفمبر'],
  ['diciembre', 'दिसंबर', 'दिसम्बर', 'دسمبر', 'ديسمبر'],
];
const MONTH_OF = new Map(OTHER_MONTHS.flatMap((names, i) => names.map((n) => [n, i + 1] as const)));
const MONTH_NAME = [...MONTH_OF.keys()].sort((a, b) => b.length - a.length).join('|');
/** "2 de abril de 2015", "18 सितंबर 2016", "16 دسمبر، 2014", "2 أبريل/نيسان 2015"; the year may be left out. */
const OTHER_DAY = new RegExp(
  `(?<![\\p{L}\\p{M}\\p{N}])(\\d{1,2})\\s*(?:de\\s+)?(${MONTH_NAME})(?:\\s*/\\s*\\p{L}+)?(?:\\s*(?:de|del|,|،)?\\s*(\\d{4}))?(?![\\p{L}\\p{M}\\p{N}])`,
  'giu',
);
/** "abril de 2015", "सितंबर 2016", "دسمبر 2014". */
const OTHER_MONTH = new RegExp(
  `(?<![\\p{L}\\p{M}\\p{N}])(${MONTH_NAME})(?:\\s*/\\s*\\p{L}+)?\\s*(?:de|del|,|،)?\\s*(\\d{4})(?![\\p{L}\\p{M}\\p{N}])`,
  'giu',
);
const ANY_OTHER_MONTH = new RegExp(`(?<![\\p{L}\\p{M}])(?:${MONTH_NAME})(?![\\p{L}\\p{M}])`, 'iu');

/** Numbers in words, as a report writes them ("twelve years ago", "killed seven"). */
export const CARDINAL_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
};
const NUMBER_WORDS: Record<string, number> = {
  ...CARDINAL_WORDS,
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  fifteenth: 15,
  twentieth: 20,
  thirtieth: 30,
  fortieth: 40,
  fiftieth: 50,
};
/** "the 30th anniversary", "12 years since", "ten years after", "marks 20 years". */
const YEARS_BACK =
  /\b(\d{1,2}|[a-z]+)(?:st|nd|rd|th)?[ -](?:anniversary|years? (?:since|after|ago|on|later|have passed))\b/gi;

export function dateLanguagesOf(text: string): DateLanguage[] {
  const languages: DateLanguage[] = ['en'];
  if (FRENCH_MONTHS.test(text)) languages.push('fr');
  if (PORTUGUESE_MONTHS.test(text)) languages.push('pt');
  return languages;
}

/**
 * The dates in `text`, by position. `languages`: those of the text it is part of, when only a part
 * is read (a French month elsewhere in the article lets French weekdays count here too).
 */
export function findDates(
  text: string,
  reference?: string,
  languages: readonly DateLanguage[] = dateLanguagesOf(text),
): DateMention[] {
  const ref = reference ? dayToDate(reference) : undefined;
  const mentions: DateMention[] = [];
  const covered: [number, number][] = [];
  for (const language of languages) {
    // Most of a parse goes on numbers that are no date ("12 people"): skipped where no date can be.
    if (!mayHoldDate(text, language)) continue;
    for (const r of chrono[language].parse(text, ref ?? new Date(0))) {
      const mention = fromResult(r, ref);
      if (!mention) continue;
      if (covered.some(([s, e]) => r.index < e && r.index + r.text.length > s)) continue;
      covered.push([r.index, r.index + r.text.length]);
      // News reports the past: a date after the article's ("a year after", "due in March") is not
      // when anything it reports happened. Its words stay covered (no bare year is taken from them).
      if (ref && isAfter(mention.date, ref)) continue;
      mentions.push(mention);
    }
  }
  if (ANY_OTHER_MONTH.test(text))
    mentions.push(...otherLanguageDates(text, ref, covered).filter((d) => !ref || !isAfter(d.date, ref)));
  if (ref) {
    for (const m of text.matchAll(YEARS_BACK)) {
      const raw = m[1]!.toLowerCase();
      const years = /^\d+$/.test(raw) ? Number(raw) : NUMBER_WORDS[raw];
      if (!years || covered.some(([s, e]) => m.index < e && m.index + m[0].length > s)) continue;
      covered.push([m.index, m.index + m[0].length]);
      mentions.push({
        date: String(ref.getFullYear() - years),
        precision: 'year',
        text: m[0],
        index: m.index,
        relative: true,
      });
    }
  }
  for (const m of text.matchAll(BARE_YEAR)) {
    if (covered.some(([s, e]) => m.index < e && m.index + m[0].length > s)) continue;
    if (ref && isAfter(m[1]!, ref)) continue;
    mentions.push({ date: m[1]!, precision: 'year', text: m[0], index: m.index, relative: false });
  }
  return mentions.sort((a, b) => a.index - b.index);
}

/**
 * Days and months written with a Spanish, Hindi, Urdu or Arabic month name, not already read by
 * chrono (`covered`, to which they are added). A day without its year is the latest such day not
 * after the article's date (news reports the past), or a day of no known year on an undated page.
 */
function otherLanguageDates(text: string, ref: Date | undefined, covered: [number, number][]): DateMention[] {
  const found: DateMention[] = [];
  const take = (index: number, length: number) => {
    if (covered.some(([s, e]) => index < e && index + length > s)) return false;
    covered.push([index, index + length]);
    return true;
  };
  for (const m of text.matchAll(OTHER_DAY)) {
    const day = Number(m[1]);
    const month = MONTH_OF.get(m[2]!.toLowerCase());
    if (!month || day < 1 || day > 31 || !take(m.index, m[0].length)) continue;
    const base = { text: m[0], index: m.index, precision: 'day' as const };
    if (m[3]) {
      found.push({ ...base, date: toDay(Number(m[3]), month, day), relative: false });
    } else if (ref) {
      let year = ref.getFullYear();
      if (isAfter(toDay(year, month, day), ref)) year -= 1;
      found.push({ ...base, date: toDay(year, month, day), relative: true });
    } else {
      found.push({ ...base, date: `--${pad(month)}-${pad(day)}`, relative: true });
    }
  }
  for (const m of text.matchAll(OTHER_MONTH)) {
    const month = MONTH_OF.get(m[1]!.toLowerCase());
    if (!month || !take(m.index, m[0].length)) continue;
    found.push({
      date: `${m[2]}-${pad(month)}`,
      precision: 'month',
      text: m[0],
      index: m.index,
      relative: false,
    });
  }
  return found;
}

function fromResult(r: chrono.ParsedResult, ref: Date | undefined): DateMention | undefined {
  const c = r.start;
  const yearKnown = c.isCertain('year');
  const base = { text: r.text, index: r.index };
  // "now", "today", "yesterday", "in three months": nothing to count from on an undated page.
  if (!ref && isRelativeToNow(r)) return undefined;
  if (!ref && !yearKnown) {
    // "(May 24)" on an undated page: a day of some year, which can still rule an incident out.
    if (c.isCertain('day') && c.isCertain('month'))
      return {
        ...base,
        date: `--${pad(c.get('month')!)}-${pad(c.get('day')!)}`,
        precision: 'day',
        relative: true,
      };
    return undefined;
  }
  if (c.isCertain('day') && c.isCertain('month')) {
    let year = c.get('year')!;
    // "on January 2" in a December article: the latest such day not after the article.
    if (!yearKnown && ref && isAfter(toDay(year, c.get('month')!, c.get('day')!), ref)) year -= 1;
    return {
      ...base,
      date: toDay(year, c.get('month')!, c.get('day')!),
      precision: 'day',
      relative: !yearKnown,
    };
  }
  if (c.isCertain('weekday') && ref) {
    // News reports the past: a bare weekday after the article's date means the week before.
    let date = new Date(c.get('year')!, c.get('month')! - 1, c.get('day')!, 12);
    if (date.getTime() > ref.getTime() + 12 * 3600e3) date = new Date(date.getTime() - 7 * 86400e3);
    return {
      ...base,
      date: toDay(date.getFullYear(), date.getMonth() + 1, date.getDate()),
      precision: 'day',
      relative: true,
    };
  }
  if (c.isCertain('month')) {
    // "last November", "in November": the latest such month not after the article.
    let year = c.get('year')!;
    if (
      !yearKnown &&
      ref &&
      (year > ref.getFullYear() || (year === ref.getFullYear() && c.get('month')! > ref.getMonth() + 1))
    )
      year -= 1;
    return { ...base, date: `${year}-${pad(c.get('month')!)}`, precision: 'month', relative: !yearKnown };
  }
  if (yearKnown && ref && isRelativeToNow(r)) {
    // "12 years ago": a year counted back from the article's date.
    return { ...base, date: String(c.get('year')), precision: 'year', relative: true };
  }
  return undefined;
}

/**
 * Whether a date fits a pack date at the coarser of the two precisions (a day within ±1): true,
 * false, or undefined when they cannot be compared (a day of no known year against a year).
 */
export function dateFits(mention: Pick<DateMention, 'date'>, incidentDate: string): boolean | undefined {
  if (mention.date.startsWith('--')) {
    if (incidentDate.length < 10) return undefined;
    const days = (md: string) => Date.UTC(2001, +md.slice(0, 2) - 1, +md.slice(3, 5));
    const diff = Math.abs(days(mention.date.slice(2)) - days(incidentDate.slice(5)));
    return Math.min(diff, 365 * 86400e3 - diff) <= 86400e3 * 1.01;
  }
  const precision = Math.min(mention.date.length, incidentDate.length);
  if (precision >= 10) {
    const a = Date.UTC(+incidentDate.slice(0, 4), +incidentDate.slice(5, 7) - 1, +incidentDate.slice(8, 10));
    const b = Date.UTC(+mention.date.slice(0, 4), +mention.date.slice(5, 7) - 1, +mention.date.slice(8, 10));
    return Math.abs(a - b) <= 86400e3 * 1.01;
  }
  return mention.date.slice(0, precision) === incidentDate.slice(0, precision);
}

/**
 * Whether a date rules an incident out: it is not the incident's and not within the week after
 * (a claim, a funeral, an arrest two days later are still the same story), nor the month after.
 */
export function dateContradicts(mention: Pick<DateMention, 'date'>, incidentDate: string): boolean {
  const fits = dateFits(mention, incidentDate);
  if (fits !== false) return false;
  const day = (d: string) => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +(d.slice(8, 10) || 1));
  if (mention.date.startsWith('--')) {
    const md = (x: string) => Date.UTC(2001, +x.slice(0, 2) - 1, +x.slice(3, 5));
    const diff = (md(mention.date.slice(2)) - md(incidentDate.slice(5)) + 365 * 86400e3) % (365 * 86400e3);
    return diff > 7 * 86400e3;
  }
  const precision = Math.min(mention.date.length, incidentDate.length);
  if (precision >= 10) {
    const diff = day(mention.date) - day(incidentDate);
    return diff < -86400e3 || diff > 7 * 86400e3;
  }
  if (precision >= 7) {
    const months = (d: string) => +d.slice(0, 4) * 12 + +d.slice(5, 7);
    const diff = months(mention.date) - months(incidentDate);
    return diff < 0 || diff > 1;
  }
  return true;
}

/**
 * The first full date with a year in a short line of a piece of text (an article's dateline, not a
 * date in the story's sentences, which may be any earlier event), or undefined. Words
 * that date only against the moment of reading ("Updated today", "2 days ago") say nothing of when
 * the article appeared: chrono would give them today's date, and they are passed over.
 */
export function findArticleDate(text: string): string | undefined {
  for (const line of text.slice(0, 4000).split('\n')) {
    if (line.length > DATELINE_LENGTH || !mayHoldDate(line, 'en')) continue;
    for (const r of chrono.parse(line)) {
      const c = r.start;
      if (isRelativeToNow(r)) continue;
      if (c.isCertain('year') && c.isCertain('month') && c.isCertain('day'))
        return toDay(c.get('year')!, c.get('month')!, c.get('day')!);
    }
  }
  return undefined;
}

/** A line longer than this is a sentence of the story, not a dateline. */
const DATELINE_LENGTH = 160;

/**
 * Whether a date (a day, a month or a year) is after the article's date `ref`: a day more than one
 * day after it (time zones), a month or a year after its month or year.
 */
function isAfter(date: string, ref: Date): boolean {
  const day = toDay(ref.getFullYear(), ref.getMonth() + 1, ref.getDate());
  if (date.length >= 10) return Date.parse(date) - Date.parse(day) > 86400e3 * 1.01;
  return date > day.slice(0, date.length);
}

function dayToDate(day: string): Date | undefined {
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return parts ? new Date(Number(parts[1]), Number(parts[2]) - 1, Number(parts[3]), 12) : undefined;
}

function isRelativeToNow(result: chrono.ParsedResult): boolean {
  for (const tag of result.tags()) {
    if (tag.startsWith('casualReference/') || tag === 'result/relativeDate') return true;
  }
  return false;
}
