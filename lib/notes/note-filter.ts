// The popup's filters over a list of notes: tag, colour, group or incident, site, date range; every
// filter set must hold (they combine), an unset one lets everything through.
import type { Note } from './note-types';

export interface NoteFilter {
  tag?: string;
  color?: string;
  /** An entity or incident id the passage mentions. */
  mentions?: string;
  site?: string;
  /** Inclusive calendar days (YYYY-MM-DD), in the reader's time zone. */
  from?: string;
  to?: string;
}

export function filterNotes(notes: readonly Note[], filter: NoteFilter): Note[] {
  const from = filter.from ? startOfDay(filter.from) : -Infinity;
  const to = filter.to ? startOfDay(filter.to) + 86_400_000 : Infinity;
  return notes.filter(
    (n) =>
      (!filter.tag || n.tags.includes(filter.tag)) &&
      (!filter.color || n.color === filter.color) &&
      (!filter.mentions ||
        n.entityIds.includes(filter.mentions) ||
        n.incidentIds.includes(filter.mentions)) &&
      (!filter.site || n.site === filter.site) &&
      n.createdAt >= from &&
      n.createdAt < to,
  );
}

/** The values each filter can take among these notes, sorted, for the filter menus. */
export function filterChoices(notes: readonly Note[]): {
  tags: string[];
  sites: string[];
  mentions: string[];
} {
  const tags = new Set<string>();
  const sites = new Set<string>();
  const mentions = new Set<string>();
  for (const n of notes) {
    for (const t of n.tags) tags.add(t);
    sites.add(n.site);
    for (const id of [...n.entityIds, ...n.incidentIds]) mentions.add(id);
  }
  const sorted = (s: Set<string>) => [...s].sort((a, b) => a.localeCompare(b));
  return { tags: sorted(tags), sites: sorted(sites), mentions: sorted(mentions) };
}

function startOfDay(day: string): number {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y!, (m ?? 1) - 1, d ?? 1).getTime();
}
