/** The My pack store every part of the extension shares; a change is announced as a pack change (the background rebuilds, pages re-read). */
import { browser } from '#imports';
import { PACKS_CHANGED_KEY } from '../packs/pack-keys';
import { MyPackDatabase, MyPackStore } from './my-pack-store';

let shared: MyPackStore | undefined;

export function myPackStore(): MyPackStore {
  shared ??= new MyPackStore(new MyPackDatabase(), {
    today: () => new Date().toISOString().slice(0, 10),
    onChange: () => browser.storage.local.set({ [PACKS_CHANGED_KEY]: Date.now() }),
  });
  return shared;
}
