/**
 * The pack linter: advisory checks of a valid pack's quality that the validator does not make —
 * names that would mark ordinary text, venues hidden as aliases of a neighbourhood, unused places,
 * summaries that name a group no claim or statement mentions, and relations without dates.
 */
import { editDistance } from '../anchoring/edit-distance';
import { caseSkeleton, foldText } from '../matching/normalise';
import { EVENT_WORDS, EVERYDAY_WORDS, GIVEN_NAMES, SURNAMES } from './everyday-names';
import type { Alias, AliasObject, Entity, Incident, KnowledgePack } from './pack-types';
import { DATED_RELATION_TYPES, lacksDates } from './relation-dates';

export type LintRule =
  | 'everyday-name'
  | 'alias-names-other-place'
  | 'unused-place'
  | 'summary-names-unmentioned-group'
  | 'relation-without-dates';

export interface LintFinding {
  rule: LintRule;
  /** Id of the entity or incident the finding is about. */
  subject: string;
  message: string;
}

/** Words that say a name is a building or site of its own, not another name of a town or district. */
const VENUE_WORDS = new Set(
  `airport gate hotel resort museum mosque masjid church cathedral temple shrine gurdwara synagogue
  university college school madrasa madrassa hospital mall market bazaar nightclub club bar cafe
  bakery restaurant stadium arena theatre theater station terminal barracks embassy consulate
  parliament meadow park beach square bridge tower plaza building compound office`.split(/\s+/),
);

const LATIN_WORD = /^[a-z0-9]+$/;
const words = (text: string) => foldText(text).split(' ').filter(Boolean);
const aliasObject = (alias: Alias): AliasObject => (typeof alias === 'string' ? { text: alias } : alias);

/**
 * Why a name would mark ordinary text, or null when it would not: an everyday word on its own or
 * with an event word ("Nice", "Nice attack"), a phrase of everyday words ("Crisis Group"), a given
 * name or surname on its own ("Gulshan", "Mali"), or a given name and a surname ("Imran Khan").
 */
export function everydayReason(text: string): string | null {
  const all = words(text);
  if (all.length === 0 || !all.every((w) => LATIN_WORD.test(w))) return null;
  const core = all.filter((w) => !EVENT_WORDS.has(w));
  const isName = (w: string) => GIVEN_NAMES.has(w) || SURNAMES.has(w);
  if (core.length === 1 && EVERYDAY_WORDS.has(core[0]!)) return `"${core[0]}" is an everyday word`;
  if (all.length === 1 && isName(all[0]!)) return `"${all[0]}" is a common given name or surname`;
  if (core.length > 1 && core.every((w) => EVERYDAY_WORDS.has(w))) return 'it is made of everyday words';
  if (all.length === 2 && all.every(isName)) return 'many people share this name';
  return null;
}

function everydayFindings(subject: { id: string; name: string; aliases?: Alias[] }): LintFinding[] {
  const findings: LintFinding[] = [];
  const nameReason = everydayReason(subject.name);
  if (nameReason) {
    findings.push({
      rule: 'everyday-name',
      subject: subject.id,
      message: `name "${subject.name}" is matched without flags and ${nameReason}: give a fuller name and list this one as an alias with caseSensitive or needsContext`,
    });
  }
  for (const alias of (subject.aliases ?? []).map(aliasObject)) {
    if (alias.caseSensitive || alias.needsContext) continue;
    const reason = everydayReason(alias.text);
    if (reason) {
      findings.push({
        rule: 'everyday-name',
        subject: subject.id,
        message: `alias "${alias.text}" has neither caseSensitive nor needsContext and ${reason}`,
      });
    }
  }
  return findings;
}

/** Two spellings of one name: close enough that one is a respelling of the other. */
function respelling(a: string, b: string): boolean {
  const longest = Math.max(a.length, b.length);
  return editDistance(a, b, Math.ceil(longest * 0.35)) <= longest * 0.35;
}

function otherPlaceFindings(place: Entity): LintFinding[] {
  const findings: LintFinding[] = [];
  if (place.placeType === 'venue' || place.placeType === 'landmark') return findings;
  const nameWords = new Set(words(place.name));
  const latin = (place.aliases ?? [])
    .map(aliasObject)
    .filter((a) => (!a.lang || a.lang === 'en') && words(a.text).every((w) => LATIN_WORD.test(w)));
  // Names of the place itself: its name, aliases whose kind says so, and (repeatedly) any alias that
  // shares a word with one of these or respells one. What is left names something else.
  const own = [place.name, ...latin.filter((a) => a.kind).map((a) => a.text)];
  let rest = latin.filter((a) => !a.kind);
  for (let grew = true; grew;) {
    grew = false;
    for (const alias of rest) {
      const aliasWords = words(alias.text);
      const tied = own.some(
        (n) => words(n).some((w) => aliasWords.includes(w)) || respelling(foldText(n), foldText(alias.text)),
      );
      if (tied) {
        own.push(alias.text);
        rest = rest.filter((a) => a !== alias);
        grew = true;
      }
    }
  }
  for (const alias of latin) {
    const venueWord = words(alias.text).find((w) => VENUE_WORDS.has(w) && !nameWords.has(w));
    if (venueWord) {
      findings.push({
        rule: 'alias-names-other-place',
        subject: place.id,
        message: `alias "${alias.text}" names a ${venueWord}, not ${place.name}: make it a place of its own (placeType venue or landmark) located-in ${place.id}`,
      });
    } else if (rest.includes(alias)) {
      findings.push({
        rule: 'alias-names-other-place',
        subject: place.id,
        message: `alias "${alias.text}" shares no word with ${place.name}'s names: if it is a site inside it, make it a place of its own located-in ${place.id}; if it is another name of the same place, say so with kind "name", "spelling" or "former"`,
      });
    }
  }
  return findings;
}

/** Every entity id the pack refers to anywhere (incidents, relations, claims, statements). */
function referencedIds(pack: KnowledgePack): Set<string> {
  const used = new Set<string>();
  const add = (...ids: (string | undefined)[]) => ids.forEach((id) => id && used.add(id));
  for (const entity of pack.entities) for (const r of entity.relations ?? []) add(r.target);
  const statements = [...(pack.statements ?? []), ...pack.incidents.flatMap((i) => i.statements)];
  for (const s of statements) add(s.speaker, s.onBehalfOf, s.about, ...(s.attributedTo ?? []));
  for (const incident of pack.incidents) {
    add(incident.place, ...(incident.region ?? []), ...(incident.sites ?? []));
    for (const c of incident.claims) add(c.claimant, c.channel);
  }
  return used;
}

/** A plain name as whole words of `text`: folded, or with its letter case when the alias demands it. */
function occurrences(alias: AliasObject, folded: string, skeleton: string): { start: number; end: number }[] {
  const hay = alias.caseSensitive ? skeleton : folded;
  const needle = alias.caseSensitive ? skeletonWords(alias.text) : foldText(alias.text);
  const found: { start: number; end: number }[] = [];
  if (!needle) return found;
  for (let at = hay.indexOf(` ${needle} `); at >= 0; at = hay.indexOf(` ${needle} `, at + 1)) {
    found.push({ start: at + 1, end: at + 1 + needle.length });
  }
  return found;
}

/** Words with their letter case, accents dropped, one space between: "ISIL's" → "ISIL s". */
const skeletonWords = (text: string) =>
  text
    .split(/[^\p{L}\p{N}]+/u)
    .map(caseSkeleton)
    .filter(Boolean)
    .join(' ');

/**
 * Groups that `text` names, as the page matcher would see them: flagged-for-context aliases are left
 * out and, where names overlap, the longest wins ("Pakistani Taliban" is not also "Taliban").
 * Folded and case-kept forms keep the same word boundaries only for Latin text; that is what summaries are.
 */
function groupsNamed(groups: readonly Entity[], text: string): Map<string, string> {
  const folded = ` ${foldText(text)} `;
  const skeleton = ` ${skeletonWords(text)} `;
  const hits: { id: string; text: string; start: number; end: number }[] = [];
  for (const group of groups) {
    for (const alias of [group.name, ...(group.aliases ?? [])].map(aliasObject)) {
      if (alias.needsContext) continue;
      for (const span of occurrences(alias, folded, skeleton))
        hits.push({ id: group.id, text: alias.text, ...span });
    }
  }
  hits.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: typeof hits = [];
  for (const hit of hits) if (!kept.some((k) => hit.start < k.end && k.start < hit.end)) kept.push(hit);
  return new Map(kept.map((k) => [k.id, k.text]));
}

/** Groups tied to a group as branch, affiliate, front, merger or splinter, in either direction. */
function kinGroups(pack: KnowledgePack): Map<string, Set<string>> {
  const kin = new Map<string, Set<string>>();
  const link = (a: string, b: string) => {
    if (!kin.has(a)) kin.set(a, new Set());
    kin.get(a)!.add(b);
  };
  for (const entity of pack.entities) {
    for (const r of entity.relations ?? []) {
      if (
        ['branch-of', 'affiliate-of', 'front-of', 'merged-into', 'splinter-of', 'media-arm-of'].includes(
          r.type,
        )
      ) {
        link(entity.id, r.target);
        link(r.target, entity.id);
      }
    }
  }
  return kin;
}

function summaryFindings(
  incident: Incident,
  groups: readonly Entity[],
  kin: Map<string, Set<string>>,
): LintFinding[] {
  const mentioned = new Set<string>();
  for (const c of incident.claims) [c.claimant, c.channel].forEach((id) => id && mentioned.add(id));
  for (const s of incident.statements) {
    [s.speaker, s.onBehalfOf, s.about, ...(s.attributedTo ?? [])].forEach((id) => id && mentioned.add(id));
  }
  const findings: LintFinding[] = [];
  for (const [id, named] of groupsNamed(groups, incident.summary)) {
    if (mentioned.has(id) || [...(kin.get(id) ?? [])].some((k) => mentioned.has(k))) continue;
    findings.push({
      rule: 'summary-names-unmentioned-group',
      subject: incident.id,
      message: `summary names "${named}" (${id}) but no claim or statement mentions it: add the claim or statement the summary relies on, or say who said it`,
    });
  }
  return findings;
}

/** Lints a valid pack; findings come in the pack's order. An empty list is a clean pack. */
export function lintPack(pack: KnowledgePack): LintFinding[] {
  const findings: LintFinding[] = [];
  const used = referencedIds(pack);
  for (const entity of pack.entities) {
    findings.push(...everydayFindings(entity));
    if (entity.kind === 'place') {
      findings.push(...otherPlaceFindings(entity));
      if (!used.has(entity.id)) {
        findings.push({
          rule: 'unused-place',
          subject: entity.id,
          message: `no incident has ${entity.name} as its place, region or site and no entity relates to it`,
        });
      }
    }
    for (const relation of entity.relations ?? []) {
      if (lacksDates(relation)) {
        findings.push({
          rule: 'relation-without-dates',
          subject: entity.id,
          message: `${relation.type} ${relation.target} has no date: give "from" (and "until" once it ended); ${DATED_RELATION_TYPES.join(', ')} relations change over time`,
        });
      }
    }
  }
  const groups = pack.entities.filter((e) => e.kind === 'group');
  const kin = kinGroups(pack);
  for (const incident of pack.incidents) {
    findings.push(...everydayFindings(incident));
    findings.push(...summaryFindings(incident, groups, kin));
  }
  return findings;
}

/** One finding a line: "rule  subject: message". */
export function formatFindings(findings: readonly LintFinding[]): string {
  return findings.map((f) => `${f.rule}  ${f.subject}: ${f.message}`).join('\n');
}
