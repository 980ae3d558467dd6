// The page's declared language: kept when it is a language tag, dropped otherwise.
import { describe, expect, it } from 'vitest';
import { declaredLanguage, isLanguageTag } from '../../../lib/notes/page-language';

describe('the page language a note keeps', () => {
  it('takes what <html lang> declares when it is a tag', () => {
    expect(declaredLanguage(' ar-EG ')).toBe('ar-EG');
    expect(declaredLanguage('zh-Hant-TW')).toBe('zh-Hant-TW');
    expect(declaredLanguage('en')).toBe('en');
  });

  it('keeps nothing when the page declares nothing or something else', () => {
    for (const lang of [
      null,
      undefined,
      '',
      '  ',
      'english please',
      'e',
      'en_US',
      `en-${'x'.repeat(40)}`,
      '<b>',
    ])
      expect(declaredLanguage(lang)).toBeUndefined();
    expect(isLanguageTag(42)).toBe(false);
  });
});
