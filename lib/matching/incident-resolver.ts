/**
 * Decides which known incidents an article is about, from its names ("Zakura attack") or from
 * evidence (place + event word + a date that fits), with a confidence and the reasons, in words.
 */
import { daysBetween, formatDay } from '../calendar';
import { competingClaimants, type KnowledgeBase } from '../knowledge/knowledge-base';
import type { MergedIncident } from '../knowledge/pack-merge';
import { foldText } from './normalise';
import { findDates, type DateMention } from './date-mentions';

/** Below this, nothing is claimed about the article. */
export const INCIDENT_THRESHOLD = 0.6;

export const DEFAULT_EVENT_WORDS = [
  'attack',
  'attacks',
  'attacked',
  'encounter',
  'gunfight',
  'firefight',
  'blast',
  'blasts',
  'bombing',
  'bombings',
  'bomb',
  'explosion',
  'explosions',
  'ambush',
  'ambushed',
  'shootout',
  'shooting',
  'killed',
  'grenade',
  'raid',
  'clash',
  'massacre',
  'suicide',
  'militants',
  'fired',
  'operation',
];

/** One place or incident name found on the page, with the text around it. */
export interface EvidenceMention {
  targetId: string;
  /** The paragraph (or a window of it) the name was found in. */
  context: string;
  /** Where the name starts inside `context`. */
  offset: number;
  /** The name as the page writes it. */
  text: string;
}

export interface IncidentEvidence {
  /** Calendar day the article was published (YYYY-MM-DD), from metadata or its dateline. */
  published?: string;
  mentions: EvidenceMention[];
  /** Ids of every entity named on the page. */
  entityIds: string[];
}

export interface IncidentMatch {
  id: string;
  name: string;
  confidence: number;
  /** The reasons, as a reader reads them: "“Zakura” + “attack” + 17 Nov 2017". */
  why: string;
  /** Indexes into evidence.mentions that support the match (drawn as incident marks). */
  mentions: number[];
  competingClaimants: number;
}

interface Candidate {
  score: number;
  reasons: string[];
  mentions: number[];
}

/**
 * Whether the article's date can change what `resolveIncidents` finds: some incident is named, or a
 * place is named in the same sentence as an event word of an incident that happened there. A page
 * that only mentions a city in passing never needs its date read.
 */
export function dateCanMatter(kb: KnowledgeBase, mentions: readonly EvidenceMention[]): boolean {
  return mentions.some((mention) => {
    const window = sentenceOf(mention);
    for (const incident of kb.incidents.values()) if (bearing(incident, mention, window)) return true;
    return false;
  });
}

/**
 * How a mention bears on an incident, the one rule both `dateCanMatter` and `resolveIncidents` use: it
 * names the incident, or it names the incident's place with one of its event words in the sentence
 * around it (`sentenceWindow`). `window` gives that text (made once per mention, only when needed).
 */
function bearing(
  incident: Pick<MergedIncident, 'id' | 'place' | 'eventWords'>,
  mention: EvidenceMention,
  window: () => string,
): { named: true } | { eventWord: string; window: string } | undefined {
  if (mention.targetId === incident.id) return { named: true };
  if (mention.targetId !== incident.place) return undefined;
  const sentence = window();
  const eventWord = findEventWord(sentence, incident.eventWords);
  return eventWord ? { eventWord, window: sentence } : undefined;
}

/** The sentence around a mention, made on first use and kept. */
function sentenceOf(mention: EvidenceMention): () => string {
  let window: string | undefined;
  return () => (window ??= sentenceWindow(mention.context, mention.offset));
}

export function resolveIncidents(kb: KnowledgeBase, evidence: IncidentEvidence): IncidentMatch[] {
  const matches: IncidentMatch[] = [];
  const named = new Set(evidence.entityIds);
  for (const incident of kb.incidents.values()) {
    // An article cannot report an incident that happened after it was published.
    if (
      evidence.published &&
      daysBetween(incident.date.padEnd(10, '-01').slice(0, 10), evidence.published) < 0
    )
      continue;
    let best: Candidate | undefined;
    const consider = (c: Candidate) => {
      if (!best || c.score > best.score)
        best = { ...c, mentions: [...new Set([...(best?.mentions ?? []), ...c.mentions])] };
      else best.mentions = [...new Set([...best.mentions, ...c.mentions])];
    };

    evidence.mentions.forEach((mention, index) => {
      const found = bearing(incident, mention, sentenceOf(mention));
      if (!found) return;
      if ('named' in found) {
        consider({
          score: 0.9,
          reasons: [`named “${mention.text.slice(0, 80) || incident.name}”`],
          mentions: [index],
        });
        return;
      }
      const { eventWord, window } = found;
      const place = `“${mention.text.slice(0, 80) || kb.nameOf(incident.place)}”`;
      const dates = findDates(window, evidence.published).filter((d) => d.precision === 'day');
      const fitting = dates.find((d) => fits(d, incident.date));
      if (fitting) {
        consider({
          score: 0.85,
          reasons: [place, `“${eventWord}”`, formatDay(fitting.date)],
          mentions: [index],
        });
      } else if (dates.length === 0 && evidence.published && incident.date.length === 10) {
        const after = daysBetween(incident.date, evidence.published);
        if (after >= 0 && after <= 3)
          consider({
            score: 0.65,
            reasons: [
              place,
              `“${eventWord}”`,
              `article dated ${formatDay(evidence.published)}, ${after} day${after === 1 ? '' : 's'} after ${formatDay(incident.date)}`,
            ],
            mentions: [index],
          });
      }
      // A date that does not fit (or no date and an article from another time) is no evidence.
    });

    const candidate = best as Candidate | undefined;
    if (!candidate) continue;
    const claimantsNamed = [...new Set(incident.claims.map((c) => c.claimant))].filter((id) => named.has(id));
    if (claimantsNamed.length > 0) {
      candidate.score = Math.min(0.99, candidate.score + 0.05 * Math.min(3, claimantsNamed.length));
      candidate.reasons.push(
        `names ${claimantsNamed.map((id) => kb.nameOf(id)).join(', ')}, which claimed it`,
      );
    }
    if (candidate.score < INCIDENT_THRESHOLD) continue;
    matches.push({
      id: incident.id,
      name: incident.name,
      confidence: Math.round(candidate.score * 100) / 100,
      why: candidate.reasons.join(' + '),
      mentions: candidate.mentions,
      competingClaimants: competingClaimants(incident),
    });
  }
  return matches.sort((a, b) => b.confidence - a.confidence);
}

function fits(mention: DateMention, incidentDate: string): boolean {
  if (incidentDate.length < 10) return mention.date.startsWith(incidentDate);
  return Math.abs(daysBetween(incidentDate, mention.date)) <= 1;
}

/** The sentence around `offset`, with the one before and after: where a report puts place, event and date. */
export function sentenceWindow(text: string, offset: number): string {
  const ends = /[.!?](?=\s+[A-Z“"(]|\s*$)|\n/g;
  const boundaries = [0];
  for (let m = ends.exec(text); m; m = ends.exec(text)) boundaries.push(m.index + 1);
  boundaries.push(text.length);
  let i = boundaries.findIndex((b) => b > offset);
  if (i < 0) i = boundaries.length - 1;
  const start = boundaries[Math.max(0, i - 2)]!;
  const end = boundaries[Math.min(boundaries.length - 1, i + 1)]!;
  return text.slice(start, end);
}

export function findEventWord(text: string, extra: readonly string[] = []): string | undefined {
  const words = ` ${foldText(text)} `;
  for (const word of [...extra, ...DEFAULT_EVENT_WORDS]) {
    const folded = foldText(word);
    if (folded && words.includes(` ${folded} `)) return word;
  }
  return undefined;
}
