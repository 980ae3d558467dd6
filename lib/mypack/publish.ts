/**
 * My pack as a file to publish (pure): the same pack under an id and name of its own, so that a
 * colleague who subscribes to it sees it as the reader's pack "from <host>" — never as their own
 * My pack, whose id and name no installed pack may take.
 */
import type { KnowledgePack } from '../knowledge/pack-types';
import { slug } from './record';
import type { MyPackState } from './my-pack';

export const PUBLISHED_NAME_MAX = 200;

/** The id a published My pack goes by: chosen once (random part), kept for every later export. */
export function publishedIdentity(
  state: MyPackState,
  name: string,
  random: () => string,
): { id: string; name: string } {
  const clean = name.trim().slice(0, PUBLISHED_NAME_MAX);
  const id = state.published?.id ?? `recorded-${slug(clean).slice(0, 40)}-${random()}`;
  return { id, name: clean };
}

/** The pack file: My pack's content under the published id and name. */
export function publishedPack(state: MyPackState, identity: { id: string; name: string }): KnowledgePack {
  return { ...structuredClone(state.pack), id: identity.id, name: identity.name };
}
