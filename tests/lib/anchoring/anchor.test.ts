// @vitest-environment jsdom
// Anchoring: selections described on the fixture articles, then found again (or orphaned) on edited copies.
import { describe, expect, it } from 'vitest';
import {
  anchor,
  locate,
  anchorAll,
  createAnchorer,
  describe as describeRange,
  MIN_ANCHOR_SCORE,
  offsetsInModel,
  rangeFromOffsets,
  textOf,
  type AnchorOptions,
  type AnchorResult,
  type Selector,
  type TextQuoteSelector,
} from '../../../lib/anchoring';
import {
  ATTACK_REPORT,
  CLAIMS_TRACKER,
  LIVE_BLOG,
  longReport,
  longReportParagraphs,
  RTL_REPORT,
} from '../../fixtures/anchoring/articles';
import { covered, edit, parse, select, startOf, words } from '../../fixtures/anchoring/helpers';

interface Trip {
  selectors: Selector[];
  root: HTMLElement;
  result: AnchorResult | null;
  text: string | null;
}

/** Describes the `nth` occurrence of `needle` on `html`, then anchors it on `edited`. */
function roundTrip(html: string, edited: string, needle: string, nth = 0, options?: AnchorOptions): Trip {
  const before = parse(html).body;
  const selectors = describeRange(before, select(before, needle, nth));
  const root = parse(edited).body;
  const result = locate(root, selectors, options);
  return { selectors, root, result, text: result === null ? null : covered(root, result.range) };
}

const CLAIM =
  'Within two hours, a channel linked to the Northern Front posted a statement saying its fighters had planted the device to punish traders who paid taxes to the provincial government.';
const EVIDENCE = 'said investigators had recovered fragments of a pressure cooker and a mobile phone circuit';
const PATROLS = 'Several said police patrols had been withdrawn from the area a month earlier.';
const INSERTED =
  '<p>A reader sent us a photograph of the damaged stalls, which we have not been able to verify.</p>\n';

describe('describing a selection', () => {
  it('stores the exact text, about 32 characters of context each side, and the offsets', () => {
    const root = parse(ATTACK_REPORT).body;
    const [quote, position] = describeRange(root, select(root, EVIDENCE));
    const text = textOf(root);
    const start = text.indexOf(EVIDENCE);
    expect(quote).toEqual({
      type: 'TextQuoteSelector',
      exact: EVIDENCE,
      prefix: text.slice(start - 32, start),
      suffix: text.slice(start + EVIDENCE.length, start + EVIDENCE.length + 32),
    });
    expect(position).toEqual({ type: 'TextPositionSelector', start, end: start + EVIDENCE.length });
  });

  it('refuses a collapsed range, a range outside the root and a range with no page text', () => {
    const doc = parse(ATTACK_REPORT);
    const article = doc.querySelector('article')!;
    const collapsed = select(article, PATROLS);
    collapsed.collapse(true);
    expect(() => describeRange(article, collapsed)).toThrow(/collapsed/);

    const outside = doc.createRange();
    outside.selectNodeContents(doc.querySelector('script')!);
    expect(() => describeRange(article, outside)).toThrow(/not inside the root/);
    expect(() => describeRange(doc.body, outside)).toThrow(/without text/);
  });
});

describe('anchoring on an unchanged page', () => {
  it('finds every passage at its stored position, with exactly the same text', () => {
    for (const needle of [CLAIM, EVIDENCE, PATROLS, 'Darvesh Nagar']) {
      const { result, text } = roundTrip(ATTACK_REPORT, ATTACK_REPORT, needle);
      expect(result?.method).toBe('position');
      expect(result?.score).toBe(1);
      expect(text).toBe(needle);
      expect(result?.range.toString()).toBe(needle);
    }
  });

  it('does not move when ClaimLens adds its own UI host to the page', () => {
    const withHost = edit(ATTACK_REPORT, '<article>', '<claimlens-ui>Notes: 3</claimlens-ui><article>');
    const { result, text } = roundTrip(ATTACK_REPORT, withHost, PATROLS);
    expect(result?.method).toBe('position');
    expect(text).toBe(PATROLS);
  });
});

describe('anchoring after edits', () => {
  it('finds the quote when a paragraph was inserted before it', () => {
    for (const edited of [
      edit(ATTACK_REPORT, '<p>Within two hours', `${INSERTED}<p>Within two hours`),
      edit(ATTACK_REPORT, '<h1>', `${INSERTED.repeat(3)}<h1>`),
    ]) {
      const { result, text } = roundTrip(ATTACK_REPORT, edited, CLAIM);
      expect(result?.method).toBe('quote');
      expect(result!.score).toBeGreaterThanOrEqual(MIN_ANCHOR_SCORE);
      expect(text).toBe(CLAIM);
    }
  });

  it('finds a passage with a few words changed by fuzzy matching, covering the edited passage', () => {
    const changed = CLAIM.replace('two hours', 'three hours').replace('its fighters', 'its gunmen');
    const { result, text } = roundTrip(ATTACK_REPORT, edit(ATTACK_REPORT, CLAIM, changed), CLAIM);
    expect(result?.method).toBe('fuzzy');
    expect(result!.score).toBeGreaterThanOrEqual(MIN_ANCHOR_SCORE);
    expect(result!.score).toBeLessThan(1);
    expect(text).toBe(changed);
  });

  it('respects a stricter minimum score', () => {
    const changed = CLAIM.replace('two hours', 'three hours').replace('its fighters', 'its gunmen');
    const edited = edit(ATTACK_REPORT, CLAIM, changed);
    expect(roundTrip(ATTACK_REPORT, edited, CLAIM, 0, { minScore: 0.99 }).result).toBeNull();
  });

  it('keeps the spaces a selection began and ended with', () => {
    const html = edit(ATTACK_REPORT, PATROLS, `${PATROLS} Shops stayed shut.`);
    const needle = ` ${PATROLS} `;
    const { result, text } = roundTrip(html, edit(html, '<h1>', `${INSERTED}<h1>`), needle);
    expect(result?.method).toBe('quote');
    expect(text).toBe(needle);
  });

  it('finds a passage whose whitespace and markup changed, with the same words', () => {
    const reflowed =
      'said investigators had <b>recovered</b>\n      fragments of a  pressure cooker and\na <em>mobile   phone</em> circuit';
    const { result, text } = roundTrip(ATTACK_REPORT, edit(ATTACK_REPORT, EVIDENCE, reflowed), EVIDENCE);
    expect(result?.method).toBe('quote');
    expect(words(text!)).toEqual(words(EVIDENCE));
    expect(text!.startsWith('said') && text!.endsWith('circuit')).toBe(true);
  });

  it('finds a passage across table cells when the cells gained whitespace, covering the new text exactly', () => {
    const needle = 'PoliceNeither claim matches the evidence';
    const edited = edit(
      CLAIMS_TRACKER,
      '<td>Police</td><td>Neither',
      '<td>Police</td>\n        <td>\n          Neither',
    );
    const { result, text } = roundTrip(CLAIMS_TRACKER, edited, needle);
    expect(result?.method).toBe('quote');
    expect(text).toBe('Police\n        \n          Neither claim matches the evidence');
  });

  it('reports a deleted passage as an orphan', () => {
    const deleted = edit(
      ATTACK_REPORT,
      `<p>Traders shut the market on Wednesday in protest, demanding better security at its three entrances. ${PATROLS}</p>`,
      '',
    );
    expect(roundTrip(ATTACK_REPORT, deleted, PATROLS).result).toBeNull();
    expect(roundTrip(ATTACK_REPORT, deleted, 'police patrols').result).toBeNull();
  });

  it('never moves a short passage to the same words elsewhere once its paragraph is gone', () => {
    // "the provincial" also occurs in the next paragraph, in other words.
    const deleted = edit(
      ATTACK_REPORT,
      `<p>${CLAIM} The statement named no individuals and offered no photographs.</p>`,
      '',
    );
    expect(textOf(parse(deleted).body)).toContain('the provincial');
    expect(roundTrip(ATTACK_REPORT, deleted, 'the provincial').result).toBeNull();
  });

  it('reports a heavily rewritten passage as an orphan, never a wrong place', () => {
    const rewritten =
      'A message attributed to the Northern Front appeared before nine, asserting that shopkeepers who cooperate with officials would be targeted.';
    expect(roundTrip(ATTACK_REPORT, edit(ATTACK_REPORT, CLAIM, rewritten), CLAIM).result).toBeNull();
  });
});

describe('ambiguous and tiny passages', () => {
  it('never finds a word in the end of one word and the start of the next', () => {
    const html =
      '<!doctype html><html><body><p>Officials want to act before the market reopens.</p></body></html>';
    const edited = edit(html, 'want to act', 'want officials act');
    expect(textOf(parse(edited).body).replace(/\s/g, '')).toContain('wantofficials');
    expect(roundTrip(html, edited, 'to').result).toBeNull();
  });

  it('finds a one-word selection among more occurrences than are listed', () => {
    const html = longReport(400);
    const before = parse(html).body;
    const count = textOf(before).split('the').length - 1;
    expect(count).toBeGreaterThan(1000);
    const nth = count - 50;
    const { result, root } = roundTrip(html, edit(html, '<article>', `<article>${INSERTED}`), 'the', nth);
    expect(result?.method).toBe('quote');
    const insertedCount = textOf(parse(INSERTED).body).split('the').length - 1;
    expect(startOf(root, result!.range)).toBe(startOf(root, select(root, 'the', nth + insertedCount)));
  });

  it('prefers the passage edited in its own context to an exact copy quoted elsewhere', () => {
    const corrected = EVIDENCE.replace('mobile phone circuit', 'mobile phone timer');
    let edited = edit(ATTACK_REPORT, EVIDENCE, corrected);
    edited = edit(
      edited,
      '</article>',
      `<aside><p>Correction: an earlier version of this report ${EVIDENCE}; police later revised the description.</p></aside></article>`,
    );
    const { result, text, root } = roundTrip(ATTACK_REPORT, edited, EVIDENCE);
    expect(result?.method).toBe('fuzzy');
    expect(text).toBe(corrected);
    expect(startOf(root, result!.range)).toBe(textOf(root).indexOf(corrected));
  });
});

describe('choosing among occurrences', () => {
  const update = 'Police said the search of the surrounding lanes was continuing.';
  const curfew = 'Officials said the curfew would be reviewed at noon.';
  const shifted = edit(
    LIVE_BLOG,
    '<div class="live">',
    '<div class="live"><p>09:30 — Live coverage begins.</p>',
  );

  it('takes the occurrence whose context matches', () => {
    for (const nth of [0, 1]) {
      const { result, text, root } = roundTrip(LIVE_BLOG, shifted, update, nth);
      expect(result?.method).toBe('quote');
      expect(text).toBe(update);
      expect(startOf(root, result!.range)).toBe(startOf(root, select(root, update, nth)));
    }
  });

  it('prefers matching context to a closer position', () => {
    // Pushes the first occurrence to about where the second one was described.
    const before = parse(LIVE_BLOG).body;
    const distance = startOf(before, select(before, update, 1)) - startOf(before, select(before, update, 0));
    const padding = `<p>${'x'.repeat(distance - 1)}</p>`;
    const edited = edit(LIVE_BLOG, '<div class="live">', `<div class="live">${padding}`);
    const { result, root } = roundTrip(LIVE_BLOG, edited, update, 1);
    expect(startOf(root, result!.range)).toBe(startOf(root, select(root, update, 1)));
  });

  it('takes the occurrence nearest the stored position when the contexts are equal', () => {
    for (const nth of [0, 1]) {
      const { result, root, selectors } = roundTrip(LIVE_BLOG, shifted, curfew, nth);
      const [quote] = selectors as [TextQuoteSelector];
      const first = parse(LIVE_BLOG).body;
      const other = describeRange(first, select(first, curfew, 1 - nth))[0] as TextQuoteSelector;
      expect(other.prefix + other.suffix).toBe(quote.prefix + quote.suffix);
      expect(result?.method).toBe('quote');
      expect(startOf(root, result!.range)).toBe(startOf(root, select(root, curfew, nth)));
    }
  });
});

describe('round trips over structure', () => {
  it('covers a selection across several paragraphs, also given as element boundaries', () => {
    const needle =
      'Several said police patrols had been withdrawn from the area a month earlier.\nIndependent researchers';
    const { result, text } = roundTrip(ATTACK_REPORT, ATTACK_REPORT, needle);
    expect(result?.method).toBe('position');
    expect(text).toBe(needle);

    const doc = parse(ATTACK_REPORT);
    const paragraphs = doc.querySelectorAll('article p');
    const range = doc.createRange();
    range.setStart(paragraphs[1]!, 0);
    range.setEnd(paragraphs[4]!, paragraphs[4]!.childNodes.length);
    const selectors = describeRange(doc.body, range);
    const edited = parse(edit(ATTACK_REPORT, '<h1>', `${INSERTED}<h1>`)).body;
    const found = locate(edited, selectors);
    expect(found?.method).toBe('quote');
    expect(covered(edited, found!.range)).toBe(covered(doc.body, range));
    expect(covered(edited, found!.range)).toMatch(
      /^An explosion[\s\S]*neither claim matches what we found,” he said\.$/,
    );
  });

  it('covers a selection inside a table, and a whole table', () => {
    const needle = 'Neither claim matches the evidenceTuesday 19:30\nHome department spokesman';
    const edited = edit(
      CLAIMS_TRACKER,
      '<h2>Official statements</h2>',
      `<h2>Official statements</h2>${INSERTED}`,
    );
    for (const page of [CLAIMS_TRACKER, edited]) {
      const { result, text } = roundTrip(CLAIMS_TRACKER, page, needle);
      // A paragraph inserted above moves the text, not the table's path: the RangeSelector still holds.
      expect(result?.method).toBe(page === CLAIMS_TRACKER ? 'position' : 'range');
      expect(text).toBe(needle);
    }
    const doc = parse(CLAIMS_TRACKER);
    const range = doc.createRange();
    range.selectNode(doc.querySelector('table')!);
    const found = locate(parse(edited).body, describeRange(doc.body, range));
    expect(found?.method).toBe('range');
    expect(words(found!.range.toString())).toEqual(words(range.toString()));
  });

  it('covers a selection across list items', () => {
    const needle = 'Says a timed device was used.\nValley Resistance Council — video message';
    const edited = edit(CLAIMS_TRACKER, '<ul>', '<ul><li>Newest: a third claim is being checked.</li>');
    const { result, text } = roundTrip(CLAIMS_TRACKER, edited, needle);
    expect(result?.method).toBe('quote');
    expect(text).toBe(needle);
    const timeline = '09:05 — The first claim appears online.\n19:30 — Police brief';
    expect(roundTrip(CLAIMS_TRACKER, CLAIMS_TRACKER, timeline).text).toBe(timeline);
  });

  it('round-trips right-to-left Arabic and Urdu text, exactly and with a word changed', () => {
    const arabic = 'وتبنّت جماعتان مختلفتان الهجوم في بيانين منفصلين';
    const voweled = 'قالَ المتحدّثُ باسمِ الشرطةِ إنَّ التحقيقَ مستمرٌّ';
    const urdu = 'دو مختلف گروہوں نے الگ الگ بیانات میں حملے کی ذمہ داری قبول کی';
    const shiftedPage = edit(
      RTL_REPORT,
      '<section dir="rtl" lang="ar">',
      '<section dir="rtl"><p>تحديث</p></section><section dir="rtl" lang="ar">',
    );
    for (const needle of [arabic, voweled, urdu]) {
      expect(roundTrip(RTL_REPORT, RTL_REPORT, needle).result?.method).toBe('position');
      const moved = roundTrip(RTL_REPORT, shiftedPage, needle);
      expect(moved.result?.method).toBe('quote');
      expect(moved.text).toBe(needle);
    }
    const voweledChanged = voweled.replace('مستمرٌّ', 'جارٍ');
    const edge = roundTrip(RTL_REPORT, edit(RTL_REPORT, voweled, voweledChanged), voweled);
    expect(edge.result?.method).toBe('fuzzy');
    expect(edge.text).toBe(voweledChanged);
    const urduChanged = urdu.replace('دو مختلف', 'تین مختلف');
    const fuzzy = roundTrip(RTL_REPORT, edit(RTL_REPORT, urdu, urduChanged), urdu);
    expect(fuzzy.result?.method).toBe('fuzzy');
    expect(fuzzy.text).toBe(urduChanged);
  });
});

describe('a selection of 100,000 characters', () => {
  const html = longReport(700);
  const root = parse(html).body;
  const text = textOf(root);
  const start = text.indexOf('Update 3.');
  const end = start + 100_000;
  const selectors = describeRange(root, rangeFromOffsets(root, start, end));
  const exact = text.slice(start, end);

  it('round-trips on the unchanged page and after an insertion before it', () => {
    expect(text.length).toBeGreaterThan(end + 1000);
    const same = locate(parse(html).body, selectors);
    expect(same?.method).toBe('position');
    expect(same!.range.toString()).toBe(exact);
    const moved = parse(edit(html, '<article>', `<article>${INSERTED}`)).body;
    const found = locate(moved, selectors);
    expect(found?.method).toBe('quote');
    expect(covered(moved, found!.range)).toBe(exact);
  });

  it('finds it with words changed in the middle, by locating and verifying rather than scanning', () => {
    const paragraphs = longReportParagraphs(700);
    const p100 = paragraphs[99]!;
    const p200 = paragraphs[199]!;
    let edited = edit(html, p100, p100.replace('Update 100.', 'Update one hundred.'));
    edited = edit(edited, p200, `${p200} An editor's note was added here.`);
    const after = parse(edited).body;
    const found = locate(after, selectors);
    expect(found?.method).toBe('fuzzy');
    expect(found!.score).toBeGreaterThan(0.99);
    const afterText = textOf(after);
    const delta = afterText.length - text.length;
    expect(covered(after, found!.range)).toBe(afterText.slice(start, end + delta));
  });

  it('is an orphan once the passage is gone or replaced', () => {
    const gone = parse(longReport(2)).body;
    expect(locate(gone, selectors)).toBeNull();
    const replaced = parse(longReport(700, 99)).body;
    expect(locate(replaced, selectors)).toBeNull();
  });
});

describe('anchoring with unusual input', () => {
  it('returns null for no selectors, a position alone, or malformed selectors', () => {
    const root = parse(ATTACK_REPORT).body;
    expect(locate(root, [])).toBeNull();
    expect(locate(root, [{ type: 'TextPositionSelector', start: 0, end: 10 }])).toBeNull();
    const junk = [
      { type: 'TextQuoteSelector', exact: 42 },
      null,
      { type: 'TextPositionSelector', start: -1 },
    ];
    expect(locate(root, junk as unknown as Selector[])).toBeNull();
  });

  it('anchors a quote without a position selector', () => {
    const root = parse(ATTACK_REPORT).body;
    const [quote] = describeRange(root, select(root, PATROLS));
    const found = locate(root, [quote!]);
    expect(found?.method).toBe('quote');
    expect(covered(root, found!.range)).toBe(PATROLS);
  });

  it('keeps script, style and ClaimLens UI text out of the model and out of matches', () => {
    const root = parse(ATTACK_REPORT).body;
    const text = textOf(root);
    expect(text).not.toContain('pageInfo');
    expect(text).not.toContain('live map');
    expect(text).not.toContain('ClaimLens: 2 notes');
    expect(textOf(parse(ATTACK_REPORT))).not.toContain('.byline');
    const quote: TextQuoteSelector = {
      type: 'TextQuoteSelector',
      exact: 'ClaimLens: 2 notes on this page',
      prefix: '',
      suffix: '',
    };
    expect(locate(root, [quote])).toBeNull();
  });
});

describe('many notes on one long article', () => {
  const html = longReport(400);
  const root = parse(html).body;
  const text = textOf(root);
  const notes: { selectors: Selector[]; exact: string; start: number }[] = [];
  for (let i = 0; i < 200; i++) {
    const start = Math.floor((i * (text.length - 400)) / 200) + (i % 7);
    const end = start + 20 + ((i * 37) % 280);
    notes.push({
      selectors: describeRange(root, rangeFromOffsets(root, start, end)),
      exact: text.slice(start, end),
      start,
    });
  }

  it('anchors all 200 at their positions on the unchanged page', () => {
    const page = parse(html).body;
    const results = anchorAll(
      page,
      notes.map((n) => n.selectors),
    );
    expect(results.every((r) => r?.method === 'position')).toBe(true);
    // The generated page has no script or UI text, so Range.toString reads what the model reads.
    results.forEach((r, i) => expect(r!.range.toString()).toBe(notes[i]!.exact));
  });

  it('anchors all 200 by quote, each at its own place, after an insertion at the top', () => {
    const inserted = '<p>Editor’s note: this report was updated.</p>';
    const page = parse(edit(html, '<article>', `<article>${inserted}`)).body;
    const shift = 'Editor’s note: this report was updated.'.length;
    const anchorer = createAnchorer(page);
    notes.forEach((note) => {
      const r = anchorer.anchor(note.selectors);
      expect(r?.method).toBe('quote');
      expect(r!.range.toString()).toBe(note.exact);
      expect(offsetsInModel(anchorer.model, r!.range).start).toBe(note.start + shift);
    });
  });
});

describe('anchor', () => {
  it('gives the range of a passage found again, and null for one that is gone', () => {
    const root = parse(
      '<p>Officials said the claim was still being verified by investigators on Saturday.</p>',
    ).body;
    const range = root.ownerDocument.createRange();
    const text = root.querySelector('p')!.firstChild!;
    range.setStart(text, 10);
    range.setEnd(text, 40);
    const selectors = describeRange(root, range);
    const edited = parse(
      '<p>Update.</p><p>Officials said the claim was still being verified by investigators on Saturday.</p>',
    ).body;
    expect(anchor(edited, selectors)?.toString()).toBe(range.toString());
    expect(anchor(parse('<p>Nothing of the kind.</p>').body, selectors)).toBeNull();
  });
});
