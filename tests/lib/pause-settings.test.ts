import { describe, expect, it } from 'vitest';
import { cleanPause, isPaused, withSite } from '../../lib/pause-settings';

describe('pausing ClaimLens', () => {
  it('pauses on a site, with or without www, or everywhere', () => {
    const onSite = withSite(cleanPause(undefined), 'www.News.example', true);
    expect(onSite).toEqual({ everywhere: false, sites: ['news.example'] });
    expect(isPaused(onSite, 'https://news.example/a')).toBe(true);
    expect(isPaused(onSite, 'https://www.news.example/b')).toBe(true);
    expect(isPaused(onSite, 'https://other.example/')).toBe(false);
    expect(isPaused({ everywhere: true, sites: [] }, 'https://other.example/')).toBe(true);
    expect(isPaused(withSite(onSite, 'news.example', false), 'https://news.example/a')).toBe(false);
  });

  it('reads stored settings defensively', () => {
    expect(cleanPause({ everywhere: 'yes', sites: ['A.example', 3, null] })).toEqual({
      everywhere: false,
      sites: ['a.example'],
    });
    expect(isPaused(cleanPause(null), 'not a url')).toBe(false);
  });
});

describe('a site the reader types', () => {
  it('takes a host name, an address, or www., and refuses what is not a site', async () => {
    const { siteOfInput } = await import('../../lib/pause-settings');
    expect(siteOfInput('www.Example.com')).toBe('example.com');
    expect(siteOfInput('https://news.example.org/world?x=1')).toBe('news.example.org');
    expect(siteOfInput('  example.co.uk ')).toBe('example.co.uk');
    expect(siteOfInput('not a site')).toBeNull();
    expect(siteOfInput('')).toBeNull();
    expect(siteOfInput('example')).toBeNull();
  });
});
