/** Neutral words for the pack's codes and the highlight colours: keys of public/_locales messages. */
import type {
  ClaimMode,
  ClaimStance,
  EntityKind,
  RelationType,
  StatementStance,
} from '../lib/knowledge/pack-types';
import type { ColorId } from '../lib/notes/note-types';
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
