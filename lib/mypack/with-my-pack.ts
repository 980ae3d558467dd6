/**
 * The packs the background merges, My pack included (pure): after the enabled packs, named on cards
 * "Recorded by you", and part of the key the compiled matcher is kept under. An empty My pack is left out.
 */
import type { KnowledgePack } from '../knowledge/pack-types';
import { localize } from '../reader-messages';
import { hasRecords, type MyPackState } from './my-pack';

export interface LoadedPacks {
  packs: readonly KnowledgePack[];
  key?: string;
  labels?: readonly string[];
}

/** How cards name My pack's items and sources. */
export function myPackLabel(): string {
  return localize('packRecordedByYou');
}

export function withMyPack(
  enabled: LoadedPacks,
  mine: { state: MyPackState; revision: number },
): LoadedPacks {
  if (!hasRecords(mine.state)) return enabled;
  const labels = enabled.labels ?? enabled.packs.map((p) => p.name);
  return {
    packs: [...enabled.packs, mine.state.pack],
    key: enabled.key === undefined ? undefined : `${enabled.key}|mine@${mine.revision}`,
    labels: [...labels, myPackLabel()],
  };
}
