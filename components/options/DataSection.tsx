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
  /** Subscriptions an imported backup restored, disabled until the reader enables them. */
  restoredSubscriptions?: readonly { id: string; name: string; url: string }[];
  onEnableSubscriptions?(ids: string[]): void;
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
  restoredSubscriptions = [],
  onEnableSubscriptions,
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
      {restoredSubscriptions.length > 0 && (
        <div class="confirm" role="group" aria-labelledby="restored-subscriptions">
          <p id="restored-subscriptions">{t('optionsDataSubscriptions')}</p>
          <ul>
            {restoredSubscriptions.map((s) => (
              <li key={s.id}>
                {s.name}: <code>{s.url}</code>
              </li>
            ))}
          </ul>
          <button
            type="button"
            disabled={busy}
            onClick={() => onEnableSubscriptions?.(restoredSubscriptions.map((s) => s.id))}
          >
            {t('optionsDataSubscriptionsEnable')}
          </button>
        </div>
      )}
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
