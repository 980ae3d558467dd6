/**
 * Alias hygiene: names and aliases that would mark every page (one letter, a stop word, an everyday
 * word) are refused unless flagged, and a pack's aliases are bounded in all. Kept apart from the
 * validator's shape checks; `validatePack` adds these problems to its own.
 */
import { foldText } from '../matching/normalise';
import { EVERYDAY_WORDS, STOP_WORDS } from './everyday-words';
import type { PackProblem } from './pack-validator';

/** Most names and aliases one pack may have (1.5 million cost 10–27 s of the worker's time per rebuild). */
export const MAX_PACK_ALIASES = 100_000;
/** Most characters all of one pack's names and aliases may have together. */
export const MAX_PACK_ALIAS_CHARS = 2_000_000;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Why a name or alias would mark ordinary text, or undefined if it would not. A one-letter alias needs
 * `needsContext` (letter case does not help a capital "A" or "I"); a stop word or an everyday word needs
 * `caseSensitive` ("IS", "Nice") or `needsContext`. Names cannot be flagged: a name must not be either.
 */
export function commonAliasProblem(
  text: string,
  flags: { caseSensitive?: unknown; needsContext?: unknown } = {},
): string | undefined {
  const words = foldText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  if (words.length === 0) return undefined; // reported by the validator: no letters or digits
  const context = flags.needsContext === true;
  const letterCase = flags.caseSensitive === true;
  if (words.join('').length === 1)
    return context ? undefined : 'a one-letter alias would mark every page; flag it "needsContext"';
  const what = words.every((w) => STOP_WORDS.has(w))
    ? 'a stop word'
    : words.length === 1 && EVERYDAY_WORDS.has(words[0]!)
      ? 'an everyday English word'
      : undefined;
  if (!what || context || letterCase) return undefined;
  return `"${text}" is ${what} and would mark ordinary text; flag it "caseSensitive" or "needsContext", or use a longer name`;
}

/** The alias problems of a pack (its shape is the validator's business: whatever is not as expected is skipped). */
export function aliasHygieneProblems(pack: unknown): PackProblem[] {
  const problems: PackProblem[] = [];
  if (!isObj(pack)) return problems;
  let count = 0;
  let chars = 0;
  const visit = (items: unknown, list: string) => {
    if (!Array.isArray(items)) return;
    items.forEach((item, i) => {
      if (!isObj(item)) return;
      const at = `${list}[${i}]`;
      if (typeof item.name === 'string') {
        count++;
        chars += item.name.length;
        const problem = commonAliasProblem(item.name);
        if (problem)
          problems.push({
            path: `${at}.name`,
            message: problem.replace(/; flag it .*$/, '; give the full name and add this as a flagged alias'),
          });
      }
      if (!Array.isArray(item.aliases)) return;
      item.aliases.forEach((alias, j) => {
        const text =
          typeof alias === 'string'
            ? alias
            : isObj(alias) && typeof alias.text === 'string'
              ? alias.text
              : undefined;
        if (text === undefined) return;
        count++;
        chars += text.length;
        const problem = commonAliasProblem(text, isObj(alias) ? alias : {});
        if (problem) problems.push({ path: `${at}.aliases[${j}]`, message: problem });
      });
    });
  };
  visit(pack.entities, 'entities');
  visit(pack.incidents, 'incidents');
  if (count > MAX_PACK_ALIASES)
    problems.push({
      path: '',
      message: `${count.toLocaleString('en')} names and aliases: a pack may have at most ${MAX_PACK_ALIASES.toLocaleString('en')}, since each rebuild of the matcher pays for every one; split the pack`,
    });
  if (chars > MAX_PACK_ALIAS_CHARS)
    problems.push({
      path: '',
      message: `its names and aliases have ${chars.toLocaleString('en')} characters in all: a pack may have at most ${MAX_PACK_ALIAS_CHARS.toLocaleString('en')}; split the pack`,
    });
  return problems;
}
