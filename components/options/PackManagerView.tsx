/** The installed packs: what each holds and where it came from; enable, disable, remove, check, add. */
import { useState } from 'preact/hooks';
import type { Translate } from '../../lib/i18n';
import type { PackRow } from '../../lib/packs/packs-db';
import type { MergeNote } from '../../lib/knowledge/pack-merge';
import { FilePicker } from '../FilePicker';
import { formatDay } from '../../lib/reader-date';

export interface PackOutcome {
  /** What happened, in words ("Installed “Team pack” 1.2.0"). */
  message?: string;
  /** Why nothing changed: a summary, then every problem with its path. */
  error?: string;
  problems?: string[];
}

export interface PackManagerViewProps {
  rows: readonly PackRow[];
  /** Where the enabled packs use one id for different things (each kept apart). */
  mergeNotes?: readonly MergeNote[];
  /** An operation is under way: the buttons wait. */
  busy: boolean;
  outcome: PackOutcome | null;
  onToggle(id: string, enabled: boolean): void;
  onRemove(id: string): void;
  /** One pack's address, or every subscribed pack when `id` is undefined. */
  onCheck(id?: string): void;
  onImportFile(text: string, fileName: string): void;
  onSubscribe(url: string): void;
  /** Formats a time (ms since the epoch) for the reader. */
  formatTime(ms: number): string;
  t: Translate;
}

export function PackManagerView(props: PackManagerViewProps) {
  const { rows, busy, outcome, t } = props;
  const [url, setUrl] = useState('');
  const [confirming, setConfirming] = useState<string | null>(null);
  const subscribed = rows.some((r) => r.origin.type === 'url');
  return (
    <section aria-labelledby="packs-title">
      <h2 id="packs-title">{t('optionsPacksTitle')}</h2>
      <p>{t('optionsPacksIntro')}</p>
      <ul class="packs">
        {rows.map((row) => (
          <li key={row.id} class={row.enabled ? 'pack' : 'pack disabled'} aria-label={row.name}>
            <div class="pack-head">
              <label class="pack-toggle">
                <input
                  type="checkbox"
                  checked={row.enabled}
                  disabled={busy}
                  onChange={(e) => props.onToggle(row.id, (e.target as HTMLInputElement).checked)}
                />
                <strong>{row.name}</strong>
              </label>
              <span class="pack-version">
                {t('optionsPackVersion', [row.version, formatDay(row.updated)])}
              </span>
            </div>
            <p class="pack-counts">
              {t('optionsPackCounts', [
                row.stats.entitiesByKind.group.toLocaleString(),
                row.stats.incidents.toLocaleString(),
                row.stats.entities.toLocaleString(),
                row.stats.sources.toLocaleString(),
              ])}
            </p>
            <p class="pack-origin">{originText(row, props.formatTime, t)}</p>
            {row.subscription?.error && (
              <p class="pack-error" role="note">
                {t('optionsPackLastCheckFailed', row.subscription.error)}
              </p>
            )}
            <div class="pack-actions">
              {row.origin.type === 'url' && (
                <button type="button" disabled={busy} onClick={() => props.onCheck(row.id)}>
                  {t('optionsPackCheckNow')}
                </button>
              )}
              {row.origin.type !== 'bundled' &&
                (confirming === row.id ? (
                  <span role="group" aria-label={t('optionsPackRemoveConfirm', row.name)}>
                    {t('optionsPackRemoveConfirm', row.name)}{' '}
                    <button
                      type="button"
                      class="danger"
                      disabled={busy}
                      onClick={() => {
                        setConfirming(null);
                        props.onRemove(row.id);
                      }}
                    >
                      {t('optionsPackRemoveYes')}
                    </button>{' '}
                    <button type="button" onClick={() => setConfirming(null)}>
                      {t('optionsCancel')}
                    </button>
                  </span>
                ) : (
                  <button type="button" disabled={busy} onClick={() => setConfirming(row.id)}>
                    {t('optionsPackRemove')}
                  </button>
                ))}
            </div>
          </li>
        ))}
      </ul>
      {props.mergeNotes && props.mergeNotes.length > 0 && (
        <div role="note" class="merge-notes">
          <p>{t('optionsMergeNotesIntro')}</p>
          <ul>
            {props.mergeNotes.map((n, i) => (
              <li key={i}>
                {n.type === 'kind-differs'
                  ? t('optionsMergeKindDiffers', [n.pack, n.id, n.kind, n.otherKind, n.otherPacks.join(', ')])
                  : t('optionsMergeIncidentIsEntity', [n.pack, n.id])}
              </li>
            ))}
          </ul>
        </div>
      )}
      {subscribed && (
        <p>
          {t('optionsPacksDaily')}{' '}
          <button type="button" disabled={busy} onClick={() => props.onCheck()}>
            {t('optionsPacksCheckAll')}
          </button>
        </p>
      )}

      <h3>{t('optionsPackAddTitle')}</h3>
      <FilePicker
        class="file-button"
        accept=".json,application/json"
        disabled={busy}
        onFile={props.onImportFile}
      >
        {t('optionsPackImportFile')}
      </FilePicker>
      <form
        class="subscribe"
        onSubmit={(e) => {
          e.preventDefault();
          if (url.trim()) props.onSubscribe(url.trim());
        }}
      >
        <label>
          {t('optionsPackSubscribeLabel')}
          <input
            type="url"
            inputMode="url"
            placeholder="https://"
            value={url}
            onInput={(e) => setUrl((e.target as HTMLInputElement).value)}
          />
        </label>
        <button type="submit" disabled={busy || url.trim() === ''}>
          {t('optionsPackSubscribe')}
        </button>
        <p class="hint">{t('optionsPackSubscribeHint')}</p>
      </form>

      {outcome?.message && <p role="status">{outcome.message}</p>}
      {outcome?.error && (
        <div role="alert" class="problems">
          <p>{outcome.error}</p>
          {outcome.problems && outcome.problems.length > 0 && (
            <ul>
              {outcome.problems.map((p, i) => (
                <li key={i}>
                  <code>{p}</code>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}

function originText(row: PackRow, formatTime: (ms: number) => string, t: Translate): string {
  switch (row.origin.type) {
    case 'bundled':
      return t('optionsPackOriginBundled');
    case 'file':
      return t('optionsPackOriginFile', [row.origin.fileName, formatTime(row.installedAt)]);
    case 'url': {
      const checked = row.subscription?.checkedAt;
      return checked
        ? t('optionsPackOriginUrlChecked', [row.origin.url, formatTime(checked)])
        : t('optionsPackOriginUrl', row.origin.url);
    }
  }
}
