/**
 * The record form: a claim or statement from the passage the reader selected, into My pack. The
 * source is filled from the page; the incident and the claimant or speaker start at what the page
 * marked in the passage; the reader chooses the stance and, where nothing was marked, searches or
 * names a new one. Enter records; Escape closes (the panel around it).
 */
import { useState } from 'preact/hooks';
import {
  CLAIM_MODES,
  CLAIM_STANCES,
  EVENT_KINDS,
  STATEMENT_STANCES,
  type ClaimMode,
  type EntityKind,
  type EventKind,
} from '../../lib/knowledge/pack-types';
import type { KnownHit, KnownWhat, RecordAnswer } from '../../lib/mypack/record-answers';
import type { EntityChoice, IncidentChoice, RecordRequest } from '../../lib/mypack/record';
import type { RecordDraft } from '../../lib/mypack/record-frame-protocol';
import type { SourceDraft, SourceInference } from '../../lib/mypack/source-inference';
import { useT } from '../i18n';
import {
  CLAIM_MODE_LABEL,
  CLAIM_STANCE_LABEL,
  EVENT_KIND_LABEL,
  KIND_LABEL,
  STATEMENT_STANCE_LABEL,
} from '../labels';
import { NamePicker, type Picked } from './NamePicker';

export interface RecordFormProps {
  draft: RecordDraft;
  source: SourceInference;
  /** What the page marked in the passage, then elsewhere (names resolved by the background). */
  suggested: readonly KnownHit[];
  search(query: string, what: KnownWhat): Promise<KnownHit[]>;
  onSubmit(request: RecordRequest): Promise<RecordAnswer>;
  onClose(): void;
}

const ACTOR_KINDS: Record<'claim' | 'statement', readonly EntityKind[]> = {
  claim: ['group', 'media'],
  statement: ['person', 'organization'],
};
const NEW_ACTOR_KINDS: readonly EntityKind[] = ['group', 'organization', 'person', 'media'];
const QUOTE_PREVIEW = 280;

type Outcome =
  | { type: 'idle' }
  | { type: 'busy' }
  | { type: 'error'; message: string; problems?: string[] }
  | { type: 'duplicate'; message: string; request: RecordRequest }
  | { type: 'done'; secondSource: boolean };

const first = (hits: readonly KnownHit[], kinds: readonly string[]): Picked => {
  const hit = hits.find((h) => kinds.includes(h.type));
  return hit ? { type: 'known', hit } : { type: 'new' };
};

export function RecordForm(props: RecordFormProps) {
  const t = useT();
  const source0 = props.source.ok ? props.source.source : undefined;
  const [kind, setKind] = useState(props.draft.kind);
  const [incident, setIncident] = useState<Picked>(first(props.suggested, ['incident']));
  const [actor, setActor] = useState<Picked>(first(props.suggested, ACTOR_KINDS[props.draft.kind]));
  const [claimStance, setClaimStance] = useState<string>('claimed');
  const [statementStance, setStatementStance] = useState<string>('denies');
  const [attributed, setAttributed] = useState<Picked>({ type: 'none' });
  const [channel, setChannel] = useState<Picked>({ type: 'none' });
  const [mode, setMode] = useState<ClaimMode | ''>('');
  const [words, setWords] = useState('');
  const [newIncident, setNewIncident] = useState({
    name: '',
    date: source0?.published ?? '',
    kind: '' as EventKind | '',
  });
  const [place, setPlace] = useState<Picked>({ type: 'new' });
  const [newPlace, setNewPlace] = useState('');
  const [newActor, setNewActor] = useState({
    name: '',
    kind: (kind === 'claim' ? 'group' : 'person') as EntityKind,
  });
  const [newAttributed, setNewAttributed] = useState('');
  const [source, setSource] = useState<SourceDraft | undefined>(source0);
  const [outcome, setOutcome] = useState<Outcome>({ type: 'idle' });

  const quote = props.draft.passage.selectors.quote.exact;
  const shortQuote = quote.length > QUOTE_PREVIEW ? `${quote.slice(0, QUOTE_PREVIEW)}…` : quote;
  const suggestedOf = (kinds: readonly string[]) => props.suggested.filter((h) => kinds.includes(h.type));

  const switchKind = (next: 'claim' | 'statement') => {
    setKind(next);
    setActor(first(props.suggested, ACTOR_KINDS[next]));
    setNewActor({ ...newActor, kind: next === 'claim' ? 'group' : 'person' });
  };

  const entityChoice = (picked: Picked, name: string, kind: EntityKind): EntityChoice | undefined =>
    picked.type === 'known'
      ? { id: picked.hit.id }
      : picked.type === 'new'
        ? { new: { name, kind } }
        : undefined;

  const request = (): RecordRequest | undefined => {
    if (!source) return undefined;
    const incidentChoice: IncidentChoice | undefined =
      incident.type === 'known'
        ? { id: incident.hit.id }
        : {
            new: {
              name: newIncident.name,
              date: newIncident.date.trim(),
              place: entityChoice(place, newPlace, 'place') ?? { new: { name: newPlace, kind: 'place' } },
              ...(newIncident.kind ? { kind: newIncident.kind } : {}),
            },
          };
    const actorChoice = entityChoice(actor, newActor.name, newActor.kind)!;
    const text = words.trim() || undefined;
    const item: RecordRequest['item'] =
      kind === 'claim'
        ? {
            kind: 'claim',
            actor: actorChoice,
            stance: claimStance as (typeof CLAIM_STANCES)[number],
            ...(entityChoice(channel, '', 'media') ? { channel: entityChoice(channel, '', 'media') } : {}),
            ...(mode ? { mode } : {}),
            text,
          }
        : {
            kind: 'statement',
            actor: actorChoice,
            stance: statementStance as (typeof STATEMENT_STANCES)[number],
            ...(statementStance === 'attributes-to' && entityChoice(attributed, newAttributed, 'group')
              ? { attributedTo: [entityChoice(attributed, newAttributed, 'group')!] }
              : {}),
            text,
          };
    return { item, incident: incidentChoice!, source, passage: props.draft.passage };
  };

  const submit = async (req: RecordRequest | undefined) => {
    if (!req || outcome.type === 'busy') return;
    setOutcome({ type: 'busy' });
    let answer: RecordAnswer;
    try {
      answer = await props.onSubmit(req);
    } catch {
      answer = { ok: false, error: t('recordUnreachable') };
    }
    if (answer.ok) return setOutcome({ type: 'done', secondSource: answer.secondSource });
    if (answer.duplicate)
      return setOutcome({
        type: 'duplicate',
        message: answer.error,
        request: { ...req, asSecondSource: true },
      });
    setOutcome({ type: 'error', message: answer.error, problems: answer.problems });
  };

  if (outcome.type === 'done')
    return (
      <div class="cl-record-form">
        <p role="status">{t(outcome.secondSource ? 'recordDoneSecondSource' : 'recordDone')}</p>
        <div class="cl-editor-actions">
          <button type="button" autoFocus onClick={props.onClose}>
            {t('recordClose')}
          </button>
        </div>
      </div>
    );

  return (
    <form
      class="cl-record-form"
      aria-label={t(kind === 'claim' ? 'recordClaimLabel' : 'recordStatementLabel')}
      onSubmit={(event) => {
        event.preventDefault();
        void submit(request());
      }}
    >
      <fieldset class="cl-record-kind">
        <legend>{t('recordWhat')}</legend>
        {(['claim', 'statement'] as const).map((k) => (
          <label key={k}>
            <input type="radio" name="cl-record-kind" checked={kind === k} onChange={() => switchKind(k)} />{' '}
            {t(k === 'claim' ? 'recordKindClaim' : 'recordKindStatement')}
          </label>
        ))}
      </fieldset>
      <blockquote class="cl-quote">{shortQuote}</blockquote>

      <NamePicker
        legend={t('recordIncident')}
        suggested={suggestedOf(['incident'])}
        value={incident}
        onChange={setIncident}
        search={(q) => props.search(q, 'incident')}
        newLabel={t('recordNewIncident')}
        newFields={
          <div class="cl-record-new">
            <label>
              {t('recordIncidentName')}
              <input
                required
                value={newIncident.name}
                onInput={(e) =>
                  setNewIncident({ ...newIncident, name: (e.target as HTMLInputElement).value })
                }
              />
            </label>
            <label>
              {t('recordIncidentDate')}
              <input
                required
                pattern="\d{4}(-\d{2}(-\d{2})?)?"
                placeholder="YYYY-MM-DD"
                value={newIncident.date}
                onInput={(e) =>
                  setNewIncident({ ...newIncident, date: (e.target as HTMLInputElement).value })
                }
              />
            </label>
            <label>
              {t('recordIncidentKind')}
              <select
                value={newIncident.kind}
                onChange={(e) =>
                  setNewIncident({ ...newIncident, kind: (e.target as HTMLSelectElement).value as EventKind })
                }
              >
                <option value="">{t('recordUnsaid')}</option>
                {EVENT_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(EVENT_KIND_LABEL[k])}
                  </option>
                ))}
              </select>
            </label>
            <NamePicker
              legend={t('recordIncidentPlace')}
              suggested={[]}
              value={place}
              onChange={setPlace}
              search={(q) => props.search(q, 'place')}
              newLabel={t('recordNewPlace')}
              newFields={
                <label>
                  {t('recordPlaceName')}
                  <input
                    required
                    value={newPlace}
                    onInput={(e) => setNewPlace((e.target as HTMLInputElement).value)}
                  />
                </label>
              }
            />
          </div>
        }
      />

      <NamePicker
        legend={t(kind === 'claim' ? 'recordClaimant' : 'recordSpeaker')}
        suggested={suggestedOf(ACTOR_KINDS[kind])}
        value={actor}
        onChange={setActor}
        search={(q) => props.search(q, kind === 'claim' ? 'claimant' : 'speaker')}
        newLabel={t('recordNewName')}
        newFields={
          <div class="cl-record-new">
            <label>
              {t('recordName')}
              <input
                required
                value={newActor.name}
                onInput={(e) => setNewActor({ ...newActor, name: (e.target as HTMLInputElement).value })}
              />
            </label>
            <label>
              {t('recordNameKind')}
              <select
                value={newActor.kind}
                onChange={(e) =>
                  setNewActor({ ...newActor, kind: (e.target as HTMLSelectElement).value as EntityKind })
                }
              >
                {NEW_ACTOR_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(KIND_LABEL[k])}
                  </option>
                ))}
              </select>
            </label>
          </div>
        }
      />

      <label class="cl-record-field">
        {t('recordStance')}
        {kind === 'claim' ? (
          <select value={claimStance} onChange={(e) => setClaimStance((e.target as HTMLSelectElement).value)}>
            {CLAIM_STANCES.map((s) => (
              <option key={s} value={s}>
                {t(CLAIM_STANCE_LABEL[s])}
              </option>
            ))}
          </select>
        ) : (
          <select
            value={statementStance}
            onChange={(e) => setStatementStance((e.target as HTMLSelectElement).value)}
          >
            {STATEMENT_STANCES.map((s) => (
              <option key={s} value={s}>
                {t(STATEMENT_STANCE_LABEL[s])}
              </option>
            ))}
          </select>
        )}
      </label>

      {kind === 'statement' && statementStance === 'attributes-to' && (
        <NamePicker
          legend={t('recordAttributedTo')}
          suggested={suggestedOf(['group'])}
          value={attributed}
          onChange={setAttributed}
          search={(q) => props.search(q, 'claimant')}
          newLabel={t('recordNewName')}
          newFields={
            <label>
              {t('recordName')}
              <input
                required
                value={newAttributed}
                onInput={(e) => setNewAttributed((e.target as HTMLInputElement).value)}
              />
            </label>
          }
        />
      )}

      {kind === 'claim' && (
        <details class="cl-record-more">
          <summary>{t('recordChannel')}</summary>
          <NamePicker
            legend={t('recordChannelThrough')}
            suggested={suggestedOf(['media'])}
            value={channel}
            onChange={setChannel}
            search={(q) => props.search(q, 'channel')}
            noneLabel={t('recordUnsaid')}
          />
          <label class="cl-record-field">
            {t('recordMode')}
            <select
              value={mode}
              onChange={(e) => setMode((e.target as HTMLSelectElement).value as ClaimMode)}
            >
              <option value="">{t('recordUnsaid')}</option>
              {CLAIM_MODES.map((m) => (
                <option key={m} value={m}>
                  {t(CLAIM_MODE_LABEL[m])}
                </option>
              ))}
            </select>
          </label>
        </details>
      )}

      <label class="cl-record-field">
        {t('recordWords')}
        <textarea
          rows={2}
          value={words}
          placeholder={t('recordWordsPlaceholder')}
          onInput={(e) => setWords((e.target as HTMLTextAreaElement).value)}
        />
      </label>

      {source ? (
        <fieldset class="cl-record-source">
          <legend>{t('recordSource')}</legend>
          <p class="cl-meta cl-record-url">{source.url}</p>
          <label>
            {t('recordPublisher')}
            <input
              required
              value={source.publisher}
              onInput={(e) => setSource({ ...source, publisher: (e.target as HTMLInputElement).value })}
            />
          </label>
          <label>
            {t('recordHeadline')}
            <input
              required
              value={source.title}
              onInput={(e) => setSource({ ...source, title: (e.target as HTMLInputElement).value })}
            />
          </label>
          <label>
            {t('recordPublished')}
            <input
              pattern="\d{4}(-\d{2}(-\d{2})?)?"
              placeholder="YYYY-MM-DD"
              value={source.published ?? ''}
              onInput={(e) => {
                const value = (e.target as HTMLInputElement).value.trim();
                const { published: _drop, ...rest } = source;
                setSource(value ? { ...rest, published: value } : rest);
              }}
            />
          </label>
        </fieldset>
      ) : (
        <p class="cl-error" role="alert">
          {!props.source.ok && props.source.error}
        </p>
      )}

      {outcome.type === 'error' && (
        <div class="cl-error" role="alert">
          <p>{outcome.message}</p>
          {outcome.problems && (
            <ul>
              {outcome.problems.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {outcome.type === 'duplicate' && (
        <div class="cl-record-duplicate" role="alert">
          <p>{outcome.message}</p>
          <button type="button" onClick={() => void submit(outcome.request)}>
            {t('recordAddSecondSource')}
          </button>
        </div>
      )}

      <div class="cl-editor-actions">
        <button type="submit" disabled={!source || outcome.type === 'busy'}>
          {t(kind === 'claim' ? 'recordSaveClaim' : 'recordSaveStatement')}
        </button>
        <button type="button" onClick={props.onClose}>
          {t('recordCancel')}
        </button>
      </div>
    </form>
  );
}
