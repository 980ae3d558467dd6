// Citations a reader pastes: outlet, headline, one date style, address; what is missing is left out.
import { describe, expect, it } from 'vitest';
import { citationDate, formatCitation, itemCitation } from '../../../lib/knowledge/citation';
import { formatDay } from '../../../lib/reader-date';

const SOURCE = {
  publisher: 'Daily Ledger',
  title: 'Police name three suspects after the market attack',
  url: 'https://www.ledger.example/world/market-attack',
  published: '2026-12-07',
};

describe('formatCitation', () => {
  it('reads outlet, headline in quotes, day month year, address', () => {
    expect(formatCitation(SOURCE, 'en-GB')).toBe(
      'Daily Ledger, "Police name three suspects after the market attack", 7 Dec 2026, https://www.ledger.example/world/market-attack',
    );
  });

  it('keeps day–month–year order in a locale that writes the month first', () => {
    expect(formatCitation(SOURCE, 'en-US')).toContain(', 7 Dec 2026, ');
  });

  it('names the month in the browser’s language, in the date style the popup and exports use', () => {
    expect(citationDate('2026-12-07', 'fr')).toBe('7 déc. 2026');
    expect(citationDate('2026-05-30', 'de')).toBe(formatDay('2026-05-30', 'de'));
    expect(citationDate('2026-05-30', 'de')).toContain('Mai 2026');
  });

  it('leaves out a missing headline', () => {
    expect(formatCitation({ ...SOURCE, title: '' }, 'en-GB')).toBe(
      'Daily Ledger, 7 Dec 2026, https://www.ledger.example/world/market-attack',
    );
  });

  it('leaves out a missing date, and shortens a month or a year', () => {
    const { published: _, ...undated } = SOURCE;
    expect(formatCitation(undated, 'en-GB')).toBe(
      'Daily Ledger, "Police name three suspects after the market attack", https://www.ledger.example/world/market-attack',
    );
    expect(citationDate('2017-11', 'en-GB')).toBe('Nov 2017');
    expect(citationDate('2017', 'en-GB')).toBe('2017');
    expect(citationDate('yesterday', 'en-GB')).toBeUndefined();
    expect(citationDate('2017-13-01', 'en-GB')).toBeUndefined();
  });

  it('names the link’s host when the outlet is missing', () => {
    expect(formatCitation({ ...SOURCE, publisher: ' ' }, 'en-GB')).toBe(
      'ledger.example, "Police name three suspects after the market attack", 7 Dec 2026, https://www.ledger.example/world/market-attack',
    );
  });

  it('never pastes an address that is not a web page’s', () => {
    expect(
      formatCitation({ publisher: 'Ledger', url: 'javascript:alert(1)', published: '2026-12-07' }, 'en-GB'),
    ).toBe('Ledger, 7 Dec 2026');
  });
});

describe('itemCitation', () => {
  it('puts who said what first, then one source per line', () => {
    expect(
      itemCitation(
        'Islamic State claimed responsibility via Amaq, 18 Nov 2017',
        [SOURCE, { url: 'https://wire.example/a' }],
        'en-GB',
      ),
    ).toBe(
      [
        'Islamic State claimed responsibility via Amaq, 18 Nov 2017',
        'Daily Ledger, "Police name three suspects after the market attack", 7 Dec 2026, https://www.ledger.example/world/market-attack',
        'wire.example, https://wire.example/a',
      ].join('\n'),
    );
  });
});
