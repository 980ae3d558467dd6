/** Neutral words for the pack's codes and the highlight colours: keys of public/_locales messages. */
import type {
  ClaimMode,
  ClaimStance,
  EntityKind,
  EventKind,
  RelationType,
  StatementStance,
} from '../lib/knowledge/pack-types';
import type { ColorId } from '../lib/notes/note-types';
import type { StatementView } from '../lib/knowledge/cards';
import type { OfficialPosition } from '../lib/knowledge/conflict-summary';
import type { Translate } from '../lib/i18n';

export const CLAIM_STANCE_LABEL: Record<ClaimStance, string> = {
  claimed: 'claimStanceClaimed',
  retracted: 'claimStanceRetracted',
  denied: 'claimStanceDenied',
};

export const STATEMENT_STANCE_LABEL: Record<StatementStance, string> = {
  denies: 'statementStanceDenies',
  disputes: 'statementStanceDisputes',
  unverified: 'statementStanceUnverified',
  confirms: 'statementStanceConfirms',
  'attributes-to': 'statementStanceAttributesTo',
};

export const CLAIM_MODE_LABEL: Record<ClaimMode, string> = {
  statement: 'claimModeStatement',
  'news-agency': 'claimModeNewsAgency',
  video: 'claimModeVideo',
  audio: 'claimModeAudio',
  website: 'claimModeWebsite',
  'social-media': 'claimModeSocialMedia',
  'messaging-app': 'claimModeMessagingApp',
  call: 'claimModeCall',
  letter: 'claimModeLetter',
  poster: 'claimModePoster',
  interview: 'claimModeInterview',
  unknown: 'claimModeUnknown',
};

export const KIND_LABEL: Record<EntityKind | 'incident', string> = {
  group: 'kindGroup',
  media: 'kindMedia',
  organization: 'kindOrganization',
  person: 'kindPerson',
  place: 'kindPlace',
  incident: 'kindIncident',
};

/** Relation as read from this entity ("out") or from the other side ("in"). */
export const RELATION_LABEL: Record<RelationType, { out: string; in: string }> = {
  'media-arm-of': { out: 'relationMediaArmOfOut', in: 'relationMediaArmOfIn' },
  'affiliate-of': { out: 'relationAffiliateOfOut', in: 'relationAffiliateOfIn' },
  'branch-of': { out: 'relationBranchOfOut', in: 'relationBranchOfIn' },
  'splinter-of': { out: 'relationSplinterOfOut', in: 'relationSplinterOfIn' },
  'merged-into': { out: 'relationMergedIntoOut', in: 'relationMergedIntoIn' },
  'front-of': { out: 'relationFrontOfOut', in: 'relationFrontOfIn' },
  'leader-of': { out: 'relationLeaderOfOut', in: 'relationLeaderOfIn' },
  'member-of': { out: 'relationMemberOfOut', in: 'relationMemberOfIn' },
  'spokesperson-of': { out: 'relationSpokespersonOfOut', in: 'relationSpokespersonOfIn' },
  'part-of': { out: 'relationPartOfOut', in: 'relationPartOfIn' },
  'located-in': { out: 'relationLocatedInOut', in: 'relationLocatedInIn' },
};

export const COLOR_LABEL: Record<ColorId, string> = {
  highlight: 'colorHighlight',
  claim: 'colorClaim',
  official: 'colorOfficial',
  disputed: 'colorDisputed',
  'follow-up': 'colorFollowUp',
};

/** A colour's name: the reader's own (options page) where set, else the default in the reader's language. */
export function colorName(t: Translate, id: string, own?: Partial<Record<string, string>>): string {
  return own?.[id] ?? (id in COLOR_LABEL ? t(COLOR_LABEL[id as ColorId]) : id);
}

const OFFICIAL_PHRASE: Record<
  Exclude<StatementStance, 'attributes-to'>,
  [claim: string, about: string, bare: string]
> = {
  denies: ['officialDeniedClaim', 'officialDeniedAbout', 'officialDenied'],
  disputes: ['officialDisputedClaim', 'officialDisputedAbout', 'officialDisputed'],
  unverified: ['officialUnverifiedClaim', 'officialUnverifiedAbout', 'officialUnverified'],
  confirms: ['officialConfirmedClaim', 'officialConfirmedAbout', 'officialConfirmed'],
};

/**
 * What an official said, in neutral words that read as a sentence: "called the Islamic State claim
 * unverified", "attributed it to National Thowheed Jamath", "denied involvement".
 */
export function officialPhrase(t: Translate, p: OfficialPosition): string {
  if (p.stance === 'attributes-to') return t('officialAttributed', p.object ?? '');
  if (p.stance === 'denies' && p.aboutItself) return t('officialDeniedInvolvement');
  const [claim, about, bare] = OFFICIAL_PHRASE[p.stance];
  if (!p.object) return t(bare);
  return t(p.aboutClaimant ? claim : about, p.object);
}

/** A statement as a position, for officialPhrase (`claimants`: names of the outfits that claimed the incident). */
export function positionOf(s: StatementView, claimants?: ReadonlySet<string>): OfficialPosition {
  const object = s.stance === 'attributes-to' ? s.attributedTo?.join(', ') : s.about;
  return {
    stance: s.stance,
    object,
    aboutClaimant: s.stance !== 'attributes-to' && !!s.about && !!claimants?.has(s.about),
    aboutItself: !!s.about && s.about === (s.onBehalfOf ?? s.speaker),
  };
}

/** The kinds of event an incident was, in the reader's words (the pack keeps the codes). */
export const EVENT_KIND_LABEL: Record<EventKind, string> = {
  bombing: 'eventKindBombing',
  'suicide-bombing': 'eventKindSuicideBombing',
  'vehicle-bombing': 'eventKindVehicleBombing',
  'grenade-attack': 'eventKindGrenadeAttack',
  shooting: 'eventKindShooting',
  stabbing: 'eventKindStabbing',
  'vehicle-ramming': 'eventKindVehicleRamming',
  'armed-assault': 'eventKindArmedAssault',
  ambush: 'eventKindAmbush',
  'hostage-taking': 'eventKindHostageTaking',
  siege: 'eventKindSiege',
  massacre: 'eventKindMassacre',
  kidnapping: 'eventKindKidnapping',
  assassination: 'eventKindAssassination',
  'aircraft-bombing': 'eventKindAircraftBombing',
  'rocket-attack': 'eventKindRocketAttack',
  'missile-attack': 'eventKindMissileAttack',
  'drone-attack': 'eventKindDroneAttack',
  arson: 'eventKindArson',
};
