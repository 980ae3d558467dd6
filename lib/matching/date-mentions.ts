/**
 * Dates written in article text ("on November 17", "late on Friday", "2017-11-20"), resolved against
 * the article's own date. Uses chrono-node; runs in the background, never in the page.
 */
import * as chrono from 'chrono-node';
import { pad, toDay } from '../calendar';

export interface DateMention {
  /** YYYY-MM-DD for a day, YYYY-MM for a month. */
  date: string;
  precision: 'day' | 'month';
  /** The words that gave the date. */
  text: string;
  index: number;
  /** Resolved from a weekday or a date without a year, against the article's date. */
  relative: boolean;
}

export function findDates(text: string, reference?: string): DateMention[] {
  const ref = reference ? dayToDate(reference) : undefined;
  const results = chrono.parse(text, ref ?? new Date(0));
  const mentions: DateMention[] = [];
  for (const r of results) {
    const c = r.start;
    const yearKnown = c.isCertain('year');
    if (!ref && !yearKnown) continue;
    if (c.isCertain('day') && c.isCertain('month')) {
      mentions.push({
        date: toDay(c.get('year')!, c.get('month')!, c.get('day')!),
        precision: 'day',
        text: r.text,
        index: r.index,
        relative: !yearKnown,
      });
    } else if (c.isCertain('weekday') && ref) {
      // News reports the past: a bare weekday after the article's date means the week before.
      let date = new Date(c.get('year')!, c.get('month')! - 1, c.get('day')!, 12);
      if (date.getTime() > ref.getTime() + 12 * 3600e3) date = new Date(date.getTime() - 7 * 86400e3);
      mentions.push({
        date: toDay(date.getFullYear(), date.getMonth() + 1, date.getDate()),
        precision: 'day',
        text: r.text,
        index: r.index,
        relative: true,
      });
    } else if (c.isCertain('month') && yearKnown) {
      mentions.push({
        date: `${c.get('year')}-${pad(c.get('month')!)}`,
        precision: 'month',
        text: r.text,
        index: r.index,
        relative: false,
      });
    }
  }
  return mentions;
}

/**
 * The first full date with a year in a piece of text (an article's dateline), or undefined. Words
 * that date only against the moment of reading ("Updated today", "2 days ago") say nothing of when
 * the article appeared: chrono would give them today's date, and they are passed over.
 */
export function findArticleDate(text: string): string | undefined {
  for (const r of chrono.parse(text.slice(0, 4000))) {
    const c = r.start;
    if (isRelativeToNow(r)) continue;
    if (c.isCertain('year') && c.isCertain('month') && c.isCertain('day'))
      return toDay(c.get('year')!, c.get('month')!, c.get('day')!);
  }
  return undefined;
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
