/** The small toolbar beside a text selection: save it as a highlight, or with a note. */
import { useT } from '../i18n';

export interface SelectionToolbarProps {
  onHighlight(): void;
  onAddNote(): void;
}

export function SelectionToolbar({ onHighlight, onAddNote }: SelectionToolbarProps) {
  const t = useT();
  return (
    <div class="cl-selection-toolbar" role="toolbar" aria-label={t('toolbarLabel')}>
      <button type="button" onClick={onHighlight} title={t('toolbarHighlightTitle')}>
        {t('toolbarHighlight')}
      </button>
      <button type="button" onClick={onAddNote} title={t('toolbarAddNoteTitle')}>
        {t('toolbarAddNote')}
      </button>
    </div>
  );
}
