/**
 * The reader's packs: the bundled one and those installed from a file or subscribed to by address.
 * Every change is validated first and written in one transaction (all or nothing), then announced
 * once through `onChange`, after which the background rebuilds its matcher once.
 */
import type { KnowledgePack } from '../knowledge/pack-types';
import { packStats } from '../knowledge/pack-stats';
import { formatProblems, validatePack, type PackProblem } from '../knowledge/pack-validator';
import { toStorageError } from '../notes/storage-errors';
import { localize, localizeCount } from '../reader-messages';
import { fetchPack, MAX_PACK_BYTES, megabytes, type FetchPackOptions } from './pack-fetch';
import type { PackOrigin, PackRow, PacksDatabase } from './packs-db';
import type { MatcherBundle } from '../matching/matcher-bundle';
import { provenanceLabels, reservedPackProblem } from './pack-provenance';

export type InstallResult =
  { ok: true; row: PackRow; replaced?: PackRow } | { ok: false; error: string; problems?: PackProblem[] };

export interface CheckResult {
  id: string;
  name: string;
  status: 'unchanged' | 'updated' | 'failed';
  version: string;
  error?: string;
}

export interface PackManagerOptions {
  now?: () => number;
  fetch?: FetchPackOptions['fetch'];
  /** How long one pack's answer may take in all (default FETCH_TIMEOUT_MS). */
  timeoutMs?: number;
  /** Called once after every change that alters what is enabled or what the packs say. */
  onChange?: () => void | Promise<void>;
}

export class PackManager {
  private bundledPack?: KnowledgePack;
  private bundledSummary?: Omit<PackRow, 'enabled'>;

  constructor(
    private readonly db: PacksDatabase,
    private readonly bundled: () => KnowledgePack,
    private readonly options: PackManagerOptions = {},
  ) {}

  private get bundledId(): string {
    return this.bundledRow().id;
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  private bundledRow(enabled = true): PackRow {
    this.bundledPack ??= this.bundled();
    this.bundledSummary ??= {
      ...summary(this.bundledPack),
      origin: { type: 'bundled' },
      installedAt: 0,
      stats: packStats(this.bundledPack),
    };
    return { ...this.bundledSummary, enabled };
  }

  /** Every pack, the bundled one first, then in the order they were installed (their precedence). */
  async list(): Promise<PackRow[]> {
    const rows = await this.db.rows.orderBy('installedAt').toArray();
    const bundledState = rows.find((r) => r.origin.type === 'bundled');
    return [
      this.bundledRow(bundledState?.enabled ?? true),
      ...rows.filter((r) => r.origin.type !== 'bundled'),
    ];
  }

  /** The enabled packs in order of precedence, as the background loads them. */
  async enabledPacks(): Promise<KnowledgePack[]> {
    return (await this.enabled()).packs;
  }

  /**
   * The enabled packs, and a key that changes whenever what they say changes (a pack enabled,
   * disabled, installed, updated or removed): the compiled matcher is kept under it. `labels`: how
   * cards name each pack, with where it came from (pack-provenance.ts).
   */
  async enabled(): Promise<{ packs: KnowledgePack[]; key: string; labels: string[] }> {
    const rows = (await this.list()).filter((r) => r.enabled);
    const packs: KnowledgePack[] = [];
    const parts: string[] = [];
    const used: PackRow[] = [];
    for (const row of rows) {
      if (row.origin.type === 'bundled') {
        this.bundledPack ??= this.bundled();
        packs.push(this.bundledPack);
        parts.push('bundled');
        used.push(row);
        continue;
      }
      const body = await this.db.bodies.get(row.id);
      if (!body) continue;
      packs.push(body.pack);
      parts.push(`${row.id}@${row.revision ?? row.installedAt}`);
      used.push(row);
    }
    return { packs, key: parts.join('|'), labels: provenanceLabels(used) };
  }

  /** The matcher compiled earlier for `key`, if it was kept. */
  async compiledFor(key: string): Promise<MatcherBundle | undefined> {
    return (await this.db.compiled.get(key))?.bundle;
  }

  /** Keeps the matcher of the current packs (only that one: older ones are dropped). */
  async keepCompiled(key: string, bundle: MatcherBundle): Promise<void> {
    await this.db.transaction('rw', this.db.compiled, async () => {
      await this.db.compiled.clear();
      await this.db.compiled.put({ key, bundle });
    });
  }

  /** Drops the kept matcher (a new version of ClaimLens may compile differently). */
  async forgetCompiled(): Promise<void> {
    await this.db.compiled.clear();
  }

  /** A pack from a file the reader chose: validated whole; nothing changes unless it is valid. */
  async installText(text: string, fileName: string): Promise<InstallResult> {
    if (text.length > MAX_PACK_BYTES)
      return { ok: false, error: localize('packFileTooLarge', [fileName, megabytes(MAX_PACK_BYTES)]) };
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      return { ok: false, error: localize('packFileNotJson', [fileName, (error as Error).message]) };
    }
    const result = validatePack(json);
    if (!result.ok)
      return {
        ok: false,
        error: localizeCount('packFileProblems', result.problems.length, fileName),
        problems: result.problems,
      };
    const existing = await this.db.rows.get(result.pack.id);
    if (existing?.origin.type === 'url')
      return {
        ok: false,
        error: localize('packSubscribed', [existing.name, existing.id, existing.origin.url]),
      };
    return this.store(result.pack, { type: 'file', fileName });
  }

  /** Subscribes to a pack by address (the caller has asked for the host permission). */
  async subscribe(address: string): Promise<InstallResult> {
    const outcome = await fetchPack(address, undefined, { fetch: this.options.fetch });
    if (outcome.status !== 'updated')
      return outcome.status === 'failed'
        ? { ok: false, error: outcome.error, problems: outcome.problems }
        : { ok: false, error: localize('packNothingNew') };
    const at = this.now();
    return this.store(
      outcome.pack,
      { type: 'url', url: new URL(address.trim()).href },
      { etag: outcome.etag, lastModified: outcome.lastModified, checkedAt: at, changedAt: at },
    );
  }

  /** Asks every subscribed address (or one pack's) for a newer version; a failure keeps the old one. */
  async checkForUpdates(id?: string): Promise<CheckResult[]> {
    // A subscription restored from a backup is asked only once the reader has confirmed it.
    const rows = (await this.db.rows.toArray()).filter(
      (r) => r.origin.type === 'url' && !r.subscription?.unconfirmed && (id === undefined || r.id === id),
    );
    const results: CheckResult[] = [];
    let changed = false;
    for (const row of rows) {
      // Each pack on its own: one that fails in any way (a server that never finishes answering, a
      // store that refuses the write) is recorded with its reason, and the others are still checked.
      try {
        changed = (await this.checkOne(row, results)) || changed;
      } catch (error) {
        const reason = localize('packCheckFailed', String((error as Error)?.message ?? error));
        await this.recordFailure(row, reason, this.now()).catch(() => undefined);
        results.push({ id: row.id, name: row.name, status: 'failed', version: row.version, error: reason });
      }
    }
    if (changed) await this.options.onChange?.();
    return results;
  }

  /** Checks one subscribed pack and records the outcome; true if a new version was installed. */
  private async checkOne(row: PackRow, results: CheckResult[]): Promise<boolean> {
    const url = (row.origin as { url: string }).url;
    const outcome = await fetchPack(url, row.subscription, {
      fetch: this.options.fetch,
      expectedId: row.id,
      timeoutMs: this.options.timeoutMs,
    });
    const checkedAt = this.now();
    if (outcome.status === 'updated') {
      const stored = await this.store(
        outcome.pack,
        row.origin,
        { etag: outcome.etag, lastModified: outcome.lastModified, checkedAt, changedAt: checkedAt },
        false,
      );
      if (stored.ok) {
        results.push({ id: row.id, name: stored.row.name, status: 'updated', version: stored.row.version });
        return true;
      }
      await this.recordFailure(row, stored.error, checkedAt);
      results.push({
        id: row.id,
        name: row.name,
        status: 'failed',
        version: row.version,
        error: stored.error,
      });
    } else if (outcome.status === 'unchanged') {
      await this.db.rows.update(row.id, {
        subscription: { ...row.subscription, checkedAt, error: undefined },
      });
      results.push({ id: row.id, name: row.name, status: 'unchanged', version: row.version });
    } else {
      await this.recordFailure(row, outcome.error, checkedAt);
      results.push({
        id: row.id,
        name: row.name,
        status: 'failed',
        version: row.version,
        error: outcome.error,
      });
    }
    return false;
  }

  async setEnabled(id: string, enabled: boolean): Promise<void> {
    if (id === this.bundledId) {
      await this.db.rows.put(this.bundledRow(enabled));
    } else if ((await this.db.rows.update(id, { enabled })) === 0) {
      throw new Error(localize('packNoSuchId', id));
    }
    await this.options.onChange?.();
  }

  /** Removes an installed pack; the bundled pack can only be disabled. */
  async remove(id: string): Promise<void> {
    if (id === this.bundledId) throw new Error(localize('packBundledNotRemovable'));
    await this.db.transaction('rw', this.db.rows, this.db.bodies, async () => {
      await this.db.rows.delete(id);
      await this.db.bodies.delete(id);
    });
    await this.options.onChange?.();
  }

  /** Every installed pack with where it came from (for the full export). */
  async exportAll(): Promise<{ row: PackRow; pack?: KnowledgePack }[]> {
    const rows = await this.list();
    const out: { row: PackRow; pack?: KnowledgePack }[] = [];
    for (const row of rows) {
      out.push(
        row.origin.type === 'bundled' ? { row } : { row, pack: (await this.db.bodies.get(row.id))?.pack },
      );
    }
    return out;
  }

  /**
   * Packs from a backup (already validated), all in one transaction; the bundled one's state only.
   * A subscription comes back disabled and unconfirmed: its address is not asked until the reader
   * confirms it (`confirmSubscriptions`).
   */
  async restoreAll(
    entries: readonly { origin: PackOrigin; enabled: boolean; pack?: KnowledgePack }[],
  ): Promise<number> {
    const at = this.now();
    const rows: PackRow[] = [];
    const bodies: { id: string; pack: KnowledgePack }[] = [];
    entries.forEach((entry, i) => {
      if (entry.origin.type === 'bundled') {
        rows.push(this.bundledRow(entry.enabled));
        return;
      }
      if (!entry.pack || this.reserved(entry.pack)) return;
      const subscribed = entry.origin.type === 'url';
      rows.push({
        ...summary(entry.pack),
        origin: entry.origin,
        enabled: entry.enabled && !subscribed,
        installedAt: at + i,
        revision: at,
        stats: packStats(entry.pack),
        subscription: subscribed ? { unconfirmed: true } : undefined,
      });
      bodies.push({ id: entry.pack.id, pack: entry.pack });
    });
    try {
      await this.db.transaction('rw', this.db.rows, this.db.bodies, async () => {
        await this.db.rows.bulkPut(rows);
        await this.db.bodies.bulkPut(bodies);
      });
    } catch (error) {
      throw new Error(toStorageError(error, 'failedPacksNotRestored').message, { cause: error });
    }
    await this.options.onChange?.();
    return bodies.length;
  }

  /** The reader confirmed subscriptions restored from a backup: they are enabled and checked from now on. */
  async confirmSubscriptions(ids: readonly string[]): Promise<void> {
    await this.db.transaction('rw', this.db.rows, async () => {
      for (const id of ids) {
        const row = await this.db.rows.get(id);
        if (!row?.subscription?.unconfirmed) continue;
        await this.db.rows.update(id, {
          enabled: true,
          subscription: { ...row.subscription, unconfirmed: undefined },
        });
      }
    });
    await this.options.onChange?.();
  }

  /** Removes every installed pack and enables the bundled one again. */
  async clear(): Promise<void> {
    await this.db.transaction('rw', this.db.rows, this.db.bodies, async () => {
      await this.db.rows.clear();
      await this.db.bodies.clear();
    });
    await this.options.onChange?.();
  }

  /** Why an installed pack may not take this id or name: they are the bundled pack's. */
  reserved(pack: { id: string; name: string }): string | undefined {
    const bundled = this.bundledRow();
    return reservedPackProblem(pack, { id: bundled.id, name: bundled.name });
  }

  private async recordFailure(row: PackRow, error: string, checkedAt: number): Promise<void> {
    await this.db.rows.update(row.id, { subscription: { ...row.subscription, checkedAt, error } });
  }

  private async store(
    pack: KnowledgePack,
    origin: PackOrigin,
    subscription?: PackRow['subscription'],
    announce = true,
  ): Promise<InstallResult> {
    const reserved = this.reserved(pack);
    if (reserved) return { ok: false, error: reserved };
    const existing = await this.db.rows.get(pack.id);
    const row: PackRow = {
      ...summary(pack),
      origin,
      enabled: existing?.enabled ?? true,
      installedAt: existing?.installedAt ?? this.now(),
      revision: this.now(),
      stats: packStats(pack),
      subscription,
    };
    try {
      await this.db.transaction('rw', this.db.rows, this.db.bodies, async () => {
        await this.db.rows.put(row);
        await this.db.bodies.put({ id: pack.id, pack });
      });
    } catch (error) {
      return { ok: false, error: toStorageError(error, ['failedPackNotInstalled', pack.name]).message };
    }
    if (announce) await this.options.onChange?.();
    return { ok: true, row, replaced: existing };
  }
}

function summary(pack: KnowledgePack): Pick<PackRow, 'id' | 'name' | 'version' | 'updated' | 'description'> {
  return {
    id: pack.id,
    name: pack.name,
    version: pack.version,
    updated: pack.updated,
    description: pack.description,
  };
}

/** One line per problem, the first `limit`: for the pack manager's error list. */
export function problemLines(problems: readonly PackProblem[], limit = 50): string[] {
  const lines = formatProblems(problems.slice(0, limit)).split('\n');
  if (problems.length > limit) lines.push(localizeCount('packMoreProblems', problems.length - limit));
  return lines;
}
