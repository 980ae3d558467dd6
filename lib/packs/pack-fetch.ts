/**
 * Fetching a subscribed pack: a conditional request (ETag / Last-Modified), a size limit, a timeout
 * over the whole answer (a server that sends its headers and then stalls times out too), no redirects
 * (a pack comes from the address the reader subscribed to, not from wherever that server sends
 * ClaimLens), and the validator. Any failure leaves the caller with its previous version and a reason
 * in words; nothing here throws.
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
  // One timer for the request and the body: a response that never finishes is given up.
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), options.timeoutMs ?? FETCH_TIMEOUT_MS);
  const unreachable = (error: unknown): FetchOutcome => {
    const why = timeout.signal.aborted
      ? localize('packNoAnswer')
      : String((error as Error)?.message ?? error);
    return { status: 'failed', error: localize('packUnreachable', [checked.url.host, why]) };
  };
  try {
    let response: Response;
    try {
      response = await (options.fetch ?? fetch)(checked.url.href, {
        headers,
        credentials: 'omit',
        redirect: 'manual',
        cache: 'no-store',
        signal: timeout.signal,
      });
    } catch (error) {
      return unreachable(error);
    }
    let text: string | undefined;
    try {
      const early = answerProblem(response, checked.url);
      if (early) {
        await response.body?.cancel().catch(() => undefined);
        return early;
      }
      text = await readLimited(response, maxBytes, timeout.signal);
    } catch (error) {
      return unreachable(error);
    }
    if (text === undefined) return { status: 'failed', error: localize('packTooLarge', megabytes(maxBytes)) };
    return packFrom(text, response, options.expectedId);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * What is wrong with the server's answer before its body is read: not modified (304, not a failure),
 * a redirect (refused: in a browser its target cannot even be seen), an error status.
 */
function answerProblem(response: Response, requested: URL): FetchOutcome | undefined {
  if (response.status === 304) return { status: 'unchanged' };
  if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
    const location = response.headers.get('Location');
    let target = '';
    try {
      target = location ? new URL(location, requested).host : '';
    } catch {
      target = '';
    }
    return {
      status: 'failed',
      error:
        target && target !== requested.host
          ? localize('packRedirectedElsewhere', [requested.host, target])
          : localize('packRedirected', requested.host),
    };
  }
  if (!response.ok)
    return {
      status: 'failed',
      error: localize('packServerAnswered', `${response.status} ${response.statusText}`.trim()),
    };
  // A redirect followed all the same (a fetch that ignores `redirect: 'manual'`).
  if (response.url && new URL(response.url).host !== requested.host)
    return {
      status: 'failed',
      error: localize('packRedirectedElsewhere', [requested.host, new URL(response.url).host]),
    };
  if (response.url && new URL(response.url).protocol === 'http:' && requested.protocol === 'https:')
    return { status: 'failed', error: localize('packRedirectedToHttp') };
  return undefined;
}

/** The pack in a complete answer, validated. */
function packFrom(text: string, response: Response, expectedId: string | undefined): FetchOutcome {
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
  if (expectedId && result.pack.id !== expectedId)
    return {
      status: 'failed',
      error: localize('packServesAnother', [result.pack.id, expectedId]),
    };
  return {
    status: 'updated',
    pack: result.pack,
    etag: response.headers.get('ETag') ?? undefined,
    lastModified: response.headers.get('Last-Modified') ?? undefined,
  };
}

/**
 * The body as text, or undefined past `maxBytes` (read in chunks: a huge answer is never held whole).
 * Throws once `signal` aborts, even if the body's stream does not end by itself.
 */
async function readLimited(
  response: Response,
  maxBytes: number,
  signal: AbortSignal,
): Promise<string | undefined> {
  const declared = Number(response.headers.get('Content-Length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    return undefined;
  }
  if (!response.body) return await response.text();
  const reader = response.body.getReader();
  const aborted = new Promise<never>((_, reject) => {
    const stop = () => {
      void reader.cancel().catch(() => undefined);
      reject(new Error('aborted'));
    };
    if (signal.aborted) stop();
    else signal.addEventListener('abort', stop, { once: true });
  });
  aborted.catch(() => undefined);
  const decoder = new TextDecoder();
  let size = 0;
  let text = '';
  for (;;) {
    const { done, value } = await Promise.race([reader.read(), aborted]);
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
