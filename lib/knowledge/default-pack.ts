/** The pack that ships with ClaimLens, assembled from its reviewed source files in default-pack/. */
import { assemblePack, type PackMeta } from './pack-assembly';
import type { KnowledgePack, PackPart } from './pack-types';
import meta from './default-pack/meta.json';
import sources from './default-pack/sources.json';
import groups from './default-pack/groups.json';
import media from './default-pack/media.json';
import organizations from './default-pack/organizations.json';
import people from './default-pack/people.json';
import places from './default-pack/places.json';
import incidents from './default-pack/incidents.json';
import entityStatements from './default-pack/entity-statements.json';

/** Unvalidated: callers run validatePack on it (the background refuses to start a broken pack). */
export function defaultPack(): KnowledgePack {
  return assemblePack(
    meta as PackMeta,
    [sources, groups, media, organizations, people, places, incidents, entityStatements] as PackPart[],
  );
}
