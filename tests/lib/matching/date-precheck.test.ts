import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as chrono from 'chrono-node';
import { describe, expect, it } from 'vitest';
import { findArticleDate, findDates } from '../../../lib/matching/date-mentions';
import { isTimeOfDayPattern, mayHoldDate } from '../../../lib/matching/date-precheck';

/** Every way of dating an event that the linker weighs, in a sentence of its own, and its date (article of 2017-11-20). */
const DATED: [string, 'en' | 'fr' | 'pt', string][] = [
  ['the blast on November 17 near the gate', 'en', '2017-11-17'],
  ['the blast on 17 November near the gate', 'en', '2017-11-17'],
  ['on Nov. 17 the police said', 'en', '2017-11-17'],
  ['the attack last November', 'en', '2017-11'],
  ['the police said on Friday that', 'en', '2017-11-17'],
  ['announced late on Friday', 'en', '2017-11-17'],
  ['twelve years ago the hall', 'en', '2005'],
  ['12 years ago the hall', 'en', '2005'],
  ['a day later the group said', 'en', '2017-11-21'],
  ['yesterday the ministry said', 'en', '2017-11-19'],
  ['gunmen opened fire last week', 'en', '2017-11-13'],
  ['the trial opened this month', 'en', '2017-11'],
  ['Posted 20 November 2017, 09:30 IST', 'en', '2017-11-20'],
  ['2017-11-20 by staff', 'en', '2017-11-20'],
  ['on 17/11/2017 the court', 'en', '2017-11-17'],
  ['le 14 juillet 2016 sur la promenade', 'fr', '2016-07-14'],
  ['vendredi soir, un camion', 'fr', '2017-11-17'],
  ['il y a trois jours', 'fr', '2017-11-17'],
  ['em 14 de julho de 2016', 'pt', '2016-07-14'],
];

/** Text with numbers and words of time but no date. */
const UNDATED = [
  'Twelve people were killed and 40 wounded when 3 gunmen opened fire at 5 p.m.',
  'The convoy was hit at night, and the morning brought the first figures.',
  'The men inside opened fire on the team, and the officer was hit in the exchange that followed.',
  'He had joined the group the previous year and later moved to another outfit, police said.',
];

describe('the look before a date parse', () => {
  it('lets every kind of date the linker weighs through', () => {
    for (const [text, language, date] of DATED) {
      expect(mayHoldDate(text, language), text).toBe(true);
      const languages = language === 'en' ? (['en'] as const) : (['en', language] as const);
      expect(
        findDates(text, '2017-11-20', languages).map((d) => d.date),
        text,
      ).toEqual([date]);
    }
  });

  it('leaves a bare year to the year pattern ("in 2016"): chrono reads it as a time of day', () => {
    expect(mayHoldDate('in 2016 the group', 'en')).toBe(false);
    expect(findDates('in 2016 the group', '2017-11-20').map((d) => d.date)).toEqual(['2016']);
  });

  it('skips text whose only numbers and time words are no date', () => {
    for (const text of UNDATED) {
      expect(mayHoldDate(text, 'en'), text).toBe(false);
      expect(findDates(text, '2017-11-20')).toEqual([]);
    }
  });

  it('reads the same dates as chrono reading every sentence of the fixture pages', () => {
    const dir = join(import.meta.dirname, '../../fixtures/pages');
    const sentences = readdirSync(dir)
      .filter((f) => f.endsWith('.html'))
      .flatMap((f) =>
        readFileSync(join(dir, f), 'utf8')
          .replace(/<[^>]*>/g, '\n')
          .split(/(?<=[.!?])\s+|\n/),
      )
      .filter((s) => s.trim().length > 0);
    let skipped = 0;
    for (const text of sentences) {
      if (mayHoldDate(text, 'en')) continue;
      skipped++;
      // What chrono finds where the look says no date can be: times of day alone, never a date.
      for (const r of chrono.en.parse(text, new Date(2017, 10, 20, 12))) {
        expect(
          [...r.tags()].some(
            (t) => t === 'parser/ENTimeExpressionParser' || t === 'parser/ENCasualTimeParser',
          ),
          text,
        ).toBe(true);
        expect(
          ['day', 'month', 'weekday', 'year'].some((c) => r.start.isCertain(c as 'day')),
          text,
        ).toBe(false);
      }
    }
    expect(skipped).toBeGreaterThan(20);
  });

  it('still finds a dateline', () => {
    expect(findArticleDate('By a reporter · 20 November 2017, 09:30 IST\nThe police said')).toBe(
      '2017-11-20',
    );
    expect(findArticleDate('Home World Opinion\n3 comments\nThe police said')).toBeUndefined();
  });

  it("knows chrono's parsers as this module was written against them", () => {
    // A new parser in a chrono release is asked too (only the times of day are left out); a third
    // time-of-day parser, or one whose pattern changed, shows here.
    const context = new chrono.ParsingContext('', new Date(0));
    const timeOfDay = chrono.en.casual.parsers.filter((p) => isTimeOfDayPattern(p.pattern(context)));
    expect(timeOfDay.map((p) => p.constructor.name)).toEqual([
      'ENTimeExpressionParser',
      'ENCasualTimeParser',
    ]);
  });
});
