// The CSV export: RFC 4180 quoting, one row per note, and cells a spreadsheet cannot run as formulas.
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, csvCell, toCsv } from '../../../../lib/notes/exchange/csv';
import { makeNote, storyNotes } from './fixtures';

/** A strict RFC 4180 reader, to check the export the way a spreadsheet reads it. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  while (i < text.length) {
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (text[i] === '"' && text[i + 1] === '"') {
          cell += '"';
          i += 2;
        } else if (text[i] === '"') {
          i++;
          break;
        } else if (i >= text.length) {
          throw new Error('unterminated quote');
        } else cell += text[i++];
      }
    } else if (text[i] === ',') {
      row.push(cell);
      cell = '';
      i++;
    } else if (text[i] === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 2;
    } else if (text[i] === '\r' || text[i] === '\n') {
      throw new Error(`bare line break at ${i}`);
    } else cell += text[i++];
  }
  if (cell !== '' || row.length > 0) throw new Error('last line not ended with CRLF');
  return rows;
}

describe('toCsv', () => {
  const notes = storyNotes();
  const names = { 'zakura-front': 'Zakura Front', 'market-attack-2024-05-10': 'Market attack, 10 May 2024' };
  const csv = toCsv(notes, { names, locale: 'en-US' });
  const rows = parseCsv(csv.slice(1));

  it('starts with a byte order mark and a header, then one row per note', () => {
    expect(
      csv.startsWith(
        '\uFEFFcreated,updated,page title,url,site,quote,note,tags,colour,groups,incidents,passage found,passage link\r\n',
      ),
    ).toBe(true);
    expect(rows).toHaveLength(notes.length + 1);
    expect(rows.every((row) => row.length === CSV_COLUMNS.length)).toBe(true);
    expect(toCsv([], { bom: false })).toBe(`${CSV_COLUMNS.join(',')}\r\n`);
  });

  it('quotes commas, quotes and line breaks so every cell reads back whole', () => {
    const [, first, second, arabic, emoji] = rows;
    expect(first).toEqual([
      '11 May 2024',
      '11 May 2024',
      'Attack on Market Claimed by Two Groups',
      'https://www.example-news.test/world/attack-on-market',
      'example-news.test',
      'The Zakura Front said it carried out the attack',
      'Compare with the police statement.',
      'claims; Zakura Front',
      'Claim',
      'Zakura Front',
      'Market attack, 10 May 2024',
      'yes',
      'https://www.example-news.test/world/attack-on-market#:~:text=The%20Zakura%20Front%20said%20it%20carried%20out%20the%20attack',
    ]);
    expect(second![5]).toBe(notes[1]!.selectors.quote.exact);
    expect(second![9]).toBe('eastern-brigade; Zakura Front');
    expect(second![8]).toBe('Disputed');
    // No note ids in a table for reading: the JSON file keeps them.
    expect(csv).not.toContain('3f0c8a52');
    expect(arabic![6]).toBe(notes[2]!.text);
    expect(emoji![5]).toBe('Market closed 🚫 after the blast');
    expect(csvCell('say "hi", then\r\nleave')).toBe('"say ""hi"", then\r\nleave"');
    expect(csvCell('plain')).toBe('plain');
  });

  it('defuses cells a spreadsheet would read as formulas', () => {
    const last = rows[5]!;
    expect(last[6]).toBe(
      '# Not a heading\n=HYPERLINK("http://evil.test","click"), said "someone"\r\n- not a list',
    );
    expect(last[7]).toBe('ministry, official; "quoted"');
    const hostile = toCsv([
      makeNote({
        text: '=HYPERLINK("http://evil.test")',
        tags: ['+1', '-x', '@SUM(A1)'],
        pageTitle: '\tcmd',
      }),
    ]);
    const row = parseCsv(hostile.slice(1))[1]!;
    expect(row[6]).toBe('\'=HYPERLINK("http://evil.test")');
    expect(row[7]).toBe("'+1; -x; @SUM(A1)");
    expect(row[2]).toBe("'\tcmd");
    for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(csvCell('-5 killed')).toBe("'-5 killed");
  });
});
