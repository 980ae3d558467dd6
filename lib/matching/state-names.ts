/**
 * A group's name that runs on into a country's name as a state's title ("the Islamic State of Iran",
 * a court's words for the Iranian state; "the Islamic State of Afghanistan", 1992–2001) names that
 * state, not the group. The group's own longer names ("Islamic State of Iraq and the Levant") are
 * aliases, so the longest match already took them; what is left here is a title the pack does not
 * know as the group's.
 */

/** A name whose last word is "State" (any case). */
const ENDS_IN_STATE = /(?:^|[\s-])state$/i;
/** What joins the title to its country: " of ", " of the ". */
const OF_JOINER = /^\s+of\s+(?:the\s+)?/i;

export interface NamedSpan {
  start: number;
  end: number;
  text: string;
  /** The text that follows the match in its block. */
  after: string;
}

/**
 * Whether `match` (a group's name) is the head of a state's title: its last word is "State" and
 * " of " joins it to a country's name that starts where `countryStarts` says one does.
 */
export function isStateTitle(match: NamedSpan, countryStarts: ReadonlySet<number>): boolean {
  if (!ENDS_IN_STATE.test(match.text)) return false;
  const joiner = OF_JOINER.exec(match.after);
  return joiner !== null && countryStarts.has(match.end + joiner[0].length);
}
