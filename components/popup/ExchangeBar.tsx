/** Export the notes in view (Markdown, JSON, W3C Web Annotation, CSV) and import a file of notes. */
import { FilePicker } from '../FilePicker';
import type { Translate } from '../../lib/i18n';
import type { ExportFormat } from '../../lib/notes/exchange/export-file';

export type { ExportFormat };

export interface ExchangeBarProps {
  count: number;
  /** Whether `count` is the reader's selection rather than everything listed. */
  selection?: boolean;
  onExport(format: ExportFormat): void;
  onImport(text: string): void;
  /** What the last import did ("3 added, 1 updated"), or every problem found in the file. */
  outcome: { report?: string; errors?: string[] } | null;
  t: Translate;
}

const FORMATS: { id: ExportFormat; key: string }[] = [
  { id: 'markdown', key: 'popupExportMarkdown' },
  { id: 'json', key: 'popupExportJson' },
  { id: 'web-annotation', key: 'popupExportWebAnnotation' },
  { id: 'csv', key: 'popupExportCsv' },
];

export function ExchangeBar({ count, selection, onExport, onImport, outcome, t }: ExchangeBarProps) {
  return (
    <div class="exchange">
      <span>{t(selection ? 'popupExportSelected' : 'popupExport', count.toLocaleString())}</span>
      {FORMATS.map((f) => (
        <button key={f.id} type="button" disabled={count === 0} onClick={() => onExport(f.id)}>
          {t(f.key)}
        </button>
      ))}
      <FilePicker
        class="import"
        accept=".json,.jsonld,application/json,application/ld+json"
        onFile={(text) => onImport(text)}
      >
        {t('popupImport')}
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
    </div>
  );
}
