/**
 * Import notes from a file (ClaimLens JSON, W3C Web Annotations, Hypothesis): the popup's import, on a
 * page that stays open while the file picker is up (Firefox may close the popup under one). The popup's
 * menu opens this section at #import-notes.
 */
import { FilePicker } from '../FilePicker';
import type { Translate } from '../../lib/i18n';
import { IMPORT_ANCHOR } from '../../lib/notes/exchange/import-place';
import type { ImportOutcome } from '../../lib/notes/exchange/import-file';

export interface ImportNotesProps {
  busy?: boolean;
  outcome: ImportOutcome | null;
  onImport(text: string): void;
  t: Translate;
}

export const IMPORT_ACCEPT = '.json,.jsonld,application/json,application/ld+json';

export function ImportNotes({ busy, outcome, onImport, t }: ImportNotesProps) {
  return (
    <section id={IMPORT_ANCHOR} aria-labelledby="import-notes-title" tabIndex={-1}>
      <h2 id="import-notes-title">{t('optionsImportNotesTitle')}</h2>
      <p>{t('optionsImportNotesIntro')}</p>
      <FilePicker
        class="file-button"
        accept={IMPORT_ACCEPT}
        disabled={busy}
        onFile={(text) => onImport(text)}
      >
        {t('optionsImportNotesChoose')}
      </FilePicker>
      {outcome?.report && <p role="status">{outcome.report}</p>}
      {outcome?.errors && (
        <div role="alert">
          <p>{t('popupImportRefused')}</p>
          <ul>
            {outcome.errors.slice(0, 20).map((e, i) => (
              <li key={i}>{e}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
