/** The reader's own names for the five highlight colours. */
import { useState } from 'preact/hooks';
import type { Translate } from '../../lib/i18n';
import type { ColorLabels } from '../../lib/notes/color-labels';
import { DEFAULT_COLORS } from '../../lib/notes/note-types';
import { colorName } from '../labels';

export interface ColourNamesProps {
  labels: ColorLabels;
  onSave(labels: ColorLabels): Promise<void>;
  t: Translate;
}

export function ColourNames({ labels: saved, onSave, t }: ColourNamesProps) {
  const [labels, setLabels] = useState<ColorLabels>(saved);
  const [status, setStatus] = useState('');
  return (
    <section aria-labelledby="colours-title">
      <h2 id="colours-title">{t('optionsColoursLegend')}</h2>
      <form
        onSubmit={async (event) => {
          event.preventDefault();
          try {
            await onSave(labels);
            setStatus(t('optionsSaved'));
          } catch (error) {
            setStatus(t('optionsNotSaved', (error as Error).message));
          }
        }}
      >
        <p>{t('optionsColoursHelp')}</p>
        {DEFAULT_COLORS.map((c) => {
          const name = colorName(t, c.id);
          return (
            <label key={c.id} class="row">
              <span class={`swatch swatch-${c.id}`} aria-hidden="true" />
              <span class="default">{name}</span>
              <input
                type="text"
                maxLength={40}
                placeholder={name}
                value={labels[c.id] ?? ''}
                aria-label={t('optionsColourName', name)}
                onInput={(e) => setLabels({ ...labels, [c.id]: (e.target as HTMLInputElement).value })}
              />
            </label>
          );
        })}
        <button type="submit">{t('optionsSave')}</button>
        <p role="status">{status}</p>
      </form>
    </section>
  );
}
