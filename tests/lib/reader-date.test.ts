import { describe, expect, it } from 'vitest';
import { formatDay, localDay, readerDate } from '../../lib/reader-date';

describe('the reader’s one date style', () => {
  it('writes English dates as day, short month, year in every English locale', () => {
    const noon = new Date(2026, 11, 7, 12).getTime();
    expect(readerDate(noon, 'en-US')).toBe('7 Dec 2026');
    expect(readerDate(noon, 'en-GB')).toBe('7 Dec 2026');
    expect(readerDate(new Date(2026, 8, 30, 12), 'en')).toBe('30 Sep 2026');
    expect(formatDay('2017-11-17', 'en-US')).toBe('17 Nov 2017');
    expect(formatDay('2019-05', 'en')).toBe('May 2019');
    expect(formatDay('2019', 'en')).toBe('2019');
  });

  it('uses the browser’s own short style in other languages', () => {
    const noon = new Date(2026, 11, 7, 12).getTime();
    expect(readerDate(noon, 'fr-FR')).toMatch(/^7 déc\.? 2026$/);
    expect(readerDate(noon, 'de')).toMatch(/^7\. Dez\.? 2026$/);
    expect(formatDay('2017-11-17', 'ja')).toBe('2017年11月17日');
  });

  it('takes the calendar day in the reader’s time zone, and leaves what is not a date alone', () => {
    const lateEvening = new Date(2026, 11, 7, 23, 59);
    expect(localDay(lateEvening)).toBe('2026-12-07');
    expect(readerDate(Number.NaN, 'en')).toBe('');
    expect(formatDay('yesterday', 'en')).toBe('yesterday');
    expect(formatDay('2019-13-01', 'en')).toBe('2019-13-01');
    // An unknown locale tag falls back to English rather than throwing.
    expect(formatDay('2017-11-17', 'zz-invalid-tag-!!')).toBe('17 Nov 2017');
  });
});
