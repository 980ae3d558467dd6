/**
 * A group's name that a sports club also bears ("Al-Shabab FC", the Saudi football club; "Club
 * Al-Shabab"): where the page writes it with a club's suffix or prefix once, the same name elsewhere on
 * that page is the club too (a match report says "Al-Shabab FC" once, then "Al-Shabab").
 */
import { foldText } from './normalise';
import type { NamedSpan } from './state-names';

/** What follows a club's name: "FC", "F.C.", "SC", "CF", "AFC", "Club", "Football Club". */
const CLUB_AFTER =
  /^[\s-]*(?:A\.?F\.?C\.?|F\.?C\.?|S\.?C\.?|C\.?F\.?|(?:football\s+|sports?\s+)?club)(?![\p{L}\p{N}])/iu;
/** What precedes one: "FC", "Club", "Clube". */
const CLUB_BEFORE = /(?<![\p{L}\p{N}])(?:F\.?C\.?|club[e]?)\s+$/iu;

export interface ClubSpan extends NamedSpan {
  before: string;
}

/** Whether this mention is written as a club's name. */
export function isClubName(span: ClubSpan): boolean {
  return CLUB_AFTER.test(span.after) || CLUB_BEFORE.test(span.before);
}

/**
 * The names (folded) that the page writes as a club's name somewhere: each of its mentions of that
 * name, as written, is the club's.
 */
export function clubNames(spans: readonly ClubSpan[]): Set<string> {
  const names = new Set<string>();
  for (const span of spans) if (isClubName(span)) names.add(foldText(span.text));
  return names;
}
