/**
 * Decides which known incidents an article is about by weighing its evidence for each candidate, with
 * the reasons in words: names and aliases; places at every level (a venue, a neighbourhood, the town,
 * the district, along the pack's `located-in` chain); the kind of event against the incident's own;
 * dates at any precision (a date that contradicts the incident counts against it, a missing one does
 * not); the claimants and groups blamed; targets; toll figures; keywords. Candidates that rest on the
 * same place are told apart by their evidence and the weaker one is dropped.
 */
import { daysBetween, formatDay } from '../calendar';
import { competingClaimants, type KnowledgeBase } from '../knowledge/knowledge-base';
import type { MergedIncident } from '../knowledge/pack-merge';
import type { EventKind, PlaceType } from '../knowledge/pack-types';
import { dateContradicts, dateFits, type DateMention } from './date-mentions';
import { ArticleReading, LEAD, type EvidenceMention, type IncidentEvidence } from './incident-evidence';
import { foldText } from './normalise';
import { targetForms } from './target-vocabulary';

export type { EvidenceMention, IncidentEvidence } from './incident-evidence';
export { sentenceWindow } from './incident-evidence';

/** The operating point (docs/recognition.md): below this confidence, nothing is claimed. */
export const INCIDENT_THRESHOLD = 0.55;

/** Weights of the evidence, in log-odds (fitted on the calibration half, docs/recognition.md). */
export const WEIGHTS = {
  bias: -4,
  name: 4.5,
  place: {
    venue: 2.6,
    landmark: 2.6,
    neighbourhood: 2.2,
    town: 2.0,
    city: 1.5,
    district: 1.1,
    province: 0.5,
    region: 0.2,
    country: 0.2,
  } satisfies Record<PlaceType, number>,
  /** A place name with other meanings ("Nice", "Sinai") counts for this share of its weight. */
  guardedPlace: 0.8,
  /** Each further place of the incident named (the town and its venue). */
  morePlaces: 0.3,
  kindNear: 1.4,
  kindAnywhere: 1.0,
  ownWords: 0.6,
  genericEvent: 0.5,
  noEvent: -2.5,
  otherKindOnly: -0.6,
  dateDay: 2.0,
  dateMonth: 1.4,
  dateYear: 0.9,
  contradictingDate: -2.6,
  contradictingYear: -1.8,
  publishedDaysAfter: 1.6,
  publishedWeeksAfter: 0.7,
  publishedLongAfter: -0.4,
  claimant: 1.1,
  moreClaimants: 0.4,
  target: 0.7,
  moreTargets: 0.35,
  toll: 0.8,
  keyword: 1.2,
  moreKeywords: 0.6,
  /** Not named, placed only in a city or district, neither dated nor with a keyword of its own. */
  unspecific: -1.5,
  /** A candidate this far below the strongest, neither named nor dated, is taken for a passing mention. */
  margin: 2.0,
};

/** A place weighing at least this much makes an incident a candidate on its own (with an event word). */
const ANCHOR_WEIGHT = 1.0;

export interface IncidentMatch {
  id: string;
  name: string;
  /** How strong the evidence is (0–1): not how sure anyone is of who did it. */
  confidence: number;
  /** The reasons, as a reader reads them: "Crocus City Hall (venue) + “attack” + …". */
  why: string;
  /** Indexes into evidence.mentions that support the match (drawn as incident marks). */
  mentions: number[];
  competingClaimants: number;
}

interface PlaceRole {
  incident: MergedIncident;
  weight: number;
  type?: PlaceType;
}

/** For each place id, the incidents it is evidence for and how much; built once per knowledge base. */
interface LinkerIndex {
  places: Map<string, PlaceRole[]>;
  /** Each incident's first possible day, as days since 1970-01-01 (a month or a year from its start). */
  days: Map<string, number>;
  /** Ids of the groups each incident is tied to: claimants, and those statements blame or deny. */
  groups: Map<string, Map<string, string>>;
}

const indexes = new WeakMap<KnowledgeBase, LinkerIndex>();

function indexOf(kb: KnowledgeBase): LinkerIndex {
  let index = indexes.get(kb);
  if (index) return index;
  const places = new Map<string, PlaceRole[]>();
  const groups = new Map<string, Map<string, string>>();
  const days = new Map<string, number>();
  const typeOf = (id: string) => kb.entities.get(id)?.placeType;
  const parentsOf = (id: string) =>
    (kb.entities.get(id)?.relations ?? []).filter((r) => r.type === 'located-in').map((r) => r.target);
  for (const incident of kb.incidents.values()) {
    const roles = new Map<string, number>();
    const add = (id: string, fallback: PlaceType, cap = Infinity) => {
      const type = typeOf(id) ?? fallback;
      const weight = Math.min(cap, WEIGHTS.place[type]);
      if ((roles.get(id) ?? -1) < weight) roles.set(id, weight);
    };
    const sites = incident.sites ?? [];
    for (const id of sites) add(id, 'venue');
    if (incident.place) add(incident.place, 'town');
    // An untyped broader place may be a country: it never makes a candidate alone.
    for (const id of incident.region ?? []) add(id, 'province');
    // The `located-in` chain of the place and its sites: broader places, never weighing more than a town.
    const queue = [...sites, incident.place].filter(Boolean);
    const seen = new Set(queue);
    while (queue.length > 0) {
      for (const parent of parentsOf(queue.shift()!)) {
        if (seen.has(parent)) continue;
        seen.add(parent);
        add(parent, 'province', WEIGHTS.place.town);
        queue.push(parent);
      }
    }
    for (const [id, weight] of roles) {
      const list = places.get(id) ?? [];
      list.push({ incident, weight, type: typeOf(id) });
      places.set(id, list);
    }
    const tied = new Map<string, string>();
    for (const c of incident.claims)
      if (!tied.has(c.claimant))
        tied.set(
          c.claimant,
          c.stance === 'claimed'
            ? 'which claimed it'
            : c.stance === 'denied'
              ? 'which denied it'
              : 'which withdrew its claim',
        );
    for (const s of incident.statements) {
      for (const id of s.attributedTo ?? []) if (!tied.has(id)) tied.set(id, 'which was blamed for it');
      if (s.about && !tied.has(s.about)) tied.set(s.about, 'named in statements on it');
    }
    groups.set(incident.id, tied);
    days.set(incident.id, dayNumber(incident.date.padEnd(10, '-01').slice(0, 10)));
  }
  index = { places, days, groups };
  indexes.set(kb, index);
  return index;
}

/**
 * Whether the article's date can change what `linkIncidents` finds: some incident is named, or a
 * place that can make an incident a candidate is. A page that names neither never needs its date read.
 */
export function dateCanMatter(kb: KnowledgeBase, mentions: readonly EvidenceMention[]): boolean {
  const { places } = indexOf(kb);
  return mentions.some(
    (m) =>
      kb.incidents.has(m.targetId) || (places.get(m.targetId) ?? []).some((r) => r.weight >= ANCHOR_WEIGHT),
  );
}

/** The place ids that can make an incident a candidate (with an event word), for the page's first look. */
export function anchorPlaces(kb: KnowledgeBase): Map<string, MergedIncident[]> {
  const anchors = new Map<string, MergedIncident[]>();
  for (const [id, roles] of indexOf(kb).places) {
    const incidents = roles.filter((r) => r.weight >= ANCHOR_WEIGHT).map((r) => r.incident);
    if (incidents.length > 0) anchors.set(id, incidents);
  }
  return anchors;
}

interface Candidate {
  incident: MergedIncident;
  score: number;
  reasons: string[];
  mentions: number[];
  /** Place ids the candidate rests on. */
  anchors: Set<string>;
  /** The finest of them: the place that gives its weight. */
  bestAnchor?: string;
  /** Its name, or its finest place, is in the article's lead: what the article is about, not a passing mention. */
  inLead: boolean;
  named: boolean;
  dated: boolean;
}

const PLACE_LABEL: Partial<Record<PlaceType, string>> = {
  venue: 'venue',
  landmark: 'landmark',
  neighbourhood: 'neighbourhood',
  district: 'district',
};

export interface LinkOptions {
  /** Confidence below which a candidate is left out (INCIDENT_THRESHOLD; 0 for measurement). */
  threshold?: number;
}

export function linkIncidents(
  kb: KnowledgeBase,
  evidence: IncidentEvidence,
  options: LinkOptions = {},
): IncidentMatch[] {
  const threshold = options.threshold ?? INCIDENT_THRESHOLD;
  const index = indexOf(kb);
  const reading = new ArticleReading(evidence);
  const named = new Set(evidence.entityIds);
  // Days from each incident to the article's date, from day numbers (one date parse per article).
  const publishedDay = evidence.published ? dayNumber(evidence.published) : undefined;

  // 1. Candidates: incidents named, or whose place (finer than a province) is named.
  const byIncident = new Map<string, { names: number[]; places: { index: number; role: PlaceRole }[] }>();
  const slot = (id: string) => {
    let s = byIncident.get(id);
    if (!s) byIncident.set(id, (s = { names: [], places: [] }));
    return s;
  };
  evidence.mentions.forEach((mention, i) => {
    if (kb.incidents.has(mention.targetId)) slot(mention.targetId).names.push(i);
    for (const role of index.places.get(mention.targetId) ?? [])
      slot(role.incident.id).places.push({ index: i, role });
  });

  const candidates: Candidate[] = [];
  for (const [id, found] of byIncident) {
    const incident = kb.incidents.get(id)!;
    const anchored = found.places.filter((p) => p.role.weight >= ANCHOR_WEIGHT);
    if (found.names.length === 0 && anchored.length === 0) continue;
    const since = publishedDay === undefined ? undefined : publishedDay - index.days.get(id)!;
    // An article cannot report an incident that happened after it was published.
    if (since !== undefined && since < -1) continue;
    const c = weigh(kb, index, reading, incident, found.names, anchored, found.places, named, since);
    if (c) candidates.push(c);
  }

  // 2. Competing candidates: one whose finest place is also a place of a stronger one, or far weaker
  // than the strongest, is dropped unless it is named or dated in its own right.
  candidates.sort((a, b) => b.score - a.score);
  const kept: Candidate[] = [];
  for (const c of candidates) {
    // Two incidents in different districts of one city each rest on their own place, not the city.
    const rival = kept.find(
      (k) =>
        (c.bestAnchor !== undefined && k.anchors.has(c.bestAnchor)) ||
        (!c.inLead && k.score - c.score >= WEIGHTS.margin),
    );
    if (rival && !c.named && !c.dated) continue;
    kept.push(c);
  }

  const matches: IncidentMatch[] = [];
  for (const c of kept) {
    const confidence = Math.round((1 / (1 + Math.exp(-c.score))) * 100) / 100;
    if (confidence < threshold) continue;
    matches.push({
      id: c.incident.id,
      name: c.incident.name,
      confidence,
      why: c.reasons.join(' + '),
      mentions: c.mentions,
      competingClaimants: competingClaimants(c.incident),
    });
  }
  return matches;
}

function weigh(
  kb: KnowledgeBase,
  index: LinkerIndex,
  reading: ArticleReading,
  incident: MergedIncident,
  names: number[],
  anchored: { index: number; role: PlaceRole }[],
  allPlaces: { index: number; role: PlaceRole }[],
  named: ReadonlySet<string>,
  /** Days from the incident's first possible day to the article's date, if the article is dated. */
  since: number | undefined,
): Candidate | undefined {
  const { mentions, published } = reading.evidence;
  const reasons: string[] = [];
  let score = WEIGHTS.bias;
  const anchors = new Set(anchored.map((p) => mentions[p.index]!.targetId));

  // Names and places.
  if (names.length > 0) {
    score += WEIGHTS.name;
    reasons.push(`named “${mentions[names[0]!]!.text.slice(0, 80) || incident.name}”`);
  }
  const placeIds = [...new Set(allPlaces.map((p) => mentions[p.index]!.targetId))];
  const best = [...anchored].sort((a, b) => b.role.weight - a.role.weight)[0];
  /** The candidate's finest place named on the page. */
  const finest = best && mentions[best.index]!.targetId;
  if (best) {
    score += best.role.weight + WEIGHTS.morePlaces * Math.min(2, placeIds.length - 1);
    const label = best.role.type && PLACE_LABEL[best.role.type];
    if (names.length === 0)
      reasons.push(`${mentions[best.index]!.text.slice(0, 80)}${label ? ` (${label})` : ''}`);
  }

  // The kind of event, near the places and anywhere in the article.
  const windowed = [...names, ...anchored.map((p) => p.index)].slice(0, 12);
  const windows = windowed.map((i) => reading.window(i));
  const kinds = new Set<EventKind>(incident.kinds ?? []);
  const near = windows.flatMap((w) => w.events);
  const kindWord = (words: typeof near) => words.find((w) => w.kinds.some((k) => kinds.has(k)));
  const ownWord = (incident.eventWords ?? []).find((w) => reading.has(w));
  const nearKind = kindWord(near);
  // The whole article's event words are read only when the words near the names do not settle it.
  const anyKind = nearKind ?? kindWord(reading.events);
  if (nearKind) score += WEIGHTS.kindNear;
  else if (anyKind) score += WEIGHTS.kindAnywhere;
  if (ownWord) score += WEIGHTS.ownWords;
  const generic =
    anyKind || ownWord ? undefined : (reading.events.find((w) => w.kinds.length === 0) ?? near[0]);
  if (!anyKind && !ownWord) {
    if (generic) score += WEIGHTS.genericEvent;
    else if (names.length === 0) score += WEIGHTS.noEvent;
  }
  // Words near its places name other kinds of event ("grenades", "firing") and none of its own: an
  // event word the pack records for it ("fidayeen") does not make up for that.
  if (!anyKind && kinds.size > 0 && near.some((w) => w.kinds.length > 0)) score += WEIGHTS.otherKindOnly;
  const eventWord = anyKind?.text ?? ownWord ?? generic?.text;
  if (eventWord && names.length === 0) reasons.push(`“${eventWord}”`);
  if (names.length === 0 && !eventWord) return undefined;

  // Claimants and groups blamed.
  const tied = index.groups.get(incident.id)!;
  const groupsNamed = [...tied.keys()].filter((id) => named.has(id));
  if (groupsNamed.length > 0) {
    score += WEIGHTS.claimant + WEIGHTS.moreClaimants * Math.min(2, groupsNamed.length - 1);
    reasons.push(`${kb.nameOf(groupsNamed[0]!)}, ${tied.get(groupsNamed[0]!)}`);
  }

  // Dates.
  let dated = false;
  const fits = reading.dates.filter((d) => dateFits(d, incident.date) === true);
  const bestFit = fits.sort((a, b) => yearKnown(b) - yearKnown(a) || b.date.length - a.date.length)[0];
  const after = incident.date.length === 10 ? since : undefined;
  if (bestFit) {
    // A year alone is shared by every incident of that year in the same place: it does not date one
    // candidate against a rival resting on the same place.
    dated = bestFit.precision !== 'year';
    const w = !yearKnown(bestFit)
      ? WEIGHTS.dateMonth
      : bestFit.precision === 'day'
        ? WEIGHTS.dateDay
        : bestFit.precision === 'month'
          ? WEIGHTS.dateMonth
          : WEIGHTS.dateYear;
    score += Math.min(w, precisionOf(incident.date));
    reasons.push(describeDate(bestFit));
  } else {
    // A date beside the incident's name or finest place, or in the article's lead, that cannot be the
    // incident's. Not beside a wider place it shares with others ("Srinagar's Zakura area in 2017" says
    // nothing of an incident in Soura).
    const own = windows.filter((_, k) => {
      const i = windowed[k]!;
      return names.includes(i) || mentions[i]!.targetId === finest;
    });
    const against = [...own.flatMap((w) => w.dates), ...reading.leadDates].find((d) =>
      dateContradicts(d, incident.date),
    );
    if (against) {
      score += against.precision === 'year' ? WEIGHTS.contradictingYear : WEIGHTS.contradictingDate;
    }
  }
  if (after !== undefined && after >= -1 && after <= 3) {
    dated = true;
    score += WEIGHTS.publishedDaysAfter;
    if (!bestFit) reasons.push(`article dated ${formatDay(published!)}, ${afterWords(after)}`);
  } else if (after !== undefined && after > 3 && after <= 30) {
    score += WEIGHTS.publishedWeeksAfter;
  } else if (!bestFit && since !== undefined && since > 730) {
    score += WEIGHTS.publishedLongAfter;
  }

  // Targets, tolls, keywords.
  // A target or keyword that the page writes only inside the incident's own name or place
  // ("Civil Hospital" in "Quetta Civil Hospital") repeats that evidence: it counts where it stands apart.
  let ownTexts: string[] | undefined;
  const apart = (phrase: string) => {
    if (!reading.has(phrase)) return false;
    ownTexts ??= [...names, ...anchored.map((p) => p.index)].map((i) => ` ${foldText(mentions[i]!.text)} `);
    const padded = ` ${foldText(phrase)} `;
    const inside = ownTexts.filter((t) => t.includes(padded)).length;
    return inside === 0 || reading.count(phrase) > inside;
  };
  // As the article writes them, in its own language where the pack's word has a translation.
  const targets = (incident.targets ?? []).flatMap((t) => targetForms(t).find(apart) ?? []);
  if (targets.length > 0) {
    score += WEIGHTS.target + WEIGHTS.moreTargets * Math.min(2, targets.length - 1);
    reasons.push(
      `${targets
        .slice(0, 2)
        .map((t) => `“${t}”`)
        .join(', ')} targeted`,
    );
  }
  const toll = incident.tolls.find(
    (t) => t.count >= 3 && [...reading.numbers].some((n) => n >= t.count && n <= (t.countMax ?? t.count)),
  );
  if (toll) {
    score += WEIGHTS.toll;
    reasons.push(`${toll.count} ${toll.kind}, as recorded`);
  }
  const keywords = (incident.keywords ?? []).filter(apart);
  if (keywords.length > 0) {
    score += WEIGHTS.keyword + WEIGHTS.moreKeywords * Math.min(2, keywords.length - 1);
    reasons.push(
      keywords
        .slice(0, 2)
        .map((k) => `“${k}”`)
        .join(', '),
    );
  }

  // Nothing that singles the incident out: not named, placed only in a city or district (where many
  // incidents happen), no date that fits nor an article written within the month, no keyword.
  if (
    names.length === 0 &&
    (best?.role.weight ?? 0) <= WEIGHTS.place.city &&
    !bestFit &&
    !(after !== undefined && after >= -1 && after <= 30) &&
    keywords.length === 0
  )
    score += WEIGHTS.unspecific;

  return {
    incident,
    score,
    reasons,
    mentions: [...names, ...anchored.map((p) => p.index)].sort((a, b) => a - b),
    anchors,
    ...(finest ? { bestAnchor: finest } : {}),
    inLead:
      names.some((i) => (mentions[i]!.at ?? Infinity) < LEAD) ||
      anchored.some(
        (p) => (mentions[p.index]!.at ?? Infinity) < LEAD && mentions[p.index]!.targetId === finest,
      ),
    named: names.length > 0,
    dated,
  };
}

/** A date of the pack's precision cannot count for more than that precision gives. */
function precisionOf(date: string): number {
  return date.length >= 10 ? WEIGHTS.dateDay : date.length >= 7 ? WEIGHTS.dateMonth : WEIGHTS.dateYear;
}

/** Days from 1970-01-01 to a YYYY-MM-DD day: differences of two are `daysBetween` of the two. */
function dayNumber(day: string): number {
  return daysBetween('1970-01-01', day);
}

function yearKnown(d: DateMention): number {
  return d.date.startsWith('--') ? 0 : 1;
}

function describeDate(d: DateMention): string {
  if (!yearKnown(d)) return `“${d.text}”`;
  if (d.relative && d.precision === 'year') return `“${d.text}” (${d.date})`;
  return formatDay(d.date);
}

function afterWords(days: number): string {
  if (days <= 0) return 'the same day';
  if (days === 1) return 'the day after';
  return `${days} days after`;
}
