// The language a page declares (its <html lang>), as a BCP 47 tag a note can keep and an export can name.

/** A well-formed BCP 47 tag in its common shape: a 2–3 letter language, then subtags (`en`, `ar-EG`, `zh-Hant-TW`). */
const TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;
const MAX_TAG = 35;

export function isLanguageTag(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_TAG && TAG.test(value);
}

/** The tag a page declares, trimmed, or undefined when it declares none or something that is not a tag. */
export function declaredLanguage(lang: string | null | undefined): string | undefined {
  const tag = lang?.trim();
  return isLanguageTag(tag) ? tag : undefined;
}
