// Storage failures as readers understand them: Dexie and IndexedDB errors mapped to NotesStorageError.
import { localize, type MessageKey } from '../reader-messages';

/**
 * - `quota`: the disk (or the browser's share of it) is full.
 * - `unavailable`: the notes database cannot be opened (private window, storage off or damaged, notes
 *   written by a newer ClaimLens, database closed).
 * - `invalid`: the note was refused (bad input, or data IndexedDB cannot store).
 * - `unknown`: anything else.
 */
export type StorageErrorKind = 'quota' | 'unavailable' | 'invalid' | 'unknown';

export class NotesStorageError extends Error {
  override name = 'NotesStorageError';
  readonly kind: StorageErrorKind;

  constructor(kind: StorageErrorKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.kind = kind;
  }
}

/** What did not happen, as a `failed…` message ("the note was not saved"), with its substitutions. */
export type Failed = FailedKey | readonly [FailedKey, ...string[]];
type FailedKey = Extract<MessageKey, `failed${string}`>;

function failedText(failed: Failed): string {
  return typeof failed === 'string' ? localize(failed) : localize(failed[0], failed.slice(1));
}

const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);
const INVALID_NAMES = new Set(['DataError', 'ConstraintError', 'DataCloneError', 'InvalidArgumentError']);
const UNAVAILABLE_NAMES = new Set([
  'MissingAPIError',
  'OpenFailedError',
  'DatabaseClosedError',
  'InvalidStateError',
  'UnknownError',
  'TimeoutError',
  'SecurityError',
  'InvalidAccessError',
  'UpgradeError',
  'VersionChangeError',
]);
/** Legacy DOMException code of QuotaExceededError. */
const QUOTA_EXCEEDED_CODE = 22;

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  inner?: unknown;
  cause?: unknown;
  failures?: unknown;
}

/** The error and the errors it wraps (Dexie's `inner`, `cause`, a BulkError's or ModifyError's `failures`). */
function errorChain(error: unknown): ErrorLike[] {
  const chain: ErrorLike[] = [];
  const queue: unknown[] = [error];
  while (queue.length > 0 && chain.length < 20) {
    const next = queue.shift();
    if (next === null || typeof next !== 'object' || chain.includes(next as ErrorLike)) continue;
    const e = next as ErrorLike;
    chain.push(e);
    queue.push(e.inner, e.cause);
    if (Array.isArray(e.failures)) queue.push(...e.failures);
    else if (e.failures && typeof e.failures === 'object') queue.push(...Object.values(e.failures));
  }
  return chain;
}

function nameOf(e: ErrorLike): string {
  return typeof e.name === 'string' ? e.name : '';
}

function isQuota(e: ErrorLike): boolean {
  if (QUOTA_NAMES.has(nameOf(e))) return true;
  if (typeof DOMException !== 'undefined' && e instanceof DOMException && e.code === QUOTA_EXCEEDED_CODE) {
    return true;
  }
  // Some engines report a full disk as an UnknownError or AbortError that only says so in its message.
  return typeof e.message === 'string' && /quota/i.test(e.message);
}

/**
 * The reader-facing error for a storage failure. `failed` says what did not happen ("the note was not
 * saved"). Every repository operation is one IndexedDB transaction, which is all or nothing, so the
 * messages can promise that nothing already saved changed.
 */
export function toStorageError(error: unknown, failed: Failed = 'failedNoteNotSaved'): NotesStorageError {
  if (error instanceof NotesStorageError) return error;
  const chain = errorChain(error);
  const cause = { cause: error };
  const make = (kind: StorageErrorKind, key: MessageKey) =>
    new NotesStorageError(kind, localize(key, failedText(failed)), cause);
  if (chain.some(isQuota)) return make('quota', 'errorStorageQuota');
  if (chain.some((e) => nameOf(e) === 'VersionError')) return make('unavailable', 'errorStorageNewerVersion');
  for (const e of chain) {
    const name = nameOf(e);
    if (INVALID_NAMES.has(name)) return make('invalid', 'errorStorageRefused');
    if (UNAVAILABLE_NAMES.has(name)) return make('unavailable', 'errorStorageUnavailable');
  }
  return make('unknown', 'errorStorageUnknown');
}

/** A refused input: `reason` says what is wrong ("the quoted passage is empty"). */
export function invalidInput(reason: string, failed: Failed = 'failedNoteNotSaved'): NotesStorageError {
  const what = failedText(failed);
  const sentence = `${what.charAt(0).toLocaleUpperCase()}${what.slice(1)}`;
  return new NotesStorageError('invalid', localize('errorInputRefused', [sentence, reason]));
}
