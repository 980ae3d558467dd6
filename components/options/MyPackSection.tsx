/**
 * My pack on the options page: what the reader recorded, by incident, each claim and statement with
 * its sources and the passage it was recorded from (opened at the passage), and the reader's note on
 * that passage where there is one; its words edited, an item deleted; the whole exported as a pack
 * file to publish (any static host), under a name of its own.
 */
import { useState } from 'preact/hooks';
import type { Translate } from '../../lib/i18n';
import { formatDay } from '../../lib/calendar';
import type { RecordedIncident, RecordedItem } from '../../lib/mypack/my-pack-edit';
import { textFragmentLink } from '../../lib/notes/text-fragment';
import { safeHttpUrl } from '../../lib/safe-url';
import { CLAIM_STANCE_LABEL, STATEMENT_STANCE_LABEL } from '../labels';
import type { ClaimStance, StatementStance } from '../../lib/knowledge/pack-types';

export interface MyPackSectionProps {
  incidents: readonly RecordedIncident[];
  /** The name the pack was last exported under (or a suggestion). */
  publishName: string;
  busy: boolean;
  outcome?: { message?: string; error?: string };
  onEdit(key: string, text: string): void;
  onDelete(key: string): void;
  onExport(name: string): void;
  /** The reader's notes the passages are linked to, by id (one deleted since is left out). */
  notes?: Readonly<Record<string, { text: string }>>;
  /** Shows a note on its page. */
  onOpenNote?(id: string): void;
  t: Translate;
}

export function MyPackSection(props: MyPackSectionProps) {
  const { t } = props;
  const [name, setName] = useState(props.publishName);
  const items = props.incidents.reduce((n, i) => n + i.items.length, 0);
  return (
    <section aria-labelledby="my-pack-title">
      <h2 id="my-pack-title">{t('optionsMyPackTitle')}</h2>
      <p>{t('optionsMyPackHelp')}</p>
      {items === 0 ? (
        <p>{t('optionsMyPackEmpty')}</p>
      ) : (
        <ul class="my-pack">
          {props.incidents.map((incident) => (
            <li key={incident.id} aria-label={incident.name}>
              <h3>
                {incident.name}{' '}
                <span class="meta">
                  {formatDay(incident.date)}, {incident.place}
                </span>
              </h3>
              <ul>
                {incident.items.map((item) => (
                  <RecordedRow key={item.key} item={item} {...props} />
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          props.onExport(name);
        }}
      >
        <label for="my-pack-name">{t('optionsMyPackExportName')}</label>
        <p id="my-pack-name-help">{t('optionsMyPackExportHelp')}</p>
        <input
          id="my-pack-name"
          required
          maxLength={200}
          aria-describedby="my-pack-name-help"
          value={name}
          onInput={(e) => setName((e.target as HTMLInputElement).value)}
        />
        <button type="submit" disabled={props.busy || items === 0}>
          {t('optionsMyPackExport')}
        </button>
      </form>
      {props.outcome?.message && <p role="status">{props.outcome.message}</p>}
      {props.outcome?.error && <p role="alert">{props.outcome.error}</p>}
    </section>
  );
}

const NOTE_PREVIEW = 200;

function RecordedRow({
  item,
  busy,
  onEdit,
  onDelete,
  notes,
  onOpenNote,
  t,
}: MyPackSectionProps & { item: RecordedItem }) {
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(item.text);
  const stance =
    item.kind === 'claim'
      ? t(CLAIM_STANCE_LABEL[item.stance as ClaimStance])
      : t(STATEMENT_STANCE_LABEL[item.stance as StatementStance]);
  return (
    <li id={`recorded-${item.key}`} tabIndex={-1} aria-label={`${item.actor}: ${stance}`}>
      <strong>{item.actor}</strong> {stance}
      {editing ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            onEdit(item.key, text);
            setEditing(false);
          }}
        >
          <label>
            {t('optionsMyPackWords')}
            <textarea value={text} onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} />
          </label>
          <button type="submit" disabled={busy}>
            {t('optionsSave')}
          </button>
          <button type="button" onClick={() => setEditing(false)}>
            {t('recordCancel')}
          </button>
        </form>
      ) : (
        <p>{item.text}</p>
      )}
      <ul>
        {item.sources.map(({ source, passage }) => {
          const at = passage
            ? textFragmentLink({ url: passage.url, selectors: passage.selectors })
            : undefined;
          const href = at ?? safeHttpUrl(source.url);
          return (
            <li key={source.id}>
              {href ? (
                <a href={href} target="_blank" rel="noopener noreferrer">
                  {source.publisher}
                </a>
              ) : (
                source.publisher
              )}
              {source.published && <>, {formatDay(source.published)}</>}: {source.title}
              {passage && <blockquote>{passage.selectors.quote.exact}</blockquote>}
              {passage?.noteId && notes?.[passage.noteId] && (
                <YourNote id={passage.noteId} text={notes[passage.noteId]!.text} onOpen={onOpenNote} t={t} />
              )}
            </li>
          );
        })}
      </ul>
      {!editing && (
        <>
          <button type="button" disabled={busy} onClick={() => setEditing(true)}>
            {t('optionsMyPackEdit')}
          </button>
          <button type="button" disabled={busy} onClick={() => onDelete(item.key)}>
            {t('optionsMyPackDelete')}
          </button>
        </>
      )}
    </li>
  );
}

/** The reader's note on the passage an item was recorded from. */
function YourNote({
  id,
  text,
  onOpen,
  t,
}: {
  id: string;
  text: string;
  onOpen?: (id: string) => void;
  t: Translate;
}) {
  const shown = text.length > NOTE_PREVIEW ? `${text.slice(0, NOTE_PREVIEW)}…` : text;
  return (
    <p class="my-pack-note">
      {text ? (
        <>
          {t('optionsMyPackYourNote')} <q>{shown}</q>
        </>
      ) : (
        t('optionsMyPackNoteNoText')
      )}{' '}
      {onOpen && (
        <button type="button" onClick={() => onOpen(id)}>
          {t('optionsMyPackOpenNote')}
        </button>
      )}
    </p>
  );
}
