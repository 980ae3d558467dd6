/**
 * Where My pack lives: its own Dexie database on the extension's origin (`claimlens-mypack`), apart
 * from the installed packs, so that nothing installed or subscribed can replace it. One row holds the
 * pack and its passages; every change is read, made and written in one transaction, then announced.
 */
import Dexie, { type DexieOptions, type EntityTable } from 'dexie';
import { emptyMyPack, type MyPackState } from './my-pack';

export const MY_PACK_DB_NAME = 'claimlens-mypack';

interface StateRow extends MyPackState {
  key: 'mine';
  /** When it was last written (ms since the epoch): part of the compiled matcher's key. */
  revision: number;
}

export class MyPackDatabase extends Dexie {
  state!: EntityTable<StateRow, 'key'>;

  constructor(name = MY_PACK_DB_NAME, options?: DexieOptions) {
    super(name, options);
    // Version 1: one row, the reader's pack and the passages of its sources.
    this.version(1).stores({ state: 'key' });
  }
}

export class MyPackStore {
  constructor(
    private readonly db: MyPackDatabase,
    private readonly options: { today: () => string; now?: () => number; onChange?: () => unknown } = {
      today: () => new Date().toISOString().slice(0, 10),
    },
  ) {}

  /** My pack as stored (empty before the first record), and when it was last written. */
  async read(): Promise<{ state: MyPackState; revision: number }> {
    const row = await this.db.state.get('mine');
    if (!row) return { state: emptyMyPack(this.options.today()), revision: 0 };
    const { key: _key, revision, ...state } = row;
    return { state, revision };
  }

  /**
   * Makes a change on the stored state in one transaction; nothing is written unless it succeeds.
   * `announce: false` for a change that cards and marks do not show (a link to a note): no rebuild.
   */
  async change<R extends { ok: true; state: MyPackState } | { ok: false }>(
    make: (state: MyPackState) => R,
    { announce = true } = {},
  ): Promise<R> {
    const result = await this.db.transaction('rw', this.db.state, async () => {
      const { state } = await this.read();
      const outcome = make(state);
      if (outcome.ok && 'state' in outcome)
        await this.db.state.put({
          ...outcome.state,
          key: 'mine',
          revision: (this.options.now ?? Date.now)(),
        });
      return outcome;
    });
    if (result.ok && announce) await this.options.onChange?.();
    return result;
  }

  /** Forgets everything recorded (the options page's "delete everything"). */
  async clear(): Promise<void> {
    await this.db.state.clear();
    await this.options.onChange?.();
  }
}
