/** Which relations must carry their dates (a leader is replaced, a branch breaks away), and which lack them. */
import type { Relation, RelationType } from './pack-types';

/** Leadership, branch, affiliation and membership change over time: each needs `from` (and `until` once it ended). */
export const DATED_RELATION_TYPES: readonly RelationType[] = [
  'leader-of',
  'branch-of',
  'affiliate-of',
  'member-of',
];

/**
 * A relation of a dated type with neither `from` nor `until`: it reads as if it had always held and
 * still holds. One with only `until` (a member killed, a start nobody reported) no longer reads as current.
 */
export function lacksDates(relation: Relation): boolean {
  return DATED_RELATION_TYPES.includes(relation.type) && !relation.from && !relation.until;
}
