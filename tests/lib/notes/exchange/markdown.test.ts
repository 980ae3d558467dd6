// The Markdown export: pages as sections, passages as quote blocks, the reader's notes as the Markdown they
// typed, nothing from a page able to change the layout.
import { describe, expect, it } from 'vitest';
import { escapeMarkdown, toMarkdown } from '../../../../lib/notes/exchange/markdown';
import { ARABIC_URL, MARKET_URL, T0, THREAD_URL, makeNote, storyNotes } from './fixtures';

const names = { 'zakura-front': 'Zakura Front', 'market-attack-2024-05-10': 'Market attack, 10 May 2024' };

describe('toMarkdown', () => {
  const md = toMarkdown(storyNotes(), {
    title: 'Market attack: notes',
    now: T0 + 3_600_000,
    names,
    locale: 'en-US',
  });
  const lines = md.split('\n');

  it('starts with the title and a summary', () => {
    expect(lines[0]).toBe('# Market attack: notes');
    expect(md).toContain('Exported 11 May 2024: 5 notes from 3 pages.');
  });

  it('groups notes by page, pages in the order they were first noted on, each with a link and a date', () => {
    const headings = lines.filter((line) => line.startsWith('## '));
    expect(headings).toEqual([
      '## Attack on Market Claimed by Two Groups',
      '## هجوم على السوق: جماعتان تتبنيان',
      '## Reporter on the ground',
    ]);
    expect(md).toContain(`<${MARKET_URL}> · first note 11 May 2024`);
    expect(md).toContain(`<${ARABIC_URL}> · first note 11 May 2024`);
    expect(md).toContain(`<${THREAD_URL}> · first note 11 May 2024`);
    // The three notes of the market page are all in its section (before the Arabic page's heading).
    const market = md.slice(md.indexOf('## Attack'), md.indexOf('## هجوم'));
    expect(market.match(/^- Noted: /gm)).toHaveLength(3);
  });

  it('quotes every line of a multi-line passage, keeping its line break', () => {
    expect(md).toContain(
      '> Police said a second group was behind the bombing.\\\n> The Eastern Brigade denied any role.\n',
    );
    expect(md).toContain('> قالت الشرطة إن الهجوم أسفر عن مقتل خمسة أشخاص\n');
  });

  it('links every note to its passage with a text fragment', () => {
    expect(md.match(/^- Passage: <https:\/\/[^>]+#:~:text=[^>]+>$/gm)).toHaveLength(
      md.match(/^- Noted: /gm)!.length,
    );
    expect(md).toContain(
      `- Passage: <${MARKET_URL}#:~:text=The%20Zakura%20Front%20said%20it%20carried%20out%20the%20attack>`,
    );
  });

  it('lists tags, colour and the groups and incidents by name (an id only where no pack names it)', () => {
    expect(md).toContain('- Tags: claims, Zakura Front\n- Colour: Claim\n- Groups: Zakura Front\n');
    expect(md).toContain(
      '- Groups: eastern-brigade, Zakura Front\n- Incidents: Market attack, 10 May 2024\n',
    );
    expect(md).toContain('- Colour: Disputed');
    expect(md).toContain('- Tags: أرقام الضحايا');
  });

  it('uses the reader’s colour names when given', () => {
    const out = toMarkdown([makeNote({ color: 'claim' })], {
      colorLabels: { claim: 'Claimed responsibility' },
    });
    expect(out).toContain('- Colour: Claimed responsibility');
  });

  it('writes the reader’s note as the Markdown they typed, one date style throughout', () => {
    const typed =
      'Police **denied** it, *twice*: [statement](https://gov.example/s)\n\n- check Amaq\n- call the ministry  \nlater';
    const out = toMarkdown([makeNote({ text: typed, createdAt: T0 })], { locale: 'en-GB', now: T0 });
    expect(out).toContain(`\n\n${typed}\n\n`);
    expect(out).toContain('- Noted: 11 May 2024\n');
    expect(out).not.toMatch(/2024-05-11|UTC/);
  });

  it('shows raw HTML in a note as typed rather than letting a viewer run it', () => {
    const out = toMarkdown([
      storyNotes()[4]!,
      makeNote({ text: '<img src=x onerror=alert(1)> &lt;b&gt; <!-- c -->\n**still bold**' }),
    ]);
    expect(out).toContain('\\<img src=x onerror=alert(1)> \\&lt;b\\&gt; \\<!-- c -->\n**still bold**');
    expect(out).not.toMatch(/(^|[^\\])<(img|!--)/m);
    // The reader's own heading and list stay theirs.
    expect(out).toContain(
      '# Not a heading\n=HYPERLINK("http://evil.test","click"), said "someone"\n- not a list',
    );
  });

  it('keeps page passages and titles from adding headings, lists or HTML', () => {
    const out = toMarkdown([
      makeNote({ quote: { exact: '# Breaking\n- item\n<script>x</script>\n1. first' }, text: '' }),
    ]);
    const headings = out.split('\n').filter((line) => /^#{1,6} /.test(line));
    expect(headings).toEqual(['# ClaimLens notes', '## Attack on Market Claimed by Two Groups']);
    expect(out).toContain('> \\# Breaking\\\n> \\- item\\\n> \\<script\\>x\\</script\\>\\\n> 1\\. first');
  });

  it('escapes Markdown in page titles and links only http(s) addresses', () => {
    const out = toMarkdown([
      makeNote({ pageTitle: '*Breaking* [live] #1 <b>', url: 'https://example-news.test/a b?q=<x>' }),
    ]);
    expect(out).toContain('## \\*Breaking\\* \\[live\\] \\#1 \\<b\\>');
    expect(out).toContain('<https://example-news.test/a%20b?q=%3Cx%3E>');
    expect(escapeMarkdown('AT&T &amp; _x_')).toBe('AT&T \\&amp; \\_x\\_');
  });

  it('says so when there are no notes', () => {
    expect(toMarkdown([], { now: T0, locale: 'en' })).toBe(
      '# ClaimLens notes\n\nExported 11 May 2024: 0 notes from 0 pages.\n',
    );
  });
});
