/** "recorded by you" beside a claim or statement that My pack holds (its pack label is "Recorded by you"). */
import type { Translate } from '../../lib/i18n';
import { useT } from '../i18n';

/** Whether My pack said it: its label among the packs that said it (a subscribed pack is named "… (from host)"). */
export function isRecorded(t: Translate, packs?: readonly string[]): boolean {
  return !!packs?.includes(t('packRecordedByYou'));
}

export function RecordedMark({ packs }: { packs?: readonly string[] }) {
  const t = useT();
  if (!isRecorded(t, packs)) return null;
  return <span class="cl-meta cl-recorded"> · {t('cardRecordedByYou')}</span>;
}
