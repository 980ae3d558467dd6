import { describe, expect, it } from 'vitest';
import { noteMarkdownText, parseNoteMarkdown, type NoteInline } from '../../../lib/notes/note-markdown';

const text = (t: string): NoteInline => ({ type: 'text', text: t });

describe('the notes’ Markdown subset', () => {
  it('reads bold, italic and http(s) links', () => {
    expect(
      parseNoteMarkdown('Police **denied** it, *twice*; see [the statement](https://gov.example/s?id=1).'),
    ).toEqual([
      text('Police '),
      { type: 'strong', children: [text('denied')] },
      text(' it, '),
      { type: 'em', children: [text('twice')] },
      text('; see '),
      { type: 'link', href: 'https://gov.example/s?id=1', children: [text('the statement')] },
      text('.'),
    ]);
    expect(parseNoteMarkdown('__both__ _forms_')).toEqual([
      { type: 'strong', children: [text('both')] },
      text(' '),
      { type: 'em', children: [text('forms')] },
    ]);
  });

  it('nests emphasis inside emphasis and inside link labels', () => {
    expect(parseNoteMarkdown('**a *b* c**')).toEqual([
      { type: 'strong', children: [text('a '), { type: 'em', children: [text('b')] }, text(' c')] },
    ]);
    expect(parseNoteMarkdown('*a **b** c*')).toEqual([
      { type: 'em', children: [text('a '), { type: 'strong', children: [text('b')] }, text(' c')] },
    ]);
    expect(parseNoteMarkdown('***both***')).toEqual([
      { type: 'strong', children: [{ type: 'em', children: [text('both')] }] },
    ]);
    expect(parseNoteMarkdown('[**Amaq** said](http://a.example/)')).toEqual([
      {
        type: 'link',
        href: 'http://a.example/',
        children: [{ type: 'strong', children: [text('Amaq')] }, text(' said')],
      },
    ]);
  });

  it('shows every link that is not http(s) as typed', () => {
    for (const hostile of [
      '[click](javascript:alert(1))',
      '[click](JAVASCRIPT:alert(1))',
      '[click](data:text/html;base64,PHNjcmlwdD4=)',
      '[click](vbscript:msgbox)',
      '[click](//evil.example/)',
      '[click](file:///etc/passwd)',
      '[click](java\tscript:alert(1))',
      '[click]( https://a.example)',
    ]) {
      const nodes = parseNoteMarkdown(hostile);
      expect(
        nodes.some((n) => n.type === 'link'),
        hostile,
      ).toBe(false);
      expect(noteMarkdownText(hostile)).toBe(hostile);
    }
  });

  it('never reads HTML: tags and entities are text', () => {
    const html =
      '<img src=x onerror=alert(1)> <script>alert(1)</script> &lt;b&gt; <a href="https://x.example">x</a>';
    expect(parseNoteMarkdown(html)).toEqual([text(html)]);
    // Inside emphasis too: the tag stays text, only the emphasis is read.
    expect(parseNoteMarkdown('**<b>bold</b>**')).toEqual([
      { type: 'strong', children: [text('<b>bold</b>')] },
    ]);
  });

  it('shows the rest as typed: headings, lists, code, images, lone or spaced stars, snake_case', () => {
    for (const typed of [
      '# Heading',
      '- a list item',
      '`code`',
      '![image](https://a.example/i.png)',
      '2 * 3 * 4',
      'a ** b',
      'file_name_here and __init__ too',
      '**unclosed',
      '[no address]',
      '[](https://a.example/)',
    ]) {
      expect(noteMarkdownText(typed), typed).toBe(
        typed === '![image](https://a.example/i.png)'
          ? '!image'
          : typed === 'file_name_here and __init__ too'
            ? 'file_name_here and init too'
            : typed,
      );
    }
    // An image is a link with a "!" before it: only the http(s) link is read, never an image.
    expect(parseNoteMarkdown('![image](https://a.example/i.png)')).toEqual([
      text('!'),
      { type: 'link', href: 'https://a.example/i.png', children: [text('image')] },
    ]);
    expect(parseNoteMarkdown('file_name_here')).toEqual([text('file_name_here')]);
  });

  it('keeps backslash-escaped characters and line breaks as typed', () => {
    expect(parseNoteMarkdown('\\*not italic\\*\nnext line')).toEqual([text('*not italic*\nnext line')]);
  });

  it('keeps links with parentheses in their address', () => {
    expect(parseNoteMarkdown('[wiki](https://en.wikipedia.org/wiki/Foo_(bar))')).toEqual([
      { type: 'link', href: 'https://en.wikipedia.org/wiki/Foo_(bar)', children: [text('wiki')] },
    ]);
  });

  it('does not nest links in links, nor deeper than a few levels', () => {
    const nodes = parseNoteMarkdown('[a [b](https://b.example/)](https://a.example/)');
    const links = JSON.stringify(nodes).match(/"link"/g) ?? [];
    expect(links.length).toBeLessThanOrEqual(1);
    const deep = '*'.repeat(200) + 'x' + '*'.repeat(200);
    const depth = (n: NoteInline[]): number =>
      Math.max(0, ...n.map((c) => (c.type === 'text' ? 0 : 1 + depth(c.children))));
    expect(depth(parseNoteMarkdown(deep))).toBeLessThanOrEqual(6);
    expect(noteMarkdownText(deep)).toContain('x');
  });

  it('shows a long note of unclosed delimiters and links as typed', () => {
    const hostile = '*a '.repeat(20_000) + '[x]('.repeat(5_000);
    const nodes = parseNoteMarkdown(hostile);
    expect(noteMarkdownText(hostile)).toBe(hostile);
    expect(nodes).toHaveLength(1);
  });
});
