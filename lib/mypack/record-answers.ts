/** What the background answers the record form: known names to choose from, and how a record went. */
import type { EntityKind } from '../knowledge/pack-types';
import type { Duplicate } from './record';

/** What the form searches for: an incident, or a name for one of the form's fields. */
export type KnownWhat = 'incident' | 'claimant' | 'speaker' | 'channel' | 'place';

export const KNOWN_WHATS: readonly KnownWhat[] = ['incident', 'claimant', 'speaker', 'channel', 'place'];

/** The kinds of entity each field takes (as the pack validator allows them). */
export const KINDS_FOR: Record<Exclude<KnownWhat, 'incident'>, readonly EntityKind[]> = {
  claimant: ['group', 'media', 'organization', 'person'],
  speaker: ['person', 'organization', 'group', 'media'],
  channel: ['media', 'group', 'organization', 'person'],
  place: ['place'],
};

/** A known incident (with its date and place) or entity (with its kind). */
export type KnownHit =
  | { type: 'incident'; id: string; name: string; date: string; place: string }
  | { type: EntityKind; id: string; name: string };

export type RecordAnswer =
  | { ok: true; key: string; incidentId: string; secondSource: boolean }
  | { ok: false; error: string; duplicate?: Duplicate; problems?: string[] };
