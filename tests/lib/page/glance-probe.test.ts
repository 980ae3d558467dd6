// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { startsTextNode, xpathLiteral } from '../../../lib/page/glance-probe';

describe('whether a text node starts where the glance found a name between two letters', () => {
  it('finds a node that starts with the text, or that is the start of it', () => {
    document.body.innerHTML = '<ul><li>world</li><li>hamas news</li></ul><p>Ha<b>mas</b></p>';
    expect(startsTextNode(document.body, ['hamas newt'])).toBe(false);
    expect(startsTextNode(document.body, ['hamas ne'])).toBe(true);
    // "Ha" starts "Hamas said": the name may run on into the next node.
    expect(startsTextNode(document.body, ['Hamas said'])).toBe(true);
    expect(startsTextNode(document.body, ['mas'])).toBe(true);
  });

  it('does not take a name inside one text node for a word', () => {
    document.body.innerHTML = '<p>A holiday in the Bahamas.</p>';
    expect(startsTextNode(document.body, ['hamas.'])).toBe(false);
    expect(startsTextNode(document.body, ['', 'zzz'])).toBe(false);
    expect(startsTextNode(document.body, [])).toBe(false);
  });

  it('looks only under the root it is given', () => {
    document.body.innerHTML = '<nav><a>hamas</a></nav><article><p>The Bahamas.</p></article>';
    expect(startsTextNode(document.querySelector('article')!, ['hamas.'])).toBe(false);
    expect(startsTextNode(document.body, ['hamas'])).toBe(true);
  });

  it('takes any text the page holds as a literal, quotes and all', () => {
    document.body.innerHTML = `<p>x</p><p>it's "here"</p><p>') or true() or ('</p>`;
    expect(startsTextNode(document.body, [`it's "here"`])).toBe(true);
    expect(startsTextNode(document.body, [`it's "there"`])).toBe(false);
    expect(startsTextNode(document.body, [`') or true() or ('`])).toBe(true);
    // Had the text been pasted into the query unquoted, true() would have made this yes.
    expect(startsTextNode(document.body, [`y') or true() or ('`])).toBe(false);
  });

  it('answers yes when the browser cannot evaluate the query: reading is never wrong', () => {
    document.body.innerHTML = '<p>The Bahamas.</p>';
    const evaluate = document.evaluate;
    document.evaluate = () => {
      throw new Error('no XPath here');
    };
    try {
      expect(startsTextNode(document.body, ['hamas.'])).toBe(true);
    } finally {
      document.evaluate = evaluate;
    }
  });

  it('writes XPath literals for every mix of quotes', () => {
    expect(xpathLiteral('plain')).toBe("'plain'");
    expect(xpathLiteral("it's")).toBe(`"it's"`);
    expect(xpathLiteral(`it's "x"`)).toBe(`concat('it', "'", 's "x"')`);
  });
});
