/**
 * The knowledge pack format, versions 1 and 2: the types every other module reads. See docs/pack-format.md.
 * Version 2 adds what the incident linker weighs (event kinds, sites, targets, keywords, place types)
 * and the kind of each source; a version-1 pack is read as it is.
 */

/** ISO 8601 calendar date whose length is its precision: "2017-11-17" (day), "2017-11" (month), "2017" (year). */
export type PackDate = string;

export type EntityKind = 'group' | 'media' | 'organization' | 'person' | 'place';

export const ENTITY_KINDS: readonly EntityKind[] = ['group', 'media', 'organization', 'person', 'place'];

export type RelationType =
  | 'media-arm-of'
  | 'affiliate-of'
  | 'branch-of'
  | 'splinter-of'
  | 'merged-into'
  | 'front-of'
  | 'leader-of'
  | 'member-of'
  | 'spokesperson-of'
  | 'part-of'
  | 'located-in';

export const RELATION_TYPES: readonly RelationType[] = [
  'media-arm-of',
  'affiliate-of',
  'branch-of',
  'splinter-of',
  'merged-into',
  'front-of',
  'leader-of',
  'member-of',
  'spokesperson-of',
  'part-of',
  'located-in',
];

/** The formats this version of ClaimLens reads. */
export const FORMAT_VERSIONS = [1, 2] as const;
export type FormatVersion = (typeof FORMAT_VERSIONS)[number];

/** How precise a place is, from a country down to one building or landmark. */
export type PlaceType =
  'region' | 'country' | 'province' | 'district' | 'city' | 'town' | 'neighbourhood' | 'venue' | 'landmark';
export const PLACE_TYPES: readonly PlaceType[] = [
  'region',
  'country',
  'province',
  'district',
  'city',
  'town',
  'neighbourhood',
  'venue',
  'landmark',
];

/** The kind of event an incident was (one or more). */
export type EventKind =
  | 'bombing'
  | 'suicide-bombing'
  | 'vehicle-bombing'
  | 'grenade-attack'
  | 'shooting'
  | 'stabbing'
  | 'vehicle-ramming'
  | 'armed-assault'
  | 'ambush'
  | 'hostage-taking'
  | 'siege'
  | 'massacre'
  | 'kidnapping'
  | 'assassination'
  | 'aircraft-bombing'
  | 'rocket-attack'
  | 'missile-attack'
  | 'drone-attack'
  | 'arson';
export const EVENT_KINDS: readonly EventKind[] = [
  'bombing',
  'suicide-bombing',
  'vehicle-bombing',
  'grenade-attack',
  'shooting',
  'stabbing',
  'vehicle-ramming',
  'armed-assault',
  'ambush',
  'hostage-taking',
  'siege',
  'massacre',
  'kidnapping',
  'assassination',
  'aircraft-bombing',
  'rocket-attack',
  'missile-attack',
  'drone-attack',
  'arson',
];

/** What a source is: who speaks through it. */
export type SourceKind = 'news' | 'official' | 'court' | 'research' | 'claimant';
export const SOURCE_KINDS: readonly SourceKind[] = ['news', 'official', 'court', 'research', 'claimant'];

export type ClaimStance = 'claimed' | 'retracted' | 'denied';
export const CLAIM_STANCES: readonly ClaimStance[] = ['claimed', 'retracted', 'denied'];

export type StatementStance = 'denies' | 'disputes' | 'unverified' | 'confirms' | 'attributes-to';
export const STATEMENT_STANCES: readonly StatementStance[] = [
  'denies',
  'disputes',
  'unverified',
  'confirms',
  'attributes-to',
];

/** How a claim reached the public (GTD's claimmode, widened). */
export type ClaimMode =
  | 'statement'
  | 'news-agency'
  | 'video'
  | 'audio'
  | 'website'
  | 'social-media'
  | 'messaging-app'
  | 'call'
  | 'letter'
  | 'poster'
  | 'interview'
  | 'unknown';
export const CLAIM_MODES: readonly ClaimMode[] = [
  'statement',
  'news-agency',
  'video',
  'audio',
  'website',
  'social-media',
  'messaging-app',
  'call',
  'letter',
  'poster',
  'interview',
  'unknown',
];

export type AliasKind = 'name' | 'acronym' | 'spelling' | 'translation' | 'former' | 'front' | 'nickname';
export const ALIAS_KINDS: readonly AliasKind[] = [
  'name',
  'acronym',
  'spelling',
  'translation',
  'former',
  'front',
  'nickname',
];

export interface Source {
  /** Unique within the pack, e.g. "src-hindustantimes-2017-11-19-zakura". */
  id: string;
  publisher: string;
  title: string;
  /** http(s) only. */
  url: string;
  published?: PackDate;
  /** When the pack author last checked the page. */
  accessed?: PackDate;
  /** Format 2: a news report, an official site, a court record, research, or the claimant's own channel. */
  kind?: SourceKind;
}

export interface AliasObject {
  text: string;
  /** BCP 47 language tag, e.g. "en", "ar", "ur", "hi", "bn". */
  lang?: string;
  kind?: AliasKind;
  /** Matched only with exactly this letter case ("IS", "ISIL"). */
  caseSensitive?: boolean;
  /**
   * Matched only where the page also names the entity (or, unless this is a case-sensitive acronym, a
   * group or media arm related to it) by an alias without this flag ("Islamic State (IS)"; "Jaish"
   * beside a front of Jaish-e-Mohammed). For short acronyms and words that have other meanings ("IS", "Isis").
   */
  needsContext?: boolean;
  /** Period in which the name was in use (former and front names). */
  from?: PackDate;
  until?: PackDate;
}

/** A plain string is an alias with no flags. */
export type Alias = string | AliasObject;

export interface Relation {
  type: RelationType;
  /** Entity id. */
  target: string;
  from?: PackDate;
  until?: PackDate;
  uncertain?: boolean;
  note?: string;
  sources?: string[];
}

export interface Entity {
  /** Unique within the pack: "<kind>-<slug>" by convention, e.g. "group-islamic-state". */
  id: string;
  kind: EntityKind;
  /** The name shown to readers. Also matched on pages. */
  name: string;
  aliases?: Alias[];
  /** One or two neutral sentences in the pack author's own words. */
  description?: string;
  relations?: Relation[];
  /** Wikidata item id, e.g. "Q2429253". */
  wikidata?: string;
  /** Format 2, places only: how precise the place is. Its broader place is its `located-in` relation. */
  placeType?: PlaceType;
  sources?: string[];
}

export interface Toll {
  kind: 'killed' | 'injured' | 'missing' | 'abducted';
  count: number;
  /** For a range ("253 to 259"). */
  countMax?: number;
  qualifier?: 'exact' | 'at-least' | 'about' | 'up-to';
  /** Who: "police sub-inspector", "civilians", "attackers". */
  who?: string;
  /** When this figure was reported: tolls change over time. */
  asOf: PackDate;
  uncertain?: boolean;
  note?: string;
  sources: string[];
}

export interface Claim {
  /** Entity id of the outfit that claimed, retracted or denied. */
  claimant: string;
  /** Entity id of the channel the claim came through (a media arm such as Amaq). */
  channel?: string;
  mode?: ClaimMode;
  date?: PackDate;
  stance: ClaimStance;
  /** What was claimed, in the pack author's own neutral words. */
  summary: string;
  /** The attribution itself is doubtful (GTD's guncertain). */
  uncertain?: boolean;
  sources: string[];
}

export interface Statement {
  /** Entity id of the person or body that spoke. */
  speaker: string;
  /** Entity id of the body the speaker spoke for. */
  onBehalfOf?: string;
  /** The speaker's role at the time: "Director General of Police". */
  role?: string;
  date?: PackDate;
  stance: StatementStance;
  /** Entity id the statement is about (the group whose claim or presence is denied). */
  about?: string;
  /** For stance "attributes-to": the entity ids the speaker named as responsible. */
  attributedTo?: string[];
  /** A short verbatim quote (a few words), only where the exact words matter. */
  quote?: string;
  /** What was said, in the pack author's own words. */
  paraphrase: string;
  uncertain?: boolean;
  sources: string[];
}

/** A statement about an entity rather than an incident ("IS has no presence in the Valley"). */
export interface EntityStatement extends Statement {
  /** Entity id the statement is about. */
  about: string;
}

export interface Incident {
  /** Unique within the pack: "incident-<place>-<yyyy>" by convention. */
  id: string;
  name: string;
  /** Names the incident goes by in the press ("Zakura attack"). Matched on pages. */
  aliases?: Alias[];
  date: PackDate;
  /** Entity id (kind "place") of the most specific place: the evidence matcher relies on it. */
  place: string;
  /** Broader places (district, city, country), entity ids of kind "place". */
  region?: string[];
  /** Words a report uses for the event ("attack", "encounter", "bombings"); defaults cover the usual. */
  eventWords?: string[];
  /** Format 2: the kinds of event it was (a hostage-taking that began with a shooting: both). */
  kinds?: EventKind[];
  /**
   * Format 2: places finer than `place` where it happened — venues, landmarks, neighbourhoods
   * ("Crocus City Hall", "Baisaran meadow", "Abbey Gate") — entity ids of kind "place".
   */
  sites?: string[];
  /** Format 2: who or what was attacked, in plain words a report uses ("tourists", "convoy", "church"). */
  targets?: string[];
  /**
   * Format 2: words or phrases true of this incident that reports use and its look-alikes do not
   * ("Bastille Day", "Easter Sunday", "school bus"). Never a string copied from one article.
   */
  keywords?: string[];
  tolls?: Toll[];
  summary: string;
  claims: Claim[];
  statements: Statement[];
  /** Cautions a reader should see ("the claim named the wrong victim"). Own words. */
  caveats?: string[];
  sources?: string[];
}

export interface KnowledgePack {
  format: 'claimlens-pack';
  formatVersion: FormatVersion;
  /** Stable id of the pack, e.g. "claimlens-default". */
  id: string;
  name: string;
  /** Version of the pack's content (semver). */
  version: string;
  /** Date of this version. */
  updated: PackDate;
  description?: string;
  license?: string;
  homepage?: string;
  sources: Source[];
  entities: Entity[];
  incidents: Incident[];
  statements?: EntityStatement[];
}

/** One file of a pack's source tree: any subset of the pack's lists (see lib/knowledge/pack-assembly.ts). */
export interface PackPart {
  sources?: Source[];
  entities?: Entity[];
  incidents?: Incident[];
  statements?: EntityStatement[];
}
