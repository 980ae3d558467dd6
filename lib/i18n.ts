/**
 * The reader's language: every string a reader sees comes from public/_locales/<lang>/messages.json
 * through browser.i18n (extension pages, the background and content scripts alike). Components take
 * a `Translate` (a prop, or the I18n context for the page's panels) and never call browser.* themselves.
 */
import { browser } from '#imports';

/** A message by key, with its $1…$9 substitutions; the key itself when the message is missing. */
export type Translate = (key: string, substitutions?: string | string[]) => string;

export const translate: Translate = (key, substitutions) =>
  (browser.i18n.getMessage as (k: string, s?: string | string[]) => string)(key, substitutions) || key;
