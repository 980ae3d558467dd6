/** Options: the reader's own names for the highlight colours (more settings come with the pack manager). */
import { useEffect, useState } from 'preact/hooks';
import { browser } from '#imports';
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
      setStatus('Saved. New notes use these names.');
    } catch (error) {
      setStatus(`Not saved: ${(error as Error).message}`);
    }
  };

  return (
    <main>
      <h1>ClaimLens</h1>
      <form onSubmit={save}>
        <fieldset>
          <legend>Highlight colours</legend>
          <p>Each colour keeps its meaning for you. Leave a name empty for the default.</p>
          {DEFAULT_COLORS.map((c) => (
            <label key={c.id} class="row">
              <span class={`swatch swatch-${c.id}`} aria-hidden="true" />
              <span class="default">{c.label}</span>
              <input
                type="text"
                maxLength={40}
                placeholder={c.label}
                value={labels[c.id] ?? ''}
                aria-label={`Name for the colour “${c.label}”`}
                onInput={(e) => setLabels({ ...labels, [c.id]: (e.target as HTMLInputElement).value })}
              />
            </label>
          ))}
        </fieldset>
        <button type="submit">Save</button>
        <p role="status">{status}</p>
      </form>
    </main>
  );
}
