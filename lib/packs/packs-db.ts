// The installed packs: what the pack manager lists (small rows) and the packs themselves (large), apart.
import Dexie, { type DexieOptions, type EntityTable } from 'dexie';
import type { KnowledgePack } from '../knowledge/pack-types';
import type { PackStats } from '../knowledge/pack-stats';
import type { MatcherBundle } from '../matching/matcher-bundle';

export const PACKS_DB_NAME = 'claimlens-packs';

/** Where an installed pack came from. The bundled pack has a row only to remember that it is disabled. */
export type PackOrigin =
  { type: 'bundled' } | { type: 'file'; fileName: string } | { type: 'url'; url: string };

/** What the server said last time, for conditional requests (ETag / Last-Modified). */
export interface Subscription {
  etag?: string;
  lastModified?: string;
  /** Last time the address was asked (ms since the epoch), whatever the outcome. */
  checkedAt?: number;
  /** Last time a new version was installed from it. */
  changedAt?: number;
  /** Why the last check kept the previous version; cleared by a good check. */
  error?: string;
  /**
   * Restored from a backup and not yet confirmed by the reader: disabled, and its address is never
   * asked until the reader confirms it (PackManager.confirmSubscriptions).
   */
  unconfirmed?: boolean;
}

export interface PackRow {
  /** The pack's own id. */
  id: string;
  name: string;
  version: string;
  updated: string;
  description?: string;
  origin: PackOrigin;
  enabled: boolean;
  /** Order of precedence after the bundled pack: when it was first installed (ms since the epoch). */
  installedAt: number;
  stats: PackStats;
  subscription?: Subscription;
  /** When this pack's content was last written (ms since the epoch): part of the compiled matcher's key. */
  revision?: number;
}

/** The matcher compiled from one set of enabled packs, kept so that a restarted worker need not compile. */
export interface CompiledMatcher {
  /** What it was compiled from (see PackManager.enabled). */
  key: string;
  bundle: MatcherBundle;
}

export interface PackBody {
  id: string;
  pack: KnowledgePack;
}

/**
 * Schema history as in the notes database: every `version(n)` stays declared; a change is a new
 * version with its own upgrade.
 */
export class PacksDatabase extends Dexie {
  rows!: EntityTable<PackRow, 'id'>;
  bodies!: EntityTable<PackBody, 'id'>;
  compiled!: EntityTable<CompiledMatcher, 'key'>;

  /** `name` is for tests, which open a fresh database each. */
  constructor(name = PACKS_DB_NAME, options?: DexieOptions) {
    super(name, options);
    // Version 1, release 0.2: rows by id and installation time; bodies by id.
    this.version(1).stores({ rows: 'id, installedAt', bodies: 'id' });
    // Version 2: the compiled matcher of the enabled packs (a cache: dropping it loses nothing).
    this.version(2).stores({ compiled: 'key' });
  }
}

let shared: PacksDatabase | undefined;

/** The extension's packs database (background worker and extension pages only). */
export function packsDb(): PacksDatabase {
  shared ??= new PacksDatabase();
  return shared;
}
