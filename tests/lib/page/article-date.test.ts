// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { bodyPublicationDate } from '../../../lib/page/article-date';
import { metaDate } from '../../../lib/page/page-head';

/** The date as the spotter finds it: the head's meta tags as it opens, else JSON-LD and <time>. */
const declaredPublicationDate = (doc: Document) => metaDate(doc) ?? bodyPublicationDate(doc);

const page = (head: string, body = '') =>
  new DOMParser().parseFromString(`<html><head>${head}</head><body>${body}</body></html>`, 'text/html');

const jsonLd = (data: unknown) => `<script type="application/ld+json">${JSON.stringify(data)}</script>`;

describe('declared publication date', () => {
  it('takes article:published_time before JSON-LD and <time>', () => {
    const doc = page(
      `${jsonLd({ '@type': 'NewsArticle', datePublished: '2019-01-01' })}
       <meta property="article:published_time" content="2017-11-20T09:30:00+05:30">`,
      '<article><time datetime="2018-05-05">5 May 2018</time></article>',
    );
    expect(declaredPublicationDate(doc)).toBe('2017-11-20T09:30:00+05:30');
  });

  it('prefers the more trusted meta tag, wherever it stands, and ignores the letter case of names', () => {
    const doc = page(
      `<meta name="date" content="2020-01-01">
       <meta name="DC.Date.Issued" content="2019-06-06">
       <meta property="article:published_time" content="2019-05-11T08:00:00Z">`,
    );
    expect(declaredPublicationDate(doc)).toBe('2019-05-11T08:00:00Z');
    expect(declaredPublicationDate(page('<meta name="PubDate" content="2018-03-03">'))).toBe('2018-03-03');
  });

  it('passes over a meta value longer than any date, which the background would refuse', () => {
    const long = `2019-05-11T08:00:00Z ${'x'.repeat(100)}`;
    const doc = page(
      `<meta property="article:published_time" content="${long}"><meta name="date" content="2019-05-10">`,
    );
    expect(declaredPublicationDate(doc)).toBe('2019-05-10');
    expect(
      bodyPublicationDate(page('', `<article><time datetime="${long}">x</time></article>`)),
    ).toBeUndefined();
  });

  it('trims the meta content', () => {
    expect(declaredPublicationDate(page('<meta name="date" content="  2019-04-21 ">'))).toBe('2019-04-21');
  });

  it('reads datePublished from a JSON-LD NewsArticle', () => {
    const doc = page(
      jsonLd({
        '@context': 'https://schema.org',
        '@type': 'NewsArticle',
        datePublished: '2019-02-14T18:00:00Z',
      }),
      '<time datetime="2020-01-01">1 Jan 2020</time>',
    );
    expect(declaredPublicationDate(doc)).toBe('2019-02-14T18:00:00Z');
  });

  it('reads datePublished inside @graph', () => {
    const doc = page(
      jsonLd({
        '@context': 'https://schema.org',
        '@graph': [
          { '@type': 'WebPage', name: 'Front page' },
          { '@type': 'NewsArticle', headline: 'Blasts', datePublished: '2019-04-21T10:00:00+05:30' },
        ],
      }),
    );
    expect(declaredPublicationDate(doc)).toBe('2019-04-21T10:00:00+05:30');
  });

  it('reads datePublished from a JSON-LD array', () => {
    const doc = page(
      jsonLd([
        { '@type': 'BreadcrumbList', itemListElement: [] },
        { '@type': 'NewsArticle', datePublished: '2018-02-25' },
      ]),
    );
    expect(declaredPublicationDate(doc)).toBe('2018-02-25');
  });

  it('ignores broken JSON-LD without throwing, and the <time> still counts', () => {
    const doc = page(
      '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2019-05-10",</script>',
      '<article><p>Text</p><time datetime="2019-05-11T08:00:00Z">11 May</time></article>',
    );
    expect(() => declaredPublicationDate(doc)).not.toThrow();
    expect(declaredPublicationDate(doc)).toBe('2019-05-11T08:00:00Z');
  });

  it('uses the next JSON-LD block when the first is broken', () => {
    const doc = page(
      `<script type="application/ld+json">{ datePublished: oops }</script>
       ${jsonLd({ '@type': 'NewsArticle', datePublished: '2016-01-02' })}`,
    );
    expect(declaredPublicationDate(doc)).toBe('2016-01-02');
  });

  it('reads <article><time datetime>', () => {
    const doc = page('', '<article><h1>Attack</h1><time datetime="2016-09-18">18 September</time></article>');
    expect(declaredPublicationDate(doc)).toBe('2016-09-18');
  });

  it('prefers the article’s <time> to one elsewhere on the page', () => {
    const doc = page(
      '',
      '<header><time datetime="2026-01-01">Today</time></header><article><time datetime="2016-09-18">18 Sep</time></article>',
    );
    expect(declaredPublicationDate(doc)).toBe('2016-09-18');
  });

  it('gives undefined when the page declares nothing', () => {
    expect(
      declaredPublicationDate(page('<title>News</title>', '<p>Published last week.</p>')),
    ).toBeUndefined();
    expect(declaredPublicationDate(page('', '<time>18 September</time>'))).toBeUndefined();
  });

  it('skips a meta whose content is not a date and goes on to the next source', () => {
    const doc = page(
      `<meta property="article:published_time" content="unknown">
       <meta name="date" content="2019-04-21">`,
    );
    expect(declaredPublicationDate(doc)).toBe('2019-04-21');
    const timeOnly = page(
      '<meta property="article:published_time" content="n/a">',
      '<article><time datetime="2018-02-25">25 Feb</time></article>',
    );
    expect(declaredPublicationDate(timeOnly)).toBe('2018-02-25');
  });

  it('skips a meta whose content is a word and a number, not a date', () => {
    // V8's Date.parse reads "Issue 7" as a day in 2001; such a value must not become the article's date.
    const doc = page(
      '<meta property="article:published_time" content="Issue 7">',
      '<article><time datetime="2019-05-10">10 May</time></article>',
    );
    expect(declaredPublicationDate(doc)).toBe('2019-05-10');
  });

  it('skips a <time> whose datetime is not a date', () => {
    expect(
      declaredPublicationDate(page('', '<article><time datetime="soon">Soon</time></article>')),
    ).toBeUndefined();
  });
});
