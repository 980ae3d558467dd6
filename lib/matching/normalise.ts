/**
 * Text folding shared by the pack compiler and the page scanner: one UTF-16 code unit in, one folded
 * code unit out, so the scanner never allocates while it reads a page.
 */

/** Folded value of every separator: spaces, punctuation, hyphens, apostrophes and quotes. */
export const SEP = 0x20;
/** Folded value of a code unit that is dropped: combining accents, zero-width characters, tatweel. */
export const DROP = 0;

/** Value of a code unit not folded yet: hot loops read FOLD_TABLE and call foldCode only for it. */
export const UNFOLDED = 0xffff;
const UNKNOWN = UNFOLDED;
const table = new Uint16Array(0x10000).fill(UNKNOWN);
/** Folded value of every code unit seen so far (UNFOLDED for the others). */
export const FOLD_TABLE: Readonly<Uint16Array> = table;

// ASCII is filled eagerly (cheap, and the hot path); everything else on first sight.
for (let c = 0; c < 0x80; c++) {
  if (c >= 0x41 && c <= 0x5a) table[c] = c + 0x20;
  else if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) table[c] = c;
  else table[c] = SEP;
}

/** Arabic-script letters written several ways (Arabic vs Urdu/Persian forms, hamza seats). */
const ARABIC_VARIANTS: Record<number, number> = {
  0x0623: 0x0627, // أ → ا
  0x0625: 0x0627, // إ → ا
  0x0622: 0x0627, // آ → ا
  0x0671: 0x0627, // ٱ → ا
  0x0649: 0x064a, // ى → ي
  0x06cc: 0x064a, // ی → ي
  0x06d2: 0x064a, // ے → ي
  0x06a9: 0x0643, // ک → ك
  0x06c1: 0x0647, // ہ → ه
  0x06be: 0x0647, // ھ → ه
  0x0629: 0x0647, // ة → ه
};

const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;
// Marks that writers add or leave out freely: Latin accents, Arabic harakat, the Devanagari nukta
// ("फ़ायरिंग" and "फायरिंग"; a letter with the nukta built in, as in U+095C, folds to its base letter too).
// Indic vowel signs are letters' own parts and stay.
const OPTIONAL_MARK =
  /[\u0300-\u036f\u064b-\u065f\u0670\u06d6-\u06ed\u093c\u0640\u00ad\u200b-\u200f\u2060\ufeff]/;

function computeFold(c: number): number {
  if (c >= 0xd800 && c <= 0xdfff) return c; // halves of astral characters: kept as word characters
  // Fast answers for what English pages are full of (curly quotes, dashes, no-break spaces,
  // accented Latin letters), so that most pages never compile the Unicode-property patterns below.
  if (c >= 0x2000 && c <= 0x206f) return (c >= 0x200b && c <= 0x200f) || c >= 0x2060 ? DROP : SEP;
  if (c < 0xc0) return c === 0xad ? DROP : SEP;
  if (c === 0xd7 || c === 0xf7) return SEP;
  if (c <= 0x24f) return latinBase(c);
  if (c >= 0x300 && c <= 0x36f) return DROP;
  // Modifier letters that transliterations use as apostrophes (ʿ ʾ ʼ ʻ): separators, like ' and ’.
  if ((c >= 0x02b9 && c <= 0x02bf) || c === 0x02c8) return SEP;
  const ch = String.fromCharCode(c);
  if (OPTIONAL_MARK.test(ch)) return DROP;
  const variant = ARABIC_VARIANTS[c];
  if (variant !== undefined) return variant;
  if (/\p{M}/u.test(ch)) return c; // Indic and other essential marks
  if (!LETTER_OR_NUMBER.test(ch)) return SEP;
  // A letter with a mark built in folds to its base letter, unified like the base itself ("ۂ" as "ہ").
  const base = latinBase(c);
  return ARABIC_VARIANTS[base] ?? base;
}

function latinBase(c: number): number {
  const base = String.fromCharCode(c).normalize('NFD').charAt(0).toLowerCase();
  return base.length === 1 ? base.charCodeAt(0) : c;
}

/** Folds one UTF-16 code unit: lower case, no accents, separators to SEP, optional marks to DROP. */
export function foldCode(c: number): number {
  let f = table[c]!;
  if (f === UNKNOWN) {
    f = computeFold(c);
    table[c] = f;
  }
  return f;
}

/** Whether a code unit folds to a letter or digit (a word character in any script). */
export function isWordCode(c: number): boolean {
  const f = foldCode(c);
  return f !== SEP && f !== DROP;
}

/** Folds a whole string: separators collapsed to one space, trimmed. "Ansar Gazwat-ul-Hind" → "ansar gazwat ul hind". */
export function foldText(text: string): string {
  const table = FOLD_TABLE;
  let out = '';
  let pendingSep = false;
  for (let i = 0; i < text.length; i++) {
    // The table read inline, as in the scanner's loop: foldCode only for a code unit not seen yet.
    const c = text.charCodeAt(i);
    let f = table[c]!;
    if (f === UNKNOWN) f = foldCode(c);
    if (f === DROP) continue;
    if (f === SEP) {
      pendingSep = out.length > 0;
      continue;
    }
    if (pendingSep) {
      out += ' ';
      pendingSep = false;
    }
    out += String.fromCharCode(f);
  }
  return out;
}

/** Letters and digits only, case kept: what a case-sensitive alias is compared on ("ISIL" vs "Isil"). */
export function caseSkeleton(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const f = foldCode(c);
    if (f !== SEP && f !== DROP) out += text.charAt(i);
  }
  return out.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}
