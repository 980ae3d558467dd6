// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { canonicalHref, metaDate } from '../../../lib/page/page-head';
import { pageAddress } from '../../../lib/page/page-address';

const page = (head: string, body = '', url = 'https://news.example/kashmir/story?ref=home') => {
  const doc = document.implementation.createHTMLDocument('');
  doc.documentElement.innerHTML = `<head>${head}</head><body>${body}</body>`;
  // jsdom gives a made document about:blank; a <base> stands in for the page's address.
  if (url) doc.head.insertAdjacentHTML('afterbegin', `<base href="${url}">`);
  return doc;
};

describe("what a page's head says", () => {
  it('gives the canonical link as written, and the most trusted meta date', () => {
    const doc = page(`<meta name="date" content="2020-01-01">
            <link rel="canonical" href="/kashmir/a">
            <meta property="article:published_time" content="2017-11-20T09:30:00+05:30">`);
    expect(canonicalHref(doc)).toBe('/kashmir/a');
    expect(metaDate(doc)).toBe('2017-11-20T09:30:00+05:30');
  });

  it('passes over meta tags that declare no date, and dates that are not dates', () => {
    const doc = page(`<meta property="og:type" content="article"><meta name="date" content="Issue 7">
            <meta name="DC.Date" content="2019-05-10">`);
    expect(canonicalHref(doc)).toBeUndefined();
    expect(metaDate(doc)).toBe('2019-05-10');
  });

  it('leaves JSON-LD and <time> to the later read', () => {
    const doc = page(
      '<script type="application/ld+json">{"datePublished":"2019-01-01"}</script>',
      '<time datetime="2019-01-01">1 Jan</time>',
    );
    expect(metaDate(doc)).toBeUndefined();
  });

  it('finds the canonical link in the body when something the head may not hold ended it early', () => {
    const doc = new DOMParser().parseFromString(
      `<html><head><title>x</title><iframe src="https://ads.example/"></iframe>
       <link rel="canonical" href="https://news.example/a"><meta name="date" content="2019-05-10"></head>
       <body><p>Text</p></body></html>`,
      'text/html',
    );
    expect(doc.head.querySelector('link')).toBeNull(); // the parser put it in the body
    expect(canonicalHref(doc)).toBe('https://news.example/a');
  });

  it("takes the head's canonical link before one further down", () => {
    const doc = page(
      '<link rel="canonical" href="https://news.example/a">',
      '<link rel="canonical" href="https://ads.example/">',
    );
    expect(canonicalHref(doc)).toBe('https://news.example/a');
  });

  it('finds nothing in a document without a head', () => {
    const xml = new DOMParser().parseFromString('<feed><title>x</title></feed>', 'application/xml');
    expect(canonicalHref(xml)).toBeUndefined();
    expect(metaDate(xml)).toBeUndefined();
  });
});

describe('the page address', () => {
  it('resolves a relative canonical link against the page', () => {
    const doc = page('<title>Zakura</title><link rel="canonical" href="/kashmir/zakura">');
    expect(pageAddress(doc)).toMatchObject({
      canonical: 'https://news.example/kashmir/zakura',
      title: 'Zakura',
    });
  });

  it('takes the canonical link as already read, and ignores a broken one', () => {
    const doc = page('<link rel="canonical" href="https://news.example/a">');
    expect(pageAddress(doc, 'http://[broken').canonical).toBeUndefined();
    expect(pageAddress(doc).url).toBe(doc.URL);
  });
});
