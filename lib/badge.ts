/** The toolbar badge: how many distinct groups and incidents the page holds, and its colour (amber for competing claims). */
import type { PageFindings } from './messaging';

const BADGE_KINDS = new Set(['group', 'media']);

export function badgeText(report: Pick<PageFindings, 'entities' | 'incidents'>): string {
  const count = report.entities.filter((e) => BADGE_KINDS.has(e.kind)).length + report.incidents.length;
  return count === 0 ? '' : count > 99 ? '99+' : String(count);
}

/** ClaimLens's own navy; amber where an incident on the page has competing claims (white text reads on both). */
export const BADGE_COLOR = '#1d3f72';
export const BADGE_CONFLICT_COLOR = '#a34d00';

export function badgeColor(report: Pick<PageFindings, 'incidents'>): string {
  return report.incidents.some((i) => i.competingClaimants > 1) ? BADGE_CONFLICT_COLOR : BADGE_COLOR;
}
