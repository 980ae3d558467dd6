/** The popup's filters: tag, colour, group or incident, site, date range (they combine). */
import type { NoteFilter } from '../../lib/notes/note-filter';
import { DEFAULT_COLORS } from '../../lib/notes/note-types';
import type { Translate } from './ThisPage';

export interface NoteFiltersProps {
  choices: { tags: string[]; sites: string[]; mentions: string[] };
  filter: NoteFilter;
  onChange(filter: NoteFilter): void;
  /** Display names of the groups and incidents, by id. */
  names: Readonly<Record<string, string>>;
  colorLabels?: Readonly<Record<string, string>>;
  t: Translate;
}

export function NoteFilters({ choices, filter, onChange, names, colorLabels, t }: NoteFiltersProps) {
  const set = (key: keyof NoteFilter) => (event: Event) =>
    onChange({ ...filter, [key]: (event.target as HTMLInputElement | HTMLSelectElement).value || undefined });
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
  const active = Object.values(filter).some(Boolean);
  return (
    <fieldset class="filters">
      <legend>{t('popupFilters')}</legend>
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
        choices.mentions.map((v) => ({ value: v, label: names[v] ?? v })),
      )}
      {select(
        'site',
        t('popupFilterSite'),
        choices.sites.map((v) => ({ value: v, label: v })),
      )}
      <label>
        <span>{t('popupFilterFrom')}</span>
        <input type="date" value={filter.from ?? ''} onChange={set('from')} />
      </label>
      <label>
        <span>{t('popupFilterTo')}</span>
        <input type="date" value={filter.to ?? ''} onChange={set('to')} />
      </label>
      {active && (
        <button type="button" onClick={() => onChange({})}>
          {t('popupFilterClear')}
        </button>
      )}
    </fieldset>
  );
}
