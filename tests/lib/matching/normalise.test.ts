import { describe, expect, it } from 'vitest';
import { caseSkeleton, foldText, isWordCode } from '../../../lib/matching/normalise';

describe('foldText', () => {
  it('treats hyphens, spaces and their variants alike', () => {
    expect(foldText('Ansar Gazwat ul Hind')).toBe(foldText('Ansar Gazwat-ul-Hind'));
    expect(foldText('Ansar Gazwat‑ul–Hind')).toBe('ansar gazwat ul hind'); // non-breaking hyphen, en dash
    expect(foldText('  Jaish-e-Mohammed\u00a0')).toBe('jaish e mohammed');
  });

  it('removes case and diacritics', () => {
    expect(foldText('DAESH')).toBe('daesh');
    expect(foldText('Dāʿish')).toBe(foldText('Daish'.slice(0, 2) + ' ish'));
    expect(foldText('Hizb ul-Mujāhidīn')).toBe('hizb ul mujahidin');
  });

  it('folds straight and curly apostrophes and quotes to the same separator', () => {
    expect(foldText("Da'ish")).toBe(foldText('Da’ish'));
    expect(foldText('“Wilayah of Hind”')).toBe('wilayah of hind');
    expect(foldText("ISIS's")).toBe('isis s');
  });

  it('unifies Arabic-script letter variants and drops optional vowel marks', () => {
    expect(foldText('دولت اسلامیہ')).toBe(foldText('دولت اسلاميه'));
    expect(foldText('الدَّوْلَة الإِسْلَامِيَّة')).toBe(foldText('الدولة الاسلامية'));
  });

  it('drops the Devanagari nukta, written apart, built in or left out', () => {
    // फ़ + ायरिंग, फ + ायरिंग; ड + nukta and the single character ड़ (U+095C).
    expect(foldText('फ़ायरिंग')).toBe(foldText('फायरिंग'));
    expect(foldText('मुठभेड\u093c')).toBe(foldText('मुठभे\u095c'));
    expect(foldText('मुठभे\u095c')).toBe(foldText('मुठभेड'));
  });

  it('folds an Arabic-script letter with a built-in hamza like its base letter', () => {
    // ۂ (U+06C2) is ہ with hamza; ہ itself folds with ه and ة.
    expect(foldText('حملۂ')).toBe(foldText('حملہ'));
    expect(foldText('حملۂ')).toBe(foldText('حملة'));
  });

  it('keeps Indic vowel signs, which are part of the word', () => {
    expect(foldText('इस्लामिक स्टेट')).not.toBe(foldText('इसलमक सटट'));
    expect(foldText('इस्लामिक  स्टेट')).toBe(foldText('इस्लामिक स्टेट'));
  });
});

describe('word characters', () => {
  it('counts letters of every script and digits, not punctuation', () => {
    for (const ch of ['a', 'Z', '7', 'é', 'د', 'क', 'ি', 'ক'])
      expect(isWordCode(ch.charCodeAt(0))).toBe(true);
    for (const ch of [' ', '-', '’', '.', '(', '\u00a0', '،'])
      expect(isWordCode(ch.charCodeAt(0))).toBe(false);
  });
});

describe('caseSkeleton', () => {
  it('keeps case and drops separators', () => {
    expect(caseSkeleton('IS-K')).toBe('ISK');
    expect(caseSkeleton('Isis')).not.toBe(caseSkeleton('ISIS'));
  });
});
