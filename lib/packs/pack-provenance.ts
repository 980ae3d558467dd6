// Who said what: the bundled pack's id and name are its own, and every installed pack is named on cards with where it came from (pure).
import { foldText } from '../matching/normalise';
import { localize } from '../reader-messages';
import type { PackOrigin } from './packs-db';
import { MY_PACK_ID, MY_PACK_NAME } from '../mypack/my-pack';

/** The bundled pack, as far as provenance goes. */
export interface BundledIdentity {
  id: string;
  name: string;
}

const folded = (text: string) => foldText(text).replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * Why an installed pack may not be stored, or undefined: it takes the bundled pack's id, or a name a
 * reader would take for the bundled pack's (the same once case, accents, spaces and punctuation are
 * set aside), so that nothing it says can pass for what ClaimLens ships; nor My pack's id or name.
 */
export function reservedPackProblem(
  pack: { id: string; name: string },
  bundled: BundledIdentity,
): string | undefined {
  if (pack.id === bundled.id || folded(pack.id) === folded(bundled.id))
    return localize('packBundledId', pack.id);
  if (folded(pack.name) === folded(bundled.name)) return localize('packBundledName', pack.name);
  // Nor may it pass for what the reader recorded (My pack, named "Recorded by you" on cards).
  if (
    folded(pack.id) === folded(MY_PACK_ID) ||
    [MY_PACK_NAME, localize('packRecordedByYou')].some((name) => folded(pack.name) === folded(name))
  )
    return localize('packMineReserved', pack.name);
  return undefined;
}

/**
 * How cards name each pack: the bundled pack by its name; an installed one by its name and where it
 * came from ("Team pack (from packs.example)", "Team pack (from a file)"); two that would read the
 * same are told apart by their ids.
 */
export function provenanceLabels(
  packs: readonly { id: string; name: string; origin: PackOrigin }[],
): string[] {
  const labels = packs.map(({ name, origin }) => {
    if (origin.type === 'bundled') return name;
    if (origin.type === 'file') return localize('packFromFile', name);
    let host = origin.url;
    try {
      host = new URL(origin.url).host;
    } catch {
      // an address that no longer parses is shown as it was written
    }
    return localize('packFromAddress', [name, host]);
  });
  return labels.map((label, i) =>
    labels.indexOf(label) !== labels.lastIndexOf(label) ? `${label} [${packs[i]!.id}]` : label,
  );
}
