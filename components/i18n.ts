/** The translation the page's panels use (given once at the root, read where a string is drawn). */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Translate } from '../lib/i18n';

/** Without a provider, message keys stand in for the strings (a missing provider shows at once). */
export const I18n = createContext<Translate>((key) => key);

export const useT = (): Translate => useContext(I18n);

/** A count in words: `<key>_one` for 1, `<key>_other` (with the count as $1) for any other number. */
export function plural(t: Translate, key: string, count: number): string {
  return t(count === 1 ? `${key}_one` : `${key}_other`, count.toLocaleString());
}
