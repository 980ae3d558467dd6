/**
 * My pack: what the reader recorded while reading, kept as a knowledge pack like any other (validated
 * by the same validator, merged with the enabled packs), under an id no installed pack may take, with
 * the passage each source was recorded from beside it.
 */
import type { KnowledgePack } from '../knowledge/pack-types';
import type { NoteSelectors } from '../notes/note-types';

/** My pack's own id: reserved (lib/packs/pack-provenance.ts), so no installed pack can pass for it. */
export const MY_PACK_ID = 'claimlens-mine';
/** Its name in the pack itself; cards name it by `packRecordedByYou` ("Recorded by you"). */
export const MY_PACK_NAME = 'My pack';

/** Where a source was recorded from: the passage the reader selected, to open the page at it again. */
export interface Passage {
  /** The address of the page the reader was on. */
  url: string;
  selectors: NoteSelectors;
  /** When it was recorded (ms since the epoch). */
  recordedAt: number;
  /** The reader's note on the same passage, when there is one (lib/mypack/note-links.ts). */
  noteId?: string;
}

export interface MyPackState {
  pack: KnowledgePack;
  /** By source id: the passage each of My pack's sources was recorded from. */
  passages: Record<string, Passage>;
  /** The id and name the pack is exported under (another id than My pack's own, kept once chosen). */
  published?: { id: string; name: string };
}

/** An empty My pack dated `today`. */
export function emptyMyPack(today: string): MyPackState {
  return {
    pack: {
      format: 'claimlens-pack',
      formatVersion: 2,
      id: MY_PACK_ID,
      name: MY_PACK_NAME,
      version: '1.0.0',
      updated: today,
      description: 'Claims and statements recorded by the reader while reading, each with its source.',
      sources: [],
      entities: [],
      incidents: [],
    },
    passages: {},
  };
}

/** Whether My pack says anything yet (an empty one is not merged). */
export function hasRecords(state: MyPackState): boolean {
  return state.pack.incidents.some((i) => i.claims.length > 0 || i.statements.length > 0);
}

/** The next patch version: every change is a new version, so subscribers' daily check sees it. */
export function nextVersion(version: string): string {
  const m = /^(\d+)\.(\d+)\.(\d+)/.exec(version);
  return m ? `${m[1]}.${m[2]}.${Number(m[3]) + 1}` : '1.0.0';
}
