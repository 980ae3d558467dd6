/**
 * Fetching a subscribed pack: a conditional request (ETag / Last-Modified), a size limit, a timeout,
 * and the validator. Any failure leaves the caller with its previous version and a reason in words.
 */
import type { KnowledgePack } from '../knowledge/pack-types';
import { formatProblems, validatePack, type PackProblem } from '../knowledge/pack-validator';
import { localize, localizeCount } from '../reader-messages';
import type { Subscription } from './packs-db';

export const MAX_PACK_BYTES = 30 * 1024 * 1024;
export const FETCH_TIMEOUT_MS = 30_000;

export type FetchOutcome =
  | { status: 'unchanged' }
  | { status: 'updated'; pack: KnowledgePack; etag?: string; lastModified?: string }
  | { status: 'failed'; error: string; problems?: PackProblem[] };

/**
 * Only https, so that nobody between the reader and the server can change what the tooltips say.
 * Plain http is accepted for the reader's own machine (localhost, 127.0.0.1, [::1]), which browsers
 * also treat as a secure context: pack authors can test a pack before publishing it.
 */
export function checkPackUrl(input: string): { ok: true; url: URL } | { ok: false; error: string } {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return { ok: false, error: localize('packUrlInvalid') };
  }
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback))
    return { ok: false, error: localize('packUrlNotHttps') };
  if (url.username || url.password) return { ok: false, error: localize('packUrlCredentials') };
  url.hash = '';
  return { ok: true, url };
}

/** A size limit in words: "30 MB". */
export function megabytes(bytes: number): string {
  return localize('sizeMegabytes', (Math.round((bytes / 1024 / 1024) * 10) / 10).toLocaleString());
}

/** The host permission pattern that lets the extension fetch `url` (asked for when subscribing). */
export function originPattern(url: URL): string {
  return `${url.protocol}//${url.hostname}/*`;
}

export interface FetchPackOptions {
  fetch?: typeof fetch;
  maxBytes?: number;
  timeoutMs?: number;
  /** The id the pack had so far: an address that starts serving another pack is a failed update. */
  expectedId?: string;
}

export async function fetchPack(
  address: string,
  previous: Subscription | undefined,
  options: FetchPackOptions = {},
): Promise<FetchOutcome> {
  const checked = checkPackUrl(address);
  if (!checked.ok) return { status: 'failed', error: checked.error };
  const maxBytes = options.maxBytes ?? MAX_PACK_BYTES;
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (previous?.etag) headers['If-None-Match'] = previous.etag;
  if (previous?.lastModified) headers['If-Modified-Since'] = previous.lastModified;
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(checked.url.href, {
      headers,
      credentials: 'omit',
      redirect: 'follow',
      cache: 'no-store',
      signal: AbortSignal.timeout(options.timeoutMs ?? FETCH_TIMEOUT_MS),
    });
  } catch (error) {
    const why =
      (error as Error).name === 'TimeoutError' ? localize('packNoAnswer') : (error as Error).message;
    return { status: 'failed', error: localize('packUnreachable', [checked.url.host, why]) };
  }
  if (response.status === 304) return { status: 'unchanged' };
  if (!response.ok)
    return {
      status: 'failed',
      error: localize('packServerAnswered', `${response.status} ${response.statusText}`.trim()),
    };
  if (new URL(response.url || checked.url.href).protocol === 'http:' && checked.url.protocol === 'https:')
    return { status: 'failed', error: localize('packRedirectedToHttp') };

  const text = await readLimited(response, maxBytes);
  if (text === undefined) return { status: 'failed', error: localize('packTooLarge', megabytes(maxBytes)) };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { status: 'failed', error: localize('fileNotJson', (error as Error).message) };
  }
  const result = validatePack(json);
  if (!result.ok) {
    return {
      status: 'failed',
      error: `${localizeCount('packProblems', result.problems.length)}\n${formatProblems(result.problems.slice(0, 20))}`,
      problems: result.problems,
    };
  }
  if (options.expectedId && result.pack.id !== options.expectedId)
    return {
      status: 'failed',
      error: localize('packServesAnother', [result.pack.id, options.expectedId]),
    };
  return {
    status: 'updated',
    pack: result.pack,
    etag: response.headers.get('ETag') ?? undefined,
    lastModified: response.headers.get('Last-Modified') ?? undefined,
  };
}

/** The body as text, or undefined past `maxBytes` (read in chunks: a huge answer is never held whole). */
async function readLimited(response: Response, maxBytes: number): Promise<string | undefined> {
  const declared = Number(response.headers.get('Content-Length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    return undefined;
  }
  if (!response.body) return await response.text();
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return undefined;
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}
