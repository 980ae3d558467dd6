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
import indiaSources from './default-pack/regions/india/sources.json';
import indiaEntities from './default-pack/regions/india/entities.json';
import indiaIncidents from './default-pack/regions/india/incidents.json';
import afPakSources from './default-pack/regions/pakistan-afghanistan/sources.json';
import afPakEntities from './default-pack/regions/pakistan-afghanistan/entities.json';
import afPakIncidents from './default-pack/regions/pakistan-afghanistan/incidents.json';
import asiaMeSources from './default-pack/regions/asia-middle-east/sources.json';
import asiaMeEntities from './default-pack/regions/asia-middle-east/entities.json';
import asiaMeIncidents from './default-pack/regions/asia-middle-east/incidents.json';
import afEuSources from './default-pack/regions/africa-europe/sources.json';
import afEuEntities from './default-pack/regions/africa-europe/entities.json';
import afEuIncidents from './default-pack/regions/africa-europe/incidents.json';
import westSources from './default-pack/regions/west/sources.json';
import westEntities from './default-pack/regions/west/entities.json';
import westIncidents from './default-pack/regions/west/incidents.json';
import asiaSources from './default-pack/regions/asia/sources.json';
import asiaEntities from './default-pack/regions/asia/entities.json';
import asiaIncidents from './default-pack/regions/asia/incidents.json';
import groupsSources from './default-pack/regions/groups/sources.json';
import groupsEntities from './default-pack/regions/groups/entities.json';

/** The core files (the seed situations: Jammu and Kashmir, Mumbai, Pathankot, Sri Lanka), then one folder per region. */
const PARTS = [
  sources,
  groups,
  media,
  organizations,
  people,
  places,
  incidents,
  entityStatements,
  indiaSources,
  indiaEntities,
  indiaIncidents,
  afPakSources,
  afPakEntities,
  afPakIncidents,
  asiaMeSources,
  asiaMeEntities,
  asiaMeIncidents,
  afEuSources,
  afEuEntities,
  afEuIncidents,
  westSources,
  westEntities,
  westIncidents,
  asiaSources,
  asiaEntities,
  asiaIncidents,
  groupsSources,
  groupsEntities,
] as PackPart[];

/** Unvalidated: callers run validatePack on it (the background refuses to start a broken pack). */
export function defaultPack(): KnowledgePack {
  return assemblePack(meta as PackMeta, PARTS);
}
