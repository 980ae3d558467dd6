/** The small toolbar beside a text selection: save it as a highlight, or with a note; record a claim or statement from it. */
import { useT } from '../i18n';

export interface SelectionToolbarProps {
  onHighlight(): void;
  onAddNote(): void;
  onRecordClaim?(): void;
  onRecordStatement?(): void;
}

export function SelectionToolbar({
  onHighlight,
  onAddNote,
  onRecordClaim,
  onRecordStatement,
}: SelectionToolbarProps) {
  const t = useT();
  return (
    <div class="cl-selection-toolbar" role="toolbar" aria-label={t('toolbarLabel')}>
      <button type="button" onClick={onHighlight} title={t('toolbarHighlightTitle')}>
        {t('toolbarHighlight')}
      </button>
      <button type="button" onClick={onAddNote} title={t('toolbarAddNoteTitle')}>
        {t('toolbarAddNote')}
      </button>
      {onRecordClaim && (
        <button type="button" onClick={onRecordClaim} title={t('toolbarRecordClaimTitle')}>
          {t('toolbarRecordClaim')}
        </button>
      )}
      {onRecordStatement && (
        <button type="button" onClick={onRecordStatement} title={t('toolbarRecordStatementTitle')}>
          {t('toolbarRecordStatement')}
        </button>
      )}
    </div>
  );
}
