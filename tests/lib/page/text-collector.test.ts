// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { testPack } from '../../fixtures/test-pack';
import { htmlDocument, read, spot } from '../../fixtures/spot';
import { withLineBreaks } from '../../../lib/matching/text-matcher';
import { collectPortions, collectText } from '../../../lib/page/text-collector';

const names = async (html: string) =>
  (await spot(htmlDocument(html).body, testPack())).map((m) => [m.id, m.text]);

describe('spotting on a page', () => {
  it('finds names split across inline elements and spelled differently', async () => {
    expect(
      await names(
        '<p>The <a href="#">Islamic</a> State, through <b>Amaq</b>, claimed it; so did Tehreek-ul-Mujhadeen and Ansar <em>Gazwat-ul-Hind</em>.</p>',
      ),
    ).toEqual([
      ['group-is', 'Islamic State'],
      ['media-amaq', 'Amaq'],
      ['group-tum', 'Tehreek-ul-Mujhadeen'],
      ['group-agh', 'Ansar Gazwat-ul-Hind'],
    ]);
  });

  it('counts "IS" only where the page also names the Islamic State', async () => {
    expect(await names('<p>It IS what it is. The IS flag.</p>')).toEqual([]);
    expect(
      await names('<p>The Islamic State (IS) said IS fighters did it.</p>').then((n) => n.map((x) => x[1])),
    ).toEqual(['Islamic State', 'IS', 'IS']);
  });

  it('does not read "IS" inside a heading written in capitals', async () => {
    expect(await names('<h1>THIS IS HOW IT IS DONE</h1><p>The Islamic State said so.</p>')).toEqual([
      ['group-is', 'Islamic State'],
    ]);
  });

  it('never marks Isis the goddess or the person, nor words that contain a name', async () => {
    expect(
      await names(
        '<p>The temple of Isis and Osiris. Isis Moreno spoke. A crisis, an analysis, the Bahamas, this is it.</p>',
      ),
    ).toEqual([]);
    // With the group named plainly, "Isis" in a Guardian-style report counts.
    expect((await names('<p>ISIS claimed it. Later, Isis said more.</p>')).map((n) => n[1])).toEqual([
      'ISIS',
      'Isis',
    ]);
  });

  it('respects letter case for case-sensitive acronyms', async () => {
    expect(await names('<p>isil and Isil are not the acronym; ISIL is.</p>')).toEqual([['group-is', 'ISIL']]);
  });

  it('skips scripts, styles, form fields, editable and hidden regions', async () => {
    const html = `<p>Visible: Hamas.</p>
      <script>var x = "Islamic State";</script><style>/* Amaq */</style><noscript>Daesh</noscript>
      <textarea>Tehreek-ul-Mujahideen</textarea><input value="Islamic State"><select><option>Daesh</option></select>
      <div contenteditable="true">Ansar Ghazwatul Hind</div><div hidden>Amaq</div><template><p>Daish</p></template>
      <claimlens-ui>Islamic State</claimlens-ui>`;
    expect(await names(html)).toEqual([['group-hamas', 'Hamas']]);
  });

  it('reads what is marked as not editable, and skips every editable state and all inside it', async () => {
    const html = `<div contenteditable="">Amaq</div><div contenteditable="plaintext-only">Daesh</div>
      <div contenteditable><p>Islamic State</p><p contenteditable="false">Amaq News Agency</p></div>
      <p contenteditable="FALSE">Hamas</p><p contenteditable="false">Tehreek-ul-Mujahideen</p>`;
    expect(await names(html)).toEqual([
      ['group-hamas', 'Hamas'],
      ['group-tum', 'Tehreek-ul-Mujahideen'],
    ]);
  });

  it('reads nothing under a root that is itself hidden or editable, and skips hidden parts deep inside', async () => {
    const doc = htmlDocument(
      '<section hidden><p>Amaq</p></section><article contenteditable="true"><p>Daesh</p></article><div><div><span hidden="until-found">Hamas</span> Islamic State</div></div>',
    );
    expect(await spot(doc.querySelector('section')!, testPack())).toEqual([]);
    expect(await spot(doc.querySelector('article')!, testPack())).toEqual([]);
    expect((await spot(doc.body, testPack())).map((m) => m.text)).toEqual(['Islamic State']);
  });

  it('looks again at what is hidden after each pause of a long read', async () => {
    const doc = htmlDocument(
      `${'<p>filler</p>'.repeat(100)}<p id="hidden-later">Amaq</p><p id="shown-later" hidden>Hamas</p>` +
        '<div contenteditable="">Daesh</div><p contenteditable="FALSE">Tehreek-ul-Mujahideen</p>',
    );
    let pauses = 0;
    const collected = await collectText(doc.body, {
      sliceMs: -1, // a pause after every slice
      yieldToPage: async () => {
        if (pauses++ > 0) return;
        // The page runs during the first pause.
        (doc.getElementById('hidden-later') as HTMLElement).hidden = true;
        (doc.getElementById('shown-later') as HTMLElement).hidden = false;
      },
    });
    expect(pauses).toBeGreaterThan(0);
    expect(collected.text).not.toContain('Amaq');
    expect(collected.text).toContain('Hamas');
    // After a pause the walker asks the page which elements are hidden or editable, with the same rules.
    expect(collected.text).not.toContain('Daesh');
    expect(collected.text).toContain('Tehreek-ul-Mujahideen');
  });

  it('never joins words from two blocks into one name', async () => {
    expect(await names('<ul><li>Islamic</li><li>State</li></ul><p>Amaq</p><p>News Agency</p>')).toEqual([
      ['media-amaq', 'Amaq'],
    ]);
  });

  it('prefers the longest of overlapping names', async () => {
    expect(await names('<p>Amaq News Agency reported.</p>')).toEqual([['media-amaq', 'Amaq News Agency']]);
  });

  it('sends the text around a place name as evidence, blocks on their own lines', async () => {
    const doc = htmlDocument('<h2>Breaking</h2><p>The attack in Zakura on November 17 left two dead.</p>');
    const { collected } = await read(doc.body, testPack());
    const at = collected.text.indexOf('Zakura');
    const context = withLineBreaks(collected.text, collected.breaks, 0, collected.text.length);
    expect(context.text).toContain('Breaking\nThe attack in Zakura on November 17');
    expect(context.text.slice(context.offsetOf(at))).toMatch(/^Zakura on/);
  });

  it('maps what the background found back to the page, and to nothing once the text is gone', async () => {
    const doc = htmlDocument('<p>Claimed by <b>Amaq</b> News Agency.</p>');
    const { collected, result } = await read(doc.body, testPack());
    const [amaq] = result.mentions;
    const range = collected.rangeOf(amaq!.start, amaq!.end)!;
    expect(range.toString()).toBe('Amaq News Agency');
    expect(range.startContainer.parentElement!.localName).toBe('b');
    doc.querySelector('p')!.textContent = 'Changed.';
    expect(collected.rangeOf(amaq!.start, amaq!.end)).toBeNull();
  });

  it('reads a long page in portions that end where a block starts, which together read as the whole', async () => {
    const doc = htmlDocument(
      Array.from(
        { length: 40 },
        (_, i) => `<p>Paragraph ${i} about <b>Amaq</b> and <i>rain</i>.</p><div>Note ${i}</div>`,
      ).join(''),
    );
    const whole = await collectText(doc.body);
    const portions = [];
    for await (const portion of collectPortions(doc.body, { portion: 100 })) portions.push(portion);
    expect(portions.length).toBeGreaterThan(5);
    expect(portions.map((p) => p.last)).toEqual(portions.map((_, i) => i === portions.length - 1));
    expect(portions.map((p) => p.text).join('')).toBe(whole.text);
    let at = 0;
    for (const portion of portions) {
      // Cut where a block starts: every portion begins with a paragraph or a note, whole.
      expect(portion.text).toMatch(/^(Paragraph|Note) \d+/);
      // Its breaks, and the ranges it maps to, are its own, and the same as the whole read's.
      expect(portion.breaks.map((b) => b + at)).toEqual(
        whole.breaks.filter((b) => b > at && b < at + portion.text.length),
      );
      const amaq = portion.text.indexOf('Amaq');
      if (amaq >= 0) expect(portion.rangeOf(amaq, amaq + 4)!.toString()).toBe('Amaq');
      at += portion.text.length;
    }
    expect(portions.reduce((n, p) => n + p.textNodes, 0)).toBe(whole.textNodes);
  });

  it('reads paragraphs of plain text and elements with markup alike, one root after another', async () => {
    const doc = htmlDocument(
      '<p id="a">Plain <!-- a comment --> text</p><p id="b">With <b>Amaq</b> inside</p>',
    );
    const collected = await collectText([doc.getElementById('a')!, doc.getElementById('b')!]);
    expect(collected.text).toBe('Plain  textWith Amaq inside');
    expect(collected.breaks).toEqual([11]);
    expect(collected.spans.map((s) => [s.start, s.end])).toEqual([
      [0, 11],
      [11, 27],
    ]);
  });
});
