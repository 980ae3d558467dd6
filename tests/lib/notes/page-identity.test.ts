// Tests for page identity: URL normalisation, canonical URLs and AMP variants.
import { describe, expect, it } from 'vitest';
import { PageUrlError, normalizeUrl, pageKeyFor, siteOf } from '../../../lib/notes/page-identity';

describe('normalizeUrl', () => {
  it('removes tracking parameters and sorts the others', () => {
    expect(
      normalizeUrl(
        'https://www.Example-News.TEST/World/Story?utm_source=x&utm_MEDIUM=y&fbclid=1&gclid=2&b=2&a=1',
      ),
    ).toBe('https://www.example-news.test/World/Story?a=1&b=2');
  });

  it('removes every listed tracking parameter', () => {
    const tracking = [
      'utm_campaign',
      'utm_content',
      'utm_term',
      'fbclid',
      'gclid',
      'dclid',
      'msclkid',
      'mc_cid',
      'mc_eid',
      'igshid',
      '_ga',
      'ref_src',
    ];
    const query = tracking.map((name) => `${name}=v`).join('&');
    expect(normalizeUrl(`https://example.test/a?id=7&${query}`)).toBe('https://example.test/a?id=7');
    expect(normalizeUrl(`https://example.test/a?${query}`)).toBe('https://example.test/a');
  });

  it('keeps parameters that choose the page, and the order of repeated values', () => {
    expect(normalizeUrl('https://example.test/story.php?ref=home&id=12&tag=b&tag=a')).toBe(
      'https://example.test/story.php?id=12&ref=home&tag=b&tag=a',
    );
  });

  it('removes the fragment, default ports, credentials and a bare "?"', () => {
    expect(normalizeUrl('https://example.test/story#comments')).toBe('https://example.test/story');
    expect(normalizeUrl('http://example.test:80/a?')).toBe('http://example.test/a');
    expect(normalizeUrl('https://example.test:443/a')).toBe('https://example.test/a');
    expect(normalizeUrl('https://example.test:8443/a')).toBe('https://example.test:8443/a');
    expect(normalizeUrl('HTTPS://user:pw@EXAMPLE.test./a')).toBe('https://example.test/a');
  });

  it('keeps www. (another host) and the case of the path', () => {
    expect(normalizeUrl('https://www.example.test/News')).toBe('https://www.example.test/News');
  });

  it('is idempotent', () => {
    const once = normalizeUrl('https://example.test/a b/?q=a b&z=%7E&utm_source=x#top');
    expect(normalizeUrl(once)).toBe(once);
  });

  it('refuses what is not a web address with a clear error', () => {
    expect(() => normalizeUrl('not a url')).toThrow(PageUrlError);
    expect(() => normalizeUrl('not a url')).toThrow('Not a valid web address: "not a url".');
    expect(() => normalizeUrl('')).toThrow('The page address is empty.');
    expect(() => normalizeUrl('ftp://example.test/file')).toThrow(
      'Notes can only be kept for web pages (http or https), not for "ftp:" addresses.',
    );
    expect(() => normalizeUrl('javascript:alert(1)')).toThrow(PageUrlError);
  });
});

describe('siteOf', () => {
  it('is the host name without www.', () => {
    expect(siteOf('https://www.Example-News.test/a')).toBe('example-news.test');
    expect(siteOf('https://edition.example.test/a')).toBe('edition.example.test');
  });
});

describe('pageKeyFor', () => {
  const url = 'https://www.example.test/world/story?utm_source=tw#top';

  it('is the normalised URL without a canonical', () => {
    expect(pageKeyFor({ url })).toBe('https://www.example.test/world/story');
    expect(pageKeyFor({ url, canonical: '' })).toBe('https://www.example.test/world/story');
  });

  it('prefers a canonical URL that the loaded page confirms, normalised', () => {
    // the same page, with tracking parameters and a fragment
    expect(pageKeyFor({ url, canonical: 'https://www.example.test/world/story?utm_medium=x' })).toBe(
      'https://www.example.test/world/story',
    );
    // www., m. and amp. editions of the same path are the same page
    expect(
      pageKeyFor({ url: 'https://m.example.test/story', canonical: 'https://www.example.test/story' }),
    ).toBe('https://www.example.test/story');
    expect(
      pageKeyFor({ url: 'https://example.test/story/', canonical: 'https://www.example.test/story' }),
    ).toBe('https://www.example.test/story');
    // query noise on an article's path
    expect(
      pageKeyFor({
        url: 'https://www.example.test/world/story?ref=home&share=1',
        canonical: 'https://www.example.test/world/story',
      }),
    ).toBe('https://www.example.test/world/story');
  });

  it('resolves a relative canonical against the page URL', () => {
    expect(pageKeyFor({ url: `${url}&page=2`, canonical: '/world/story' })).toBe(
      'https://www.example.test/world/story',
    );
  });

  it('never files a page under another article of the same site that it names', () => {
    const own = 'https://www.example.test/world/story';
    for (const canonical of [
      'https://www.example.test/world/story-2024',
      '/world/other-story',
      'https://m.example.test/world',
      'https://www.example.test/world/story/comments',
      // a parameter the page does not have, or has with another value
      'https://www.example.test/world/story?id=4',
    ])
      expect(pageKeyFor({ url, canonical })).toBe(own);
    expect(
      pageKeyFor({ url: 'https://www.example.test/world/story?id=3', canonical: '/world/story?id=4' }),
    ).toBe('https://www.example.test/world/story?id=3');
  });

  it('keeps the query where it chooses the page (home page, scripts)', () => {
    expect(pageKeyFor({ url: 'https://example.test/index.php?id=7', canonical: '/index.php' })).toBe(
      'https://example.test/index.php?id=7',
    );
    expect(pageKeyFor({ url: 'https://example.test/?p=12', canonical: '/' })).toBe(
      'https://example.test/?p=12',
    );
    expect(
      pageKeyFor({ url: 'https://example.test/view.aspx?id=7&ref=home', canonical: '/view.aspx?id=7' }),
    ).toBe('https://example.test/view.aspx?id=7&ref=home');
    // the query kept whole is the same page
    expect(
      pageKeyFor({ url: 'https://example.test/index.php?id=7&utm_source=x', canonical: '/index.php?id=7' }),
    ).toBe('https://example.test/index.php?id=7');
  });

  it('ignores a canonical on another site or port, a broken one and one pointing at the home page', () => {
    const own = 'https://www.example.test/world/story';
    expect(pageKeyFor({ url, canonical: 'https://other.test/world/story' })).toBe(own);
    expect(pageKeyFor({ url, canonical: 'https://evil.example.test.attacker.test/world/story' })).toBe(own);
    expect(pageKeyFor({ url, canonical: 'https://www.example.test:8443/world/story' })).toBe(own);
    expect(pageKeyFor({ url, canonical: 'ftp://www.example.test/world/story' })).toBe(own);
    expect(pageKeyFor({ url, canonical: 'https://[bad' })).toBe(own);
    expect(pageKeyFor({ url, canonical: 'https://www.example.test/' })).toBe(own);
  });

  it('maps AMP variants to the non-AMP page when there is no canonical', () => {
    expect(pageKeyFor({ url: 'https://example.test/amp/world/story' })).toBe(
      'https://example.test/world/story',
    );
    expect(pageKeyFor({ url: 'https://example.test/world/story/amp' })).toBe(
      'https://example.test/world/story',
    );
    expect(pageKeyFor({ url: 'https://example.test/world/story/amp/' })).toBe(
      'https://example.test/world/story/',
    );
    expect(pageKeyFor({ url: 'https://example.test/world/story?amp=1' })).toBe(
      'https://example.test/world/story',
    );
    expect(pageKeyFor({ url: 'https://example.test/world/story?outputType=amp&id=3' })).toBe(
      'https://example.test/world/story?id=3',
    );
    expect(pageKeyFor({ url: 'https://example.test/news/world-123.amp' })).toBe(
      'https://example.test/news/world-123',
    );
    expect(pageKeyFor({ url: 'https://example.test/news/story.amp.html' })).toBe(
      'https://example.test/news/story.html',
    );
  });

  it('maps an AMP cache URL to the publisher page', () => {
    expect(
      pageKeyFor({ url: 'https://www-example-test.cdn.ampproject.org/c/s/www.example.test/world/story/amp' }),
    ).toBe('https://www.example.test/world/story');
    expect(pageKeyFor({ url: 'https://www.google.com/amp/s/www.example.test/world/story.amp' })).toBe(
      'https://www.example.test/world/story',
    );
    // the publisher's canonical is on the publisher's site, not the cache's: it is accepted
    expect(
      pageKeyFor({
        url: 'https://www-example-test.cdn.ampproject.org/c/s/www.example.test/amp/world/story',
        canonical: 'https://www.example.test/world/story',
      }),
    ).toBe('https://www.example.test/world/story');
  });

  it('uses the canonical of an AMP page when it is the same path without AMP', () => {
    expect(
      pageKeyFor({
        url: 'https://amp.example.test/world/story.amp',
        canonical: 'https://www.example.test/world/story',
      }),
    ).toBe('https://www.example.test/world/story');
    // an AMP page under another path cannot show that it is the article it names
    expect(
      pageKeyFor({ url: 'https://example.test/amp/story', canonical: 'https://example.test/world/story' }),
    ).toBe('https://example.test/story');
  });

  it('does not mistake words containing "amp" for AMP', () => {
    expect(pageKeyFor({ url: 'https://example.test/camp/ample?example=1' })).toBe(
      'https://example.test/camp/ample?example=1',
    );
  });

  it('refuses a page URL that is not a web address', () => {
    expect(() => pageKeyFor({ url: 'about:blank' })).toThrow(PageUrlError);
    expect(() => pageKeyFor({ url: 'chrome://newtab/', canonical: 'https://example.test/' })).toThrow(
      /http or https/,
    );
  });
});
