/**
 * The popup's filters as a row that folds: closed by default, its button saying how many are on. Tag,
 * colour, group or incident, site, and when the note was saved (presets written in the reader's one date
 * style, not a date picker in the browser's mm/dd/yyyy); they combine.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { NoteFilter } from '../../lib/notes/note-filter';
import { DEFAULT_COLORS } from '../../lib/notes/note-types';
import { formatDay, localDay } from '../../lib/reader-date';
import { plural } from '../i18n';
import type { Translate } from './ThisPage';

export interface NoteFiltersProps {
  choices: { tags: string[]; sites: string[]; mentions: string[] };
  filter: NoteFilter;
  onChange(filter: NoteFilter): void;
  /** Display names of the groups and incidents, by id. */
  names: Readonly<Record<string, string>>;
  colorLabels?: Readonly<Record<string, string>>;
  t: Translate;
  /** Today (tests pass their own). */
  now?: Date;
  /** Drawn at the end of the row of buttons (the export menu). */
  children?: ComponentChildren;
}

const PRESETS = [
  { id: 'today', days: 0, key: 'popupFilterToday' },
  { id: 'week', days: 6, key: 'popupFilterWeek' },
  { id: 'month', days: 29, key: 'popupFilterMonth' },
  { id: 'year', days: 364, key: 'popupFilterYear' },
] as const;

/** How many filters are set. */
export function activeFilters(filter: NoteFilter): number {
  const { from, to, ...rest } = filter;
  return Object.values(rest).filter(Boolean).length + (from || to ? 1 : 0);
}

export function NoteFilters(props: NoteFiltersProps) {
  const { choices, filter, onChange, names, colorLabels, t } = props;
  const [open, setOpen] = useState(false);
  const now = props.now ?? new Date();
  const since = (days: number) => localDay(new Date(now.getFullYear(), now.getMonth(), now.getDate() - days));
  const preset =
    !filter.from && !filter.to
      ? 'any'
      : (PRESETS.find((p) => !filter.to && filter.from === since(p.days))?.id ?? 'range');
  const set = (key: keyof NoteFilter) => (event: Event) =>
    onChange({ ...filter, [key]: (event.target as HTMLSelectElement).value || undefined });
  const select = (key: keyof NoteFilter, label: string, options: { value: string; label: string }[]) => (
    <label>
      <span>{label}</span>
      <select value={filter[key] ?? ''} onChange={set(key)}>
        <option value="">{t('popupFilterAny')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
  const count = activeFilters(filter);
  return (
    <div class="filters">
      <div class="toolbar">
        <button
          type="button"
          class={`disclosure${count > 0 ? ' on' : ''}`}
          aria-expanded={open}
          aria-controls="filter-panel"
          onClick={() => setOpen(!open)}
        >
          <svg class="chevron" viewBox="0 0 16 16" aria-hidden="true">
            <path d="M6 4l4 4-4 4" />
          </svg>
          {t('popupFiltersToggle')}
          {count > 0 && <span class="count">{plural(t, 'popupFiltersActive', count)}</span>}
        </button>
        {count > 0 && (
          <button type="button" class="link" onClick={() => onChange({})}>
            {t('popupFilterClear')}
          </button>
        )}
        <span class="spacer" />
        {props.children}
      </div>
      {open && (
        <fieldset id="filter-panel" class="filter-panel">
          <legend class="visually-hidden">{t('popupFilters')}</legend>
          {select(
            'tag',
            t('popupFilterTag'),
            choices.tags.map((v) => ({ value: v, label: v })),
          )}
          {select(
            'color',
            t('popupFilterColor'),
            DEFAULT_COLORS.map((c) => ({ value: c.id, label: colorLabels?.[c.id] ?? c.label })),
          )}
          {select(
            'mentions',
            t('popupFilterMentions'),
            choices.mentions
              .map((v) => ({ value: v, label: names[v] ?? v }))
              .sort((a, b) => a.label.localeCompare(b.label)),
          )}
          {select(
            'site',
            t('popupFilterSite'),
            choices.sites.map((v) => ({ value: v, label: v })),
          )}
          <label class="wide">
            <span>{t('popupFilterWhen')}</span>
            <select
              value={preset}
              onChange={(event) => {
                const id = (event.target as HTMLSelectElement).value;
                const chosen = PRESETS.find((p) => p.id === id);
                const { from: _from, to: _to, ...rest } = filter;
                onChange(chosen ? { ...rest, from: since(chosen.days) } : rest);
              }}
            >
              <option value="any">{t('popupFilterAnyTime')}</option>
              {PRESETS.map((p) => (
                <option key={p.id} value={p.id}>
                  {t(p.key, formatDay(since(p.days)))}
                </option>
              ))}
              {preset === 'range' && (
                <option value="range">
                  {t('popupFilterRange', [
                    filter.from ? formatDay(filter.from) : '…',
                    filter.to ? formatDay(filter.to) : '…',
                  ])}
                </option>
              )}
            </select>
          </label>
        </fieldset>
      )}
    </div>
  );
}
