import { describe, expect, it } from 'vitest';
import { findArticleDate, findDates } from '../../../lib/matching/date-mentions';
import { calendarDay, daysBetween, formatDay } from '../../../lib/calendar';

describe('dates in article text', () => {
  it('resolves a month and day against the article date', () => {
    expect(findDates('the attack on November 17', '2017-11-20').map((d) => d.date)).toEqual(['2017-11-17']);
    expect(findDates('on Nov. 17 the police', '2017-11-20').map((d) => d.date)).toEqual(['2017-11-17']);
  });

  it('resolves weekdays to the past week of the article', () => {
    expect(findDates('announced late on Friday', '2019-05-11').map((d) => d.date)).toEqual(['2019-05-10']);
    expect(findDates('on Friday', '2019-05-13').map((d) => d.date)).toEqual(['2019-05-10']);
    expect(findDates('on Thursday a grenade', '2021-03-05').map((d) => d.date)).toEqual(['2021-03-04']);
  });

  it('keeps a day without its year as a day of no known year when there is no article date', () => {
    expect(findDates('on November 17', undefined).map((d) => d.date)).toEqual(['--11-17']);
    expect(findDates('late on Friday', undefined)).toEqual([]);
    expect(findDates('on 17 November 2017', undefined).map((d) => d.date)).toEqual(['2017-11-17']);
  });

  it('reads a day without its year as the latest such day not after the article', () => {
    // A charge sheet filed in December about an attack "on January 2": January of that year.
    expect(findDates('the attack took place on January 2', '2016-12-19').map((d) => d.date)).toEqual([
      '2016-01-02',
    ]);
    expect(findDates('on December 30 gunmen', '2017-01-02').map((d) => d.date)).toEqual(['2016-12-30']);
  });

  it('takes no date from words that point after the article', () => {
    // "A year after" the attack, "in three months", "next year": not when anything reported happened.
    expect(findDates('nearly a year after the attack, the agency filed', '2016-12-19')).toEqual([]);
    expect(findDates('the trial is due to open in three months', '2016-12-19')).toEqual([]);
    expect(findDates('a verdict is expected on 5 March 2017', '2016-12-19')).toEqual([]);
    expect(findDates('the 2030 goals', '2016-12-19')).toEqual([]);
    expect(findDates('on 2 January 2016', '2016-12-19').map((d) => d.date)).toEqual(['2016-01-02']);
  });

  it('takes no date from words that date only against the moment of reading on an undated page', () => {
    for (const words of [
      'the meadow has now turned into a fortress',
      'he was martyred today in Srinagar',
      'the agency said yesterday',
      'the second time in three months',
      'last year the same group',
    ])
      expect(findDates(words, undefined)).toEqual([]);
  });

  it('reads days and months written in Spanish, Hindi, Urdu and Arabic', () => {
    const dates = (text: string, ref?: string) => findDates(text, ref).map((d) => d.date);
    expect(dates('Ocurrió el 3 de marzo de 2015 en la capital.')).toEqual(['2015-03-03']);
    expect(dates('Ocurrió en julio de 2016.')).toEqual(['2016-07']);
    expect(dates('घटना 14 सितंबर 2016 की है।')).toEqual(['2016-09-14']);
    expect(dates('जनवरी 2016 में यह हुआ।')).toEqual(['2016-01']);
    expect(dates('یہ واقعہ 11 دسمبر، 2014 کو ہوا۔')).toEqual(['2014-12-11']);
    expect(dates('وقع الحادث في 5 أبريل/نيسان 2015.')).toEqual(['2015-04-05']);
    // A day without its year: the latest one not after the article's date, or a day of no known year.
    expect(dates('हमला 12 सितंबर को हुआ।', '2016-09-20')).toEqual(['2016-09-12']);
    expect(dates('El ataque del 26 de diciembre.', '2016-01-03')).toEqual(['2015-12-26']);
    expect(dates('हमला 12 सितंबर को हुआ।')).toEqual(['--09-12']);
  });

  it('takes a Spanish month name alone for a name, not a date', () => {
    expect(findDates('Julio and Abril met at the Mayo Clinic.', '2020-01-01')).toEqual([]);
  });

  it('finds a dateline', () => {
    expect(findArticleDate('Sponsored Links date 2017-11-20 For the first time')).toBe('2017-11-20');
    expect(findArticleDate('Posted May 11, 2019 by staff')).toBe('2019-05-11');
    expect(findArticleDate('No date here')).toBeUndefined();
  });

  it('takes no dateline from words that date only against the moment of reading', () => {
    expect(findArticleDate('Updated today at 5pm. The report')).toBeUndefined();
    expect(findArticleDate('Posted 2 days ago by staff')).toBeUndefined();
    expect(findArticleDate('Last updated yesterday. Posted May 11, 2019 by staff')).toBe('2019-05-11');
  });
});

describe('calendar', () => {
  it('reads metadata dates as the publisher wrote them', () => {
    expect(calendarDay('2017-11-20T09:30:00+05:30')).toBe('2017-11-20');
    expect(calendarDay('garbage')).toBeUndefined();
    expect(daysBetween('2017-11-17', '2017-11-20')).toBe(3);
    expect(formatDay('2017-11-17')).toBe('17 Nov 2017');
    expect(formatDay('2019-05')).toBe('May 2019');
  });
});
