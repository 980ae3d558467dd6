/**
 * The background's current knowledge: the enabled packs loaded, merged and compiled once, and built
 * again once when they change. Pages asking in the meantime wait for the new matcher rather than
 * get an old one.
 */
import { KnowledgeService } from '../knowledge/knowledge-service';
import { validatePack } from '../knowledge/pack-validator';
import type { KnowledgePack } from '../knowledge/pack-types';
import type { MatcherBundle } from '../matching/matcher-bundle';

/** Where a compiled matcher is kept between worker restarts, under the key of the packs it came from. */
export interface MatcherStore {
  get(key: string): Promise<MatcherBundle | undefined>;
  put(key: string, bundle: MatcherBundle): Promise<void>;
}

export interface LoadedKnowledge {
  service: KnowledgeService;
  /** Stored packs that no longer pass the validator (e.g. after an upgrade), left out with the reason. */
  skipped: { id: string; problems: number }[];
  buildMs: number;
  /** The matcher came from the store, compiled by an earlier worker for the same packs. */
  fromStore: boolean;
}

export class KnowledgeHolder {
  private loaded?: Promise<LoadedKnowledge>;
  private generation = 0;

  /** `loadPacks` gives the enabled packs and the key of what they say (see PackManager.enabled). */
  constructor(
    private readonly loadPacks: () => Promise<{
      packs: readonly KnowledgePack[];
      key?: string;
      /** How cards name each pack (its name and where it came from); the pack's name if absent. */
      labels?: readonly string[];
    }>,
    private readonly store?: MatcherStore,
  ) {}

  /** The knowledge every page is read with; built on first use. */
  current(): Promise<LoadedKnowledge> {
    this.loaded ??= this.build();
    return this.loaded;
  }

  /** The packs changed: build once, compile at once, and answer every page with the new one. */
  reload(): Promise<LoadedKnowledge> {
    this.loaded = this.build();
    return this.loaded;
  }

  /** How many times the knowledge was built (the first time included). */
  get builds(): number {
    return this.generation;
  }

  private async build(): Promise<LoadedKnowledge> {
    this.generation++;
    const { packs, key, labels } = await this.loadPacks();
    const stored = key !== undefined ? await this.store?.get(key).catch(() => undefined) : undefined;
    const t0 = performance.now();
    const valid: KnowledgePack[] = [];
    const validLabels: string[] = [];
    const skipped: LoadedKnowledge['skipped'] = [];
    for (const [i, pack] of packs.entries()) {
      const result = validatePack(pack);
      if (result.ok) {
        valid.push(result.pack);
        validLabels.push(labels?.[i] ?? result.pack.name);
      } else skipped.push({ id: String((pack as { id?: unknown }).id), problems: result.problems.length });
    }
    // A pack left out changes what is compiled: the stored matcher is for the full set only.
    const usable = skipped.length === 0 ? stored : undefined;
    const service = new KnowledgeService(valid, usable, validLabels);
    service.getMatcher();
    const buildMs = performance.now() - t0;
    if (!usable && key !== undefined && skipped.length === 0)
      await this.store?.put(key, service.bundle()).catch(() => undefined); // a full disk only costs a compile
    return { service, skipped, buildMs, fromStore: usable !== undefined };
  }
}
