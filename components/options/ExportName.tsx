/** The reader's name for their exports: named as the creator of the Web Annotations they export. */
import { useState } from 'preact/hooks';
import type { Translate } from '../../lib/i18n';
import { EXPORT_NAME_MAX, cleanExportIdentity, type ExportIdentity } from '../../lib/notes/export-identity';

export interface ExportNameProps {
  identity: ExportIdentity;
  onSave(identity: ExportIdentity): Promise<void>;
  t: Translate;
}

export function ExportName({ identity, onSave, t }: ExportNameProps) {
  const [name, setName] = useState(identity.name);
  const [status, setStatus] = useState('');
  return (
    <section aria-labelledby="export-name-title">
      <h2 id="export-name-title">{t('optionsExportNameLegend')}</h2>
      <form
        onSubmit={async (event) => {
          event.preventDefault();
          const next = cleanExportIdentity({ name });
          try {
            await onSave(next);
            setName(next.name);
            setStatus(t(next.name === '' ? 'optionsExportNameCleared' : 'optionsExportNameSaved'));
          } catch (error) {
            setStatus(t('optionsNotSaved', (error as Error).message));
          }
        }}
      >
        <label for="export-name">{t('optionsExportNameLabel')}</label>
        <p id="export-name-help">{t('optionsExportNameHelp')}</p>
        <input
          id="export-name"
          type="text"
          autocomplete="name"
          maxLength={EXPORT_NAME_MAX}
          aria-describedby="export-name-help"
          value={name}
          onInput={(e) => setName((e.target as HTMLInputElement).value)}
        />
        <button type="submit">{t('optionsSave')}</button>
        <p role="status">{status}</p>
      </form>
    </section>
  );
}
