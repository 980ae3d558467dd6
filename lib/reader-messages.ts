/**
 * The sentences lib code builds for the reader (storage and import errors, pack errors, import
 * reports), taken from public/_locales/<lang>/messages.json like every other string the reader sees.
 *
 * Why these modules translate for themselves, rather than hand a message key to the UI: the sentences
 * are made where the failure is understood, often far from any UI — in the background, whose answers
 * the page's panels show as they are, and in the packs database, which keeps a subscription's last
 * error — so a key and its substitutions would have to travel through the messaging protocol and
 * storage and be translated again in each place that shows them. An error stays a string everywhere.
 *
 * In the extension the text comes from browser.i18n, in the reader's language. Where there is no
 * extension API, or one that cannot translate (the Node scripts such as `npm run pack:validate`, and
 * the unit tests' fake browser), the English file is read instead: they see what an English reader
 * sees, and the keys are checked by the compiler (`MessageKey`).
 *
 * The English file is imported here for Node and the tests only: the extension's build replaces it
 * with an empty object (see wxt.config.ts), as every extension context has browser.i18n. The content
 * script uses lib/i18n.ts either way.
 */
import english from '../public/_locales/en/messages.json';

export type MessageKey = keyof typeof english;

/** Keys that come as a pair, `<key>_one` and `<key>_other`, for `localizeCount`. */
export type CountKey = {
  [K in MessageKey]: K extends `${infer Base}_one`
    ? `${Base}_other` extends MessageKey
      ? Base
      : never
    : never;
}[MessageKey];

interface Entry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

type GetMessage = (key: string, substitutions?: string | string[]) => string;
type ExtensionApi = { i18n?: { getMessage?: GetMessage } };

/** browser.i18n (Firefox, and Chrome's `chrome`), without importing WXT's `browser`: Node has none. */
function extensionApi(): ExtensionApi | undefined {
  const global = globalThis as { browser?: ExtensionApi; chrome?: ExtensionApi };
  return global.browser?.i18n ? global.browser : global.chrome;
}

/** What chrome.i18n.getMessage does with an entry: named placeholders, then $1…$9, and $$ for $. */
export function formatMessage(entry: Entry, substitutions: readonly string[]): string {
  const named = entry.message.replace(
    /\$([A-Za-z0-9_@]+)\$/g,
    (_, name: string) => entry.placeholders?.[name.toLowerCase()]?.content ?? '',
  );
  return named.replace(/\$(\$|[1-9])/g, (_, what: string) =>
    what === '$' ? '$' : (substitutions[Number(what) - 1] ?? ''),
  );
}

/** The message `key` with its substitutions ($1…$9), in the reader's language. */
export function localize(key: MessageKey, substitutions: string | readonly string[] = []): string {
  const subs = typeof substitutions === 'string' ? [substitutions] : [...substitutions];
  try {
    const text = extensionApi()?.i18n?.getMessage?.(key, subs);
    if (text) return text;
  } catch {
    // A fake browser (unit tests) that does not translate: English below.
  }
  const entry = (english as Partial<Record<MessageKey, Entry>>)[key];
  // In the built extension the English file is left out (wxt.config.ts): there the key stands in.
  return entry ? formatMessage(entry, subs) : key;
}

/** A count in words: `<key>_one` for 1, else `<key>_other`; the count is $1, then `more`. */
export function localizeCount(key: CountKey, count: number, ...more: string[]): string {
  return localize(`${key}_${count === 1 ? 'one' : 'other'}` as MessageKey, [count.toLocaleString(), ...more]);
}
