/** The toolbar badge: how many distinct groups and incidents the page holds. */
import type { PageFindings } from './messaging';

const BADGE_KINDS = new Set(['group', 'media']);

export function badgeText(report: Pick<PageFindings, 'entities' | 'incidents'>): string {
  const count = report.entities.filter((e) => BADGE_KINDS.has(e.kind)).length + report.incidents.length;
  return count === 0 ? '' : count > 99 ? '99+' : String(count);
}
