/** Neutral words for the pack's codes, as readers see them in a tooltip. */
import type {
  ClaimMode,
  ClaimStance,
  EntityKind,
  RelationType,
  StatementStance,
} from '../lib/knowledge/pack-types';

export const CLAIM_STANCE_LABEL: Record<ClaimStance, string> = {
  claimed: 'claimed',
  retracted: 'retracted its claim',
  denied: 'denied involvement',
};

export const STATEMENT_STANCE_LABEL: Record<StatementStance, string> = {
  denies: 'denies',
  disputes: 'disputes',
  unverified: 'calls it unverified',
  confirms: 'confirms',
  'attributes-to': 'attributes it to',
};

export const CLAIM_MODE_LABEL: Record<ClaimMode, string> = {
  statement: 'statement',
  'news-agency': 'news agency',
  video: 'video',
  audio: 'audio message',
  website: 'website',
  'social-media': 'social media',
  'messaging-app': 'messaging app',
  call: 'phone call',
  letter: 'letter',
  poster: 'poster',
  interview: 'interview',
  unknown: 'channel unknown',
};

export const KIND_LABEL: Record<EntityKind | 'incident', string> = {
  group: 'Group',
  media: 'Media outlet',
  organization: 'Organisation',
  person: 'Person',
  place: 'Place',
  incident: 'Incident',
};

/** Relation as read from this entity ("out") or from the other side ("in"). */
export const RELATION_LABEL: Record<RelationType, { out: string; in: string }> = {
  'media-arm-of': { out: 'media arm of', in: 'media arm:' },
  'affiliate-of': { out: 'affiliate of', in: 'affiliate:' },
  'branch-of': { out: 'branch of', in: 'branch:' },
  'splinter-of': { out: 'split from', in: 'splinter group:' },
  'merged-into': { out: 'merged into', in: 'absorbed' },
  'front-of': { out: 'said to be a front of', in: 'said to have as front:' },
  'leader-of': { out: 'leader of', in: 'led by' },
  'member-of': { out: 'member of', in: 'member:' },
  'spokesperson-of': { out: 'spokesperson of', in: 'spokesperson:' },
  'part-of': { out: 'part of', in: 'includes' },
  'located-in': { out: 'in', in: 'includes' },
};
