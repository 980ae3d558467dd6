/**
 * The background's current knowledge: the enabled packs loaded, merged and compiled once, and built
 * again once when they change. Pages asking in the meantime wait for the new matcher rather than
 * get an old one.
 */
import { KnowledgeService } from '../knowledge/knowledge-service';
import { validatePack } from '../knowledge/pack-validator';
import type { KnowledgePack } from '../knowledge/pack-types';

export interface LoadedKnowledge {
  service: KnowledgeService;
  /** Stored packs that no longer pass the validator (e.g. after an upgrade), left out with the reason. */
  skipped: { id: string; problems: number }[];
  buildMs: number;
}

export class KnowledgeHolder {
  private loaded?: Promise<LoadedKnowledge>;
  private generation = 0;

  constructor(private readonly loadPacks: () => Promise<readonly KnowledgePack[]>) {}

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
    const packs = await this.loadPacks();
    const t0 = performance.now();
    const valid: KnowledgePack[] = [];
    const skipped: LoadedKnowledge['skipped'] = [];
    for (const pack of packs) {
      const result = validatePack(pack);
      if (result.ok) valid.push(result.pack);
      else skipped.push({ id: String((pack as { id?: unknown }).id), problems: result.problems.length });
    }
    const service = new KnowledgeService(valid);
    service.getMatcher();
    return { service, skipped, buildMs: performance.now() - t0 };
  }
}
