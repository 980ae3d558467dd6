/**
 * The options page's My pack section, wired to its store (an extension page: the store directly, as
 * the pack manager is) and to the notes its passages are linked to; `#recorded-<key>` (from a note's
 * "Open in My pack") brings that item into view.
 */
import { useEffect, useState } from 'preact/hooks';
import { downloadText } from '../../components/download';
import { MyPackSection } from '../../components/options/MyPackSection';
import { translate as t } from '../../lib/i18n';
import { browseMyPack, deleteItem, editItem, type RecordedIncident } from '../../lib/mypack/my-pack-edit';
import { myPackStore } from '../../lib/mypack/my-pack-instance';
import { publishedIdentity, publishedPack } from '../../lib/mypack/publish';
import { linkedNoteIds } from '../../lib/mypack/note-links';
import { sendMessage } from '../../lib/messaging';
import { notesRepository } from '../../lib/notes/notes-repository';

const today = () => new Date().toISOString().slice(0, 10);
const random = () => crypto.randomUUID().replace(/-/g, '').slice(0, 8);

export function MyPackPanel() {
  const [incidents, setIncidents] = useState<RecordedIncident[] | null>(null);
  const [publishName, setPublishName] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ message?: string; error?: string }>();
  const [notes, setNotes] = useState<Record<string, { text: string }>>({});

  const load = async () => {
    const { state } = await myPackStore().read();
    const linked = await Promise.all(
      linkedNoteIds(state).map((id) =>
        notesRepository()
          .get(id)
          .catch(() => undefined),
      ),
    );
    setNotes(Object.fromEntries(linked.flatMap((note) => (note ? [[note.id, { text: note.text }]] : []))));
    setIncidents(browseMyPack(state));
    setPublishName(state.published?.name ?? t('optionsMyPackDefaultName'));
  };
  useEffect(() => {
    void load();
  }, []);
  useEffect(() => {
    const wanted =
      location.hash.startsWith('#recorded-') &&
      document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (!wanted) return;
    wanted.scrollIntoView({ block: 'center' });
    wanted.focus({ preventScroll: true });
  }, [incidents]);

  const run = async (work: () => Promise<{ message?: string; error?: string }>) => {
    setBusy(true);
    try {
      setOutcome(await work());
    } catch (error) {
      setOutcome({ error: (error as Error).message });
    } finally {
      await load();
      setBusy(false);
    }
  };

  if (!incidents) return null;
  return (
    <MyPackSection
      key={publishName}
      incidents={incidents}
      publishName={publishName}
      busy={busy}
      outcome={outcome}
      t={t}
      notes={notes}
      onOpenNote={(id) =>
        void sendMessage('openNote', { id }).then(
          (answer) => !answer.ok && setOutcome({ error: answer.message ?? t('errorNoteGone') }),
          (error: Error) => setOutcome({ error: error.message }),
        )
      }
      onEdit={(key, text) =>
        void run(async () => {
          const result = await myPackStore().change((state) => editItem(state, key, { text }, today()));
          return result.ok ? { message: t('optionsMyPackEdited') } : { error: result.error };
        })
      }
      onDelete={(key) =>
        void run(async () => {
          const result = await myPackStore().change((state) => deleteItem(state, key, today()));
          return result.ok ? { message: t('optionsMyPackDeleted') } : { error: result.error };
        })
      }
      onExport={(name) =>
        void run(async () => {
          let file = '';
          let id = '';
          await myPackStore().change((state) => {
            const identity = publishedIdentity(state, name, random);
            file = JSON.stringify(publishedPack(state, identity), null, 2);
            id = identity.id;
            return { ok: true as const, state: { ...state, published: identity } };
          });
          downloadText(file, 'application/json', `${id}.json`);
          return { message: t('optionsMyPackExported', `${id}.json`) };
        })
      }
    />
  );
}
