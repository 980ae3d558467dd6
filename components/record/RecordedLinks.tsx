/** Under a note (notes frame): the claims and statements the reader recorded from the same passage, each opened in My pack. */
import type { RecordedLink } from '../../lib/mypack/note-links';
import { useT } from '../i18n';

export function RecordedLinks({
  links,
  onOpen,
}: {
  links: readonly RecordedLink[];
  onOpen(key: string): void;
}) {
  const t = useT();
  if (links.length === 0) return null;
  return (
    <ul class="cl-recorded-links" aria-label={t('noteRecordedLabel')}>
      {links.map((link) => (
        <li key={link.key} class="cl-meta">
          {t(link.kind === 'claim' ? 'noteRecordedClaim' : 'noteRecordedStatement', [
            link.actor,
            link.incident,
          ])}{' '}
          —{' '}
          <button type="button" class="cl-link-button" onClick={() => onOpen(link.key)}>
            {t('noteRecordedOpen')}
          </button>
        </li>
      ))}
    </ul>
  );
}
