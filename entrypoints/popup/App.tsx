/** The popup: what is on the current tab and the notes saved there (the full notes list comes next). */
import { useEffect, useState } from 'preact/hooks';
import { browser } from '#imports';
import { ThisPage } from '../../components/popup/ThisPage';
import { sendMessage, type PageReport } from '../../lib/messaging';
import type { Note } from '../../lib/notes/note-types';
import { notesRepository } from '../../lib/notes/notes-repository';
import { normalizeUrl, pageKeyFor } from '../../lib/notes/page-identity';

const t = (key: string, substitutions?: string | string[]) =>
  (browser.i18n.getMessage as (k: string, s?: string | string[]) => string)(key, substitutions) || key;

export function App() {
  const [report, setReport] = useState<PageReport | null>(null);
  const [notes, setNotes] = useState<Note[]>([]);
  const [error, setError] = useState('');

  useEffect(() => {
    void (async () => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      if (tab?.id === undefined) return;
      setReport(await sendMessage('tabReport', { tabId: tab.id }).catch(() => null));
      if (!tab.url || !/^https?:/.test(tab.url)) return;
      try {
        setNotes(await notesRepository().forPage(pageKeyFor({ url: tab.url }), [normalizeUrl(tab.url)]));
      } catch (e) {
        setError(t('popupStorageError', (e as Error).message));
      }
    })();
  }, []);

  return (
    <main>
      <h1>ClaimLens</h1>
      {error && <p role="alert">{error}</p>}
      <ThisPage report={report} notes={notes} t={t} />
    </main>
  );
}
