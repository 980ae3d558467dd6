/** What can be done with the selected notes at once: delete (with undo), add or remove a tag, clear. */
import { useState } from 'preact/hooks';
import type { Translate } from '../../lib/i18n';
import { plural } from '../i18n';

export interface BulkBarProps {
  /** How many listed notes are selected. */
  count: number;
  /** The tags the selected notes have (offered for removal, and as type-ahead). */
  tags: readonly string[];
  busy?: boolean;
  onDelete(): void;
  onAddTag(tag: string): void;
  onRemoveTag(tag: string): void;
  onClear(): void;
  t: Translate;
}

export function BulkBar({ count, tags, busy, onDelete, onAddTag, onRemoveTag, onClear, t }: BulkBarProps) {
  const [tag, setTag] = useState('');
  const clean = tag.trim().replace(/\s+/g, ' ');
  return (
    <section class="bulk" aria-label={t('popupBulkLabel')}>
      <div class="bulk-line">
        <strong role="status">{plural(t, 'popupSelected', count)}</strong>
        <button type="button" disabled={busy} onClick={onDelete}>
          {t('popupBulkDelete')}
        </button>
        <button type="button" onClick={onClear}>
          {t('popupBulkClear')}
        </button>
      </div>
      <form
        class="bulk-line"
        onSubmit={(event) => {
          event.preventDefault();
          if (clean) onAddTag(clean);
        }}
      >
        <label>
          <span>{t('popupBulkTagLabel')}</span>{' '}
          <input
            type="text"
            list="bulk-tags"
            maxLength={100}
            value={tag}
            onInput={(event) => setTag((event.target as HTMLInputElement).value)}
          />
        </label>
        <datalist id="bulk-tags">
          {tags.map((known) => (
            <option key={known} value={known} />
          ))}
        </datalist>
        <button type="submit" disabled={busy || !clean}>
          {t('popupBulkAddTag')}
        </button>
        <button type="button" disabled={busy || !clean} onClick={() => onRemoveTag(clean)}>
          {t('popupBulkRemoveTag')}
        </button>
      </form>
    </section>
  );
}
