/** Builds one pack from its source files (a meta file and parts holding any of the pack's lists). */
import type { KnowledgePack, PackPart } from './pack-types';

export type PackMeta = Omit<KnowledgePack, 'sources' | 'entities' | 'incidents' | 'statements'>;

export function assemblePack(meta: PackMeta, parts: readonly PackPart[]): KnowledgePack {
  const pack: KnowledgePack = { ...meta, sources: [], entities: [], incidents: [], statements: [] };
  for (const part of parts) {
    pack.sources.push(...(part.sources ?? []));
    pack.entities.push(...(part.entities ?? []));
    pack.incidents.push(...(part.incidents ?? []));
    pack.statements!.push(...(part.statements ?? []));
  }
  return pack;
}
