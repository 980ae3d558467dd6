/** Calendar days as the pack writes them ("2017-11-17"): parsing, distance, display. No dependencies. */

/** Parses "2017-11-20", "2017-11-20T09:30:00+05:30" or a Date string into a calendar day, or undefined. */
export function calendarDay(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim());
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime())
    ? undefined
    : toDay(parsed.getFullYear(), parsed.getMonth() + 1, parsed.getDate());
}

/** Whole days from a to b (b − a), both YYYY-MM-DD. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.UTC(...ymd(b)) - Date.UTC(...ymd(a))) / 86400e3);
}

/** "17 Nov 2017" for "2017-11-17": the reader's one date style (lib/reader-date.ts). */
export { formatDay } from './reader-date';

function ymd(day: string): [number, number, number] {
  const [y, m, d] = day.split('-').map(Number);
  return [y!, (m ?? 1) - 1, d ?? 1];
}

export function toDay(y: number, m: number, d: number): string {
  return `${y}-${pad(m)}-${pad(d)}`;
}

export function pad(n: number): string {
  return String(n).padStart(2, '0');
}
