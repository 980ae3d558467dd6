// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { readPageMeta } from '../../../lib/mypack/page-meta';
import { inferSource, sourceUrlProblem } from '../../../lib/mypack/source-inference';

const TODAY = '2026-12-07';

/** A page at `url` with this head (jsdom's made documents are about:blank: a <base> stands in). */
const page = (head: string, url = 'https://www.daily.example/world/valley-attack?utm_source=x#top') => {
  const doc = document.implementation.createHTMLDocument('');
  doc.documentElement.innerHTML = `<head>${head}</head><body><p>Text</p></body>`;
  doc.head.insertAdjacentHTML('afterbegin', `<base href="${url}">`);
  return { ...readPageMeta(doc), url };
};

describe('the source a page gives a recorded claim', () => {
  it('takes the confirmed canonical address, og:site_name, the JSON-LD headline and the meta date', () => {
    const meta = page(`<title>Valley attack | The Daily</title>
      <link rel="canonical" href="https://daily.example/world/valley-attack">
      <meta property="og:site_name" content="The Daily Example">
      <meta property="og:title" content="Valley attack (social title)">
      <meta property="article:published_time" content="2017-11-19T08:00:00+05:30">
      <script type="application/ld+json">{"@type":"NewsArticle","headline":"Attack in the valley: three claims",
        "publisher":{"@type":"Organization","name":"Daily Example Group"},"datePublished":"2017-11-18"}</script>`);
    expect(inferSource(meta, TODAY)).toEqual({
      ok: true,
      source: {
        url: 'https://daily.example/world/valley-attack',
        publisher: 'The Daily Example',
        title: 'Attack in the valley: three claims',
        published: '2017-11-19',
        accessed: TODAY,
      },
    });
  });

  it('falls back to the JSON-LD publisher and date, found inside an @graph', () => {
    const meta = page(`<title>Doc title</title><script type="application/ld+json">
      {"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Site"},
       {"@type":"NewsArticle","headline":"Graph headline","publisher":"Graph Publisher","datePublished":"2019-04-22T10:00:00Z"}]}
      </script>`);
    const result = inferSource(meta, TODAY);
    expect(result.ok && result.source).toMatchObject({
      publisher: 'Graph Publisher',
      title: 'Graph headline',
      published: '2019-04-22',
    });
  });

  it('uses og:title, then the title, then the host; the host stands for a missing publisher', () => {
    const og = inferSource(
      page(`<title>Doc title</title><meta property="og:title" content="OG title">`),
      TODAY,
    );
    expect(og.ok && [og.source.title, og.source.publisher]).toEqual(['OG title', 'daily.example']);
    const plain = inferSource(page(`<title>  Doc   title </title>`), TODAY);
    expect(plain.ok && plain.source.title).toBe('Doc title');
    const bare = inferSource(page(''), TODAY);
    expect(bare.ok && [bare.source.title, bare.source.publisher]).toEqual(['daily.example', 'daily.example']);
    expect(bare.ok && bare.source.published).toBeUndefined();
  });

  it('keeps the loaded address (without tracking and fragment) when the canonical names another page', () => {
    const meta = page(`<link rel="canonical" href="https://trusted-wire.example/story">`);
    const result = inferSource(meta, TODAY);
    expect(result.ok && result.source.url).toBe('https://www.daily.example/world/valley-attack');
  });

  it('ignores broken JSON-LD and a date in the future', () => {
    const meta = page(`<script type="application/ld+json">{not json</script>
      <meta property="article:published_time" content="2030-01-01">`);
    const result = inferSource(meta, TODAY);
    expect(result.ok && result.source.published).toBeUndefined();
  });

  it('refuses a page that is not http(s), with a sentence naming the scheme', () => {
    const result = inferSource({ url: 'file:///home/reader/saved.html', title: 'Saved' }, TODAY);
    expect(result).toEqual({ ok: false, error: expect.stringContaining('file:') });
    expect(sourceUrlProblem('javascript:alert(1)')).toContain('javascript:');
    expect(sourceUrlProblem('https://daily.example/a')).toBeUndefined();
  });
});
