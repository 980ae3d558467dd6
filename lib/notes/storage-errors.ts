// Storage failures as readers understand them: Dexie and IndexedDB errors mapped to NotesStorageError.

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

const UNCHANGED = 'Nothing already saved was changed.';

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
 * The reader-facing error for a storage failure. `failed` says what did not happen, in lower case
 * ("the note was not saved"). Every repository operation is one IndexedDB transaction, which is all or
 * nothing, so the messages can promise that nothing already saved changed.
 */
export function toStorageError(error: unknown, failed = 'the note was not saved'): NotesStorageError {
  if (error instanceof NotesStorageError) return error;
  const chain = errorChain(error);
  const cause = { cause: error };
  if (chain.some(isQuota)) {
    return new NotesStorageError(
      'quota',
      `Your disk is full: ${failed}. ${UNCHANGED} Free some disk space and try again.`,
      cause,
    );
  }
  if (chain.some((e) => nameOf(e) === 'VersionError')) {
    return new NotesStorageError(
      'unavailable',
      `Your notes were last opened by a newer version of ClaimLens: ${failed}. ${UNCHANGED} Update ClaimLens to use them.`,
      cause,
    );
  }
  for (const e of chain) {
    const name = nameOf(e);
    if (INVALID_NAMES.has(name)) {
      return new NotesStorageError(
        'invalid',
        `The browser refused to store this note's data: ${failed}. ${UNCHANGED}`,
        cause,
      );
    }
    if (UNAVAILABLE_NAMES.has(name)) {
      return new NotesStorageError(
        'unavailable',
        `The browser would not open ClaimLens's notes storage (in a private window, or with site data turned off or damaged): ${failed}. ${UNCHANGED}`,
        cause,
      );
    }
  }
  return new NotesStorageError(
    'unknown',
    `The browser's storage failed: ${failed}. ${UNCHANGED} Try again; if it keeps failing, restart the browser.`,
    cause,
  );
}

/** A refused input: `reason` says what is wrong ("the quoted passage is empty"). */
export function invalidInput(reason: string, failed = 'the note was not saved'): NotesStorageError {
  const message = `${failed.charAt(0).toUpperCase()}${failed.slice(1)}: ${reason}.`;
  return new NotesStorageError('invalid', message);
}
