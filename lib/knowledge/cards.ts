/** What a tooltip shows: self-contained views of an entity or an incident, names and sources resolved. */
import type { ClaimMode, ClaimStance, EntityKind, RelationType, StatementStance } from './pack-types';

/** Which packs said it (pack names): shown beside the item when a card draws on more than one pack. */
interface FromPacks {
  packs?: string[];
}

export interface SourceView {
  publisher: string;
  title: string;
  url: string;
  /** The pack that cited it: shown when an item's sources come from more than one pack. */
  pack?: string;
  published?: string;
}

export interface ClaimView extends FromPacks {
  claimantId: string;
  claimant: string;
  channel?: string;
  mode?: ClaimMode;
  date?: string;
  stance: ClaimStance;
  summary: string;
  uncertain?: boolean;
  sources: SourceView[];
}

export interface StatementView extends FromPacks {
  speakerId: string;
  speaker: string;
  role?: string;
  onBehalfOf?: string;
  date?: string;
  stance: StatementStance;
  about?: string;
  attributedTo?: string[];
  quote?: string;
  paraphrase: string;
  uncertain?: boolean;
  /** For a statement made about an incident, shown on a group's card: which incident. */
  incident?: string;
  sources: SourceView[];
}

export interface TollView extends FromPacks {
  kind: 'killed' | 'injured' | 'missing' | 'abducted';
  count: number;
  countMax?: number;
  qualifier?: 'exact' | 'at-least' | 'about' | 'up-to';
  who?: string;
  asOf: string;
  uncertain?: boolean;
  note?: string;
  sources: SourceView[];
}

export interface RelationView extends FromPacks {
  type: RelationType;
  /** "out": this entity → target ("media arm of IS"); "in": target → this entity ("its media arm: Amaq"). */
  direction: 'out' | 'in';
  otherId: string;
  other: string;
  from?: string;
  until?: string;
  uncertain?: boolean;
}

export interface IncidentCard {
  type: 'incident';
  id: string;
  name: string;
  date: string;
  place: string;
  region: string[];
  summary: string;
  tolls: TollView[];
  claims: ClaimView[];
  /** Distinct outfits that claimed (stance "claimed"); more than one is a conflict. */
  competingClaimants: number;
  statements: StatementView[];
  caveats: string[];
  /** Every pack that knows the incident, first the one whose summary is shown. */
  packs: string[];
  /** The newest `updated` date of those packs: what came later may be missing from the card. */
  packsAsOf?: string;
}

export interface EntityCard {
  type: 'entity';
  id: string;
  kind: EntityKind;
  name: string;
  aliases: string[];
  description?: string;
  relations: RelationView[];
  claimedIncidents: { id: string; name: string; date: string; stance: ClaimStance; competing: boolean }[];
  statements: StatementView[];
  wikidata?: string;
  packs: string[];
  /** The newest `updated` date of the packs that know the entity. */
  packsAsOf?: string;
}

export type Card = IncidentCard | EntityCard;

/** How strong the evidence that a page is about an incident is, in a word (it says nothing of who did it). */
export type EvidenceStrength = 'strong' | 'fair' | 'some';

/** The linker's confidence in words: strong from 0.9, fair from 0.75, else some (the threshold is 0.55). */
export function evidenceStrength(confidence: number): EvidenceStrength {
  return confidence >= 0.9 ? 'strong' : confidence >= 0.75 ? 'fair' : 'some';
}
