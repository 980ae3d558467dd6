/**
 * One choice in the record form: a known incident or name (search, then pick from a radio list that
 * starts with what the page marked), a new one, or none (optional fields). Keyboard: type, Tab to the
 * list, arrows to choose.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { KnownHit } from '../../lib/mypack/record-answers';
import { formatDay } from '../../lib/calendar';
import { useT } from '../i18n';
import { KIND_LABEL } from '../labels';

export type Picked = { type: 'known'; hit: KnownHit } | { type: 'new' } | { type: 'none' };

export interface NamePickerProps {
  /** The field's name, shown as its legend ("Incident", "Claimed by"). */
  legend: string;
  /** What the page marked, offered before the reader types. */
  suggested: readonly KnownHit[];
  value: Picked;
  onChange(value: Picked): void;
  search(query: string): Promise<KnownHit[]>;
  /** The label of the "new" choice, and the fields it opens; absent: no new ones. */
  newLabel?: string;
  newFields?: ComponentChildren;
  /** The label of the "none" choice (an optional field). */
  noneLabel?: string;
}

export function NamePicker(props: NamePickerProps) {
  const t = useT();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<KnownHit[] | null>(null);
  const group = useRef(`cl-pick-${Math.random().toString(36).slice(2)}`).current;
  const asked = useRef(0);
  useEffect(() => {
    const q = query.trim();
    if (!q) return setFound(null);
    const ticket = ++asked.current;
    const timer = setTimeout(() => {
      void props.search(q).then(
        (hits) => ticket === asked.current && setFound(hits),
        () => ticket === asked.current && setFound([]),
      );
    }, 150);
    return () => clearTimeout(timer);
  }, [query]);

  const chosen = props.value.type === 'known' ? props.value.hit : undefined;
  const shown = found ?? props.suggested;
  // The chosen one stays in the list while the reader searches for another.
  const hits = chosen && !shown.some((h) => h.id === chosen.id) ? [chosen, ...shown] : shown;
  const detail = (hit: KnownHit) =>
    hit.type === 'incident' ? `${formatDay(hit.date)}, ${hit.place}` : t(KIND_LABEL[hit.type]);

  return (
    <fieldset class="cl-record-pick">
      <legend>{props.legend}</legend>
      <input
        type="search"
        aria-label={t('recordSearchLabel', props.legend)}
        placeholder={t('recordSearchPlaceholder')}
        value={query}
        onInput={(event) => setQuery((event.target as HTMLInputElement).value)}
        onKeyDown={(event) => {
          // Enter in a search goes to what it found, never records the form half-filled.
          if (event.key !== 'Enter') return;
          event.preventDefault();
          const options = (event.currentTarget.parentElement as HTMLElement).querySelectorAll(
            'input[type="radio"]',
          );
          (options[0] as HTMLInputElement | undefined)?.focus();
        }}
      />
      {found !== null && found.length === 0 && <p class="cl-meta">{t('recordNothingFound')}</p>}
      <div class="cl-record-options">
        {hits.map((hit) => (
          <label key={hit.id}>
            <input
              type="radio"
              name={group}
              checked={chosen?.id === hit.id}
              onChange={() => props.onChange({ type: 'known', hit })}
            />{' '}
            {hit.name} <span class="cl-meta">({detail(hit)})</span>
          </label>
        ))}
        {props.newLabel && (
          <label>
            <input
              type="radio"
              name={group}
              checked={props.value.type === 'new'}
              onChange={() => props.onChange({ type: 'new' })}
            />{' '}
            {props.newLabel}
          </label>
        )}
        {props.noneLabel && (
          <label>
            <input
              type="radio"
              name={group}
              checked={props.value.type === 'none'}
              onChange={() => props.onChange({ type: 'none' })}
            />{' '}
            {props.noneLabel}
          </label>
        )}
      </div>
      {props.value.type === 'new' && props.newFields}
    </fieldset>
  );
}
