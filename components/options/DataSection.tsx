/** Everything the reader keeps in ClaimLens: export it as one file, import such a file, delete it all. */
import { useState } from 'preact/hooks';
import type { Translate } from '../../lib/i18n';
import { FilePicker } from '../FilePicker';

export interface DataSectionProps {
  notes: number;
  packs: number;
  busy: boolean;
  /** What the last action did, or every problem found in an imported file. */
  outcome: { message?: string; errors?: string[] } | null;
  onExport(): void;
  onImport(text: string): void;
  onDeleteAll(): void;
  t: Translate;
}

export function DataSection({
  notes,
  packs,
  busy,
  outcome,
  onExport,
  onImport,
  onDeleteAll,
  t,
}: DataSectionProps) {
  const [confirming, setConfirming] = useState(false);
  return (
    <section aria-labelledby="data-title">
      <h2 id="data-title">{t('optionsDataTitle')}</h2>
      <p>{t('optionsDataIntro', [notes.toLocaleString(), packs.toLocaleString()])}</p>
      <div class="actions">
        <button type="button" disabled={busy} onClick={onExport}>
          {t('optionsDataExport')}
        </button>
        <FilePicker class="file-button" accept=".json,application/json" disabled={busy} onFile={onImport}>
          {t('optionsDataImport')}
        </FilePicker>
        {!confirming && (
          <button type="button" class="danger" disabled={busy} onClick={() => setConfirming(true)}>
            {t('optionsDataDelete')}
          </button>
        )}
      </div>
      {confirming && (
        <div role="alertdialog" aria-labelledby="delete-confirm" class="confirm">
          <p id="delete-confirm">
            {t('optionsDataDeleteConfirm', [notes.toLocaleString(), packs.toLocaleString()])}
          </p>
          <button
            type="button"
            class="danger"
            disabled={busy}
            onClick={() => {
              setConfirming(false);
              onDeleteAll();
            }}
          >
            {t('optionsDataDeleteYes')}
          </button>{' '}
          <button type="button" autoFocus onClick={() => setConfirming(false)}>
            {t('optionsCancel')}
          </button>
        </div>
      )}
      {outcome?.message && <p role="status">{outcome.message}</p>}
      {outcome?.errors && (
        <div role="alert" class="problems">
          <p>{t('optionsDataImportRefused')}</p>
          <ul>
            {outcome.errors.slice(0, 50).map((e, i) => (
              <li key={i}>
                <code>{e}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
