/** Options: the reader's own names for the highlight colours (more settings come with the pack manager). */
import { useEffect, useState } from 'preact/hooks';
import { browser } from '#imports';
import { colorName } from '../../components/labels';
import { translate as t } from '../../lib/i18n';
import { COLOR_LABELS_KEY, cleanColorLabels, type ColorLabels } from '../../lib/notes/color-labels';
import { DEFAULT_COLORS } from '../../lib/notes/note-types';

export function App() {
  const [labels, setLabels] = useState<ColorLabels>({});
  const [status, setStatus] = useState('');

  useEffect(() => {
    void browser.storage.local
      .get(COLOR_LABELS_KEY)
      .then((stored) => setLabels(cleanColorLabels(stored[COLOR_LABELS_KEY])));
  }, []);

  const save = async (event: Event) => {
    event.preventDefault();
    const clean = cleanColorLabels(labels);
    try {
      await browser.storage.local.set({ [COLOR_LABELS_KEY]: clean });
      setStatus(t('optionsSaved'));
    } catch (error) {
      setStatus(t('optionsNotSaved', (error as Error).message));
    }
  };

  return (
    <main>
      <h1>ClaimLens</h1>
      <form onSubmit={save}>
        <fieldset>
          <legend>{t('optionsColoursLegend')}</legend>
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
        </fieldset>
        <button type="submit">{t('optionsSave')}</button>
        <p role="status">{status}</p>
      </form>
    </main>
  );
}
