/** "recorded by you" beside a claim or statement that My pack holds (its pack label is "Recorded by you"). */
import { useT } from '../i18n';

export function RecordedMark({ packs }: { packs?: readonly string[] }) {
  const t = useT();
  if (!packs?.includes(t('packRecordedByYou'))) return null;
  return <span class="cl-meta cl-recorded"> · {t('cardRecordedByYou')}</span>;
}
