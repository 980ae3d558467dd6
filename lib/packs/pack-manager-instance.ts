/** The pack manager every part of the extension shares: the packs database, the bundled pack, one announcement key. */
import { browser } from '#imports';
import { defaultPack } from '../knowledge/default-pack';
import { PACKS_CHANGED_KEY } from './pack-keys';
import { PackManager } from './pack-manager';
import { packsDb } from './packs-db';

let shared: PackManager | undefined;

export function packManager(): PackManager {
  shared ??= new PackManager(packsDb(), defaultPack, {
    onChange: () => browser.storage.local.set({ [PACKS_CHANGED_KEY]: Date.now() }),
  });
  return shared;
}
