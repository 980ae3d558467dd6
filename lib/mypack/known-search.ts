/**
 * Finding an incident or an entity in the enabled packs for the record form (pure): incidents by
 * name, alias, place or date ("Zakura", "2017-11", "Srinagar 2017"), entities by name or alias and kind.
 */
import type { EntityKind } from '../knowledge/pack-types';
import type { MergedEntity, MergedIncident } from '../knowledge/pack-merge';
import { foldText } from '../matching/normalise';

export interface IncidentHit {
  id: string;
  name: string;
  date: string;
  place: string;
}

export interface EntityHit {
  id: string;
  name: string;
  kind: EntityKind;
}

export interface Searchable {
  incidents: ReadonlyMap<string, MergedIncident>;
  entities: ReadonlyMap<string, MergedEntity>;
}

const aliasTexts = (item: { name: string; aliases?: readonly (string | { text: string })[] }) => [
  item.name,
  ...(item.aliases ?? []).map((a) => (typeof a === 'string' ? a : a.text)),
];

/** Incidents whose name, aliases, places or date hold every word of the query; best first. */
export function searchIncidents(known: Searchable, query: string, limit = 8): IncidentHit[] {
  const dates = query.match(/\b\d{4}(?:-\d{2}(?:-\d{2})?)?\b/g) ?? [];
  const words = foldText(query.replace(/\b\d{4}(?:-\d{2}(?:-\d{2})?)?\b/g, ' '))
    .split(' ')
    .filter(Boolean);
  if (words.length === 0 && dates.length === 0) return [];
  const name = (id: string) => known.entities.get(id)?.name ?? id;
  const hits: { hit: IncidentHit; score: number }[] = [];
  for (const incident of known.incidents.values()) {
    const names = aliasTexts(incident).map(foldText);
    const places = [incident.place, ...(incident.region ?? []), ...(incident.sites ?? [])]
      .map((id) => known.entities.get(id))
      .flatMap((e) => (e ? aliasTexts(e).map(foldText) : []));
    const haystack = ` ${[...names, ...places].join(' ')} `;
    let score = 0;
    let all = dates.every((d) => incident.date.startsWith(d) || d.startsWith(incident.date));
    score += dates.length * 2;
    for (const word of all ? words : []) {
      if (names.some((n) => n.startsWith(word))) score += 3;
      else if (haystack.includes(` ${word}`)) score += 2;
      else if (haystack.includes(word)) score += 1;
      else {
        all = false;
        break;
      }
    }
    if (all)
      hits.push({
        hit: { id: incident.id, name: incident.name, date: incident.date, place: name(incident.place) },
        score,
      });
  }
  return hits
    .sort((a, b) => b.score - a.score || b.hit.date.localeCompare(a.hit.date))
    .slice(0, limit)
    .map((h) => h.hit);
}

/** Entities of the given kinds whose name or an alias holds every word of the query; best first. */
export function searchEntities(
  known: Searchable,
  query: string,
  kinds: readonly EntityKind[],
  limit = 8,
): EntityHit[] {
  const folded = foldText(query);
  if (!folded) return [];
  const hits: { hit: EntityHit; score: number }[] = [];
  for (const entity of known.entities.values()) {
    if (!kinds.includes(entity.kind)) continue;
    const names = aliasTexts(entity).map(foldText);
    const score = names.some((n) => n === folded)
      ? 4
      : names.some((n) => n.startsWith(folded))
        ? 3
        : names.some((n) => n.includes(` ${folded}`))
          ? 2
          : names.some((n) => n.includes(folded))
            ? 1
            : 0;
    if (score > 0) hits.push({ hit: { id: entity.id, name: entity.name, kind: entity.kind }, score });
  }
  return hits
    .sort((a, b) => b.score - a.score || a.hit.name.localeCompare(b.hit.name))
    .slice(0, limit)
    .map((h) => h.hit);
}
