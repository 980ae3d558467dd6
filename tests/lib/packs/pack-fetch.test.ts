import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkPackUrl, fetchPack, originPattern } from '../../../lib/packs/pack-fetch';
import { startPackServer, type PackServer } from '../../fixtures/pack-server';
import { testPack } from '../../fixtures/test-pack';

let server: PackServer;
beforeEach(async () => {
  server = await startPackServer();
});
afterEach(async () => {
  await server.close();
});

const packText = (version = '1.0.0') => JSON.stringify({ ...testPack(), version });

describe('pack addresses', () => {
  it('accepts https, and plain http only from this computer', () => {
    expect(checkPackUrl('https://packs.example/p.json').ok).toBe(true);
    expect(checkPackUrl('http://127.0.0.1:8080/p.json').ok).toBe(true);
    expect(checkPackUrl('http://localhost/p.json').ok).toBe(true);
    expect(checkPackUrl('http://packs.example/p.json')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/https/),
    });
    expect(checkPackUrl('ftp://packs.example/p.json').ok).toBe(false);
    expect(checkPackUrl('not a url')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/not a web address/),
    });
    expect(checkPackUrl('https://user:pw@packs.example/p.json').ok).toBe(false);
  });

  it('asks for the permission of the pack’s host only', () => {
    const checked = checkPackUrl('https://packs.example:8443/team/p.json');
    expect(checked.ok && originPattern(checked.url)).toBe('https://packs.example/*');
  });
});

describe('fetching a subscribed pack from a server', () => {
  it('fetches the pack the first time, with its ETag and Last-Modified', async () => {
    server.serve(packText(), 'v1');
    const outcome = await fetchPack(server.url, undefined);
    expect(outcome).toMatchObject({
      status: 'updated',
      etag: '"v1"',
      lastModified: expect.stringMatching(/GMT$/),
    });
    expect(outcome.status === 'updated' && outcome.pack.name).toBe('Test pack');
  });

  it('sends the ETag and Last-Modified back and takes 304 as “unchanged”', async () => {
    server.serve(packText(), 'v1');
    const first = await fetchPack(server.url, undefined);
    if (first.status !== 'updated') throw new Error('first fetch failed');
    const second = await fetchPack(server.url, { etag: first.etag, lastModified: first.lastModified });
    expect(second).toEqual({ status: 'unchanged' });
    expect(server.requests[1]).toMatchObject({ ifNoneMatch: '"v1"', ifModifiedSince: first.lastModified });
  });

  it('gets the new version when the pack changed', async () => {
    server.serve(packText(), 'v1');
    server.serve(packText('1.1.0'), 'v2');
    const outcome = await fetchPack(server.url, { etag: '"v1"' });
    expect(outcome.status === 'updated' && outcome.pack.version).toBe('1.1.0');
  });

  it('refuses a broken pack with every problem listed', async () => {
    const broken = { ...testPack(), entities: [{ id: 'group-x', kind: 'group' }] };
    server.serve(JSON.stringify(broken), 'bad');
    const outcome = await fetchPack(server.url, undefined);
    expect(outcome.status).toBe('failed');
    expect(outcome.status === 'failed' && outcome.problems?.[0]?.path).toMatch(/^entities\[0\]/);
  });

  it('refuses what is not JSON, is too large, or is another pack than before', async () => {
    server.serve('<html>Not found</html>', 'html');
    expect(await fetchPack(server.url, undefined)).toMatchObject({ status: 'failed', error: /not JSON/ });
    server.serve(packText(), 'big');
    expect(await fetchPack(server.url, undefined, { maxBytes: 100 })).toMatchObject({
      status: 'failed',
      error: /larger than/,
    });
    expect(await fetchPack(server.url, undefined, { expectedId: 'team-pack' })).toMatchObject({
      status: 'failed',
      error: /another pack/,
    });
  });

  it('says what the server answered when it fails, and when it is down', async () => {
    server.fail(503);
    expect(await fetchPack(server.url, undefined)).toMatchObject({ status: 'failed', error: /503/ });
    const url = server.url;
    await server.close();
    expect(await fetchPack(url, undefined)).toMatchObject({
      status: 'failed',
      error: /Could not reach 127\.0\.0\.1/,
    });
    server = await startPackServer(); // for afterEach
  });

  it('does not follow a redirect, and names the other site it led to', async () => {
    server.serve(packText(), 'v1');
    const other = await startPackServer();
    other.serve(packText('9.9.9'), 'evil');
    try {
      server.redirect(other.url.replace('127.0.0.1', 'localhost'));
      const outcome = await fetchPack(server.url, undefined);
      expect(outcome).toMatchObject({
        status: 'failed',
        error: /redirected to another site \(localhost:\d+\)/,
      });
      // Nothing was asked of the other site.
      expect(other.requests).toEqual([]);
      // A redirect within the same site is not followed either: the reader subscribes to where the pack is.
      server.redirect('/moved/pack.json');
      expect(await fetchPack(server.url, undefined)).toMatchObject({
        status: 'failed',
        error: /answered with a redirect/,
      });
      expect(server.requests.map((r) => r.path)).toEqual(['/pack.json', '/pack.json']);
    } finally {
      await other.close();
    }
  });

  it('gives up on an answer that never finishes, with the reason', async () => {
    server.stall();
    const outcome = await fetchPack(server.url, undefined, { timeoutMs: 300 });
    expect(outcome).toMatchObject({
      status: 'failed',
      error: /Could not reach 127\.0\.0\.1:\d+ \(no answer in time\)/,
    });
  });
});
