/** Which packs said an item: shown on cards that draw on more than one pack. */
import { useT } from './i18n';

export function FromPacks({ packs }: { packs?: readonly string[] }) {
  const t = useT();
  if (!packs || packs.length === 0) return null;
  return <div class="cl-meta cl-from">{t('cardSaidBy', packs.join(', '))}</div>;
}
