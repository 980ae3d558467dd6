/**
 * The record form: an extension page shown in an iframe inside ClaimLens's closed shadow root (like
 * the notes frame), so the page can neither read what the reader records nor submit it. The content
 * script hands it, over a port that comes with the secret in its address, the passage and what the
 * page says about itself; the form infers the source, asks the background for the names the page
 * marked, and records through the background, acting only on the reader's trusted gestures while
 * the form can be seen.
 */
import { render } from 'preact';
import { I18n } from '../../components/i18n';
import { Panel } from '../../components/Panel';
import { RecordForm } from '../../components/record/RecordForm';
import { translate as t } from '../../lib/i18n';
import { sendMessage } from '../../lib/messaging';
import type { KnownHit, RecordAnswer } from '../../lib/mypack/record-answers';
import {
  isToRecordFrame,
  readRecordFrameAddress,
  type FromRecordFrame,
  type RecordDraft,
} from '../../lib/mypack/record-frame-protocol';
import { inferSource } from '../../lib/mypack/source-inference';
import { shownSizeObserver } from '../../lib/page/frame-size';
import { watchSeen, type SeenWatcher } from '../../lib/page/seen';
import '../page-ui/style.css';
import './record.css';

const params = readRecordFrameAddress(location.hash);
// The secret leaves the address at once.
history.replaceState(null, '', location.pathname);
const root = document.getElementById('app')!;

if (params) {
  document.documentElement.classList.add(`cl-${params.theme}`);
  let port: MessagePort | null = null;
  const post = (message: FromRecordFrame) => port?.postMessage(message);
  const measure = shownSizeObserver(root, (size) => post({ type: 'size', ...size }));
  let seen: SeenWatcher | undefined;
  let generation = 0;
  const draw = (node: preact.VNode | null) => {
    render(node && <I18n.Provider value={t}>{node}</I18n.Provider>, root);
    measure.disconnect();
    measure.observe(root.firstElementChild ?? root);
  };
  const close = () => {
    generation++;
    draw(null);
    post({ type: 'close' });
  };
  /** Records only what the reader sends from a form they can see. */
  const submit = async (request: Parameters<typeof sendMessage<'recordItem'>>[1]): Promise<RecordAnswer> => {
    const shown = root.firstElementChild;
    if (!shown || !(await (seen ??= watchSeen(shown)).seen())) return { ok: false, error: t('errorNotSeen') };
    const answer = await sendMessage('recordItem', request);
    if (answer.ok) post({ type: 'recorded', incidentId: answer.incidentId });
    return answer;
  };
  const show = async (draft: RecordDraft) => {
    const mine = ++generation;
    const ids = [
      ...draft.inPassage.incidentIds,
      ...draft.inPassage.entityIds,
      ...draft.onPage.incidentIds,
      ...draft.onPage.entityIds,
    ];
    const suggested: KnownHit[] = await sendMessage('knownNames', {
      ids: [...new Set(ids)].slice(0, 200),
    }).catch(() => []);
    if (mine !== generation) return;
    seen?.stop();
    seen = undefined;
    draw(
      <Panel label={t('recordPanelLabel')} theme={params.theme} pinned onClose={close}>
        <RecordForm
          key={mine}
          draft={draft}
          source={inferSource(draft.meta, new Date().toISOString().slice(0, 10))}
          suggested={suggested}
          search={(query, what) => sendMessage('searchKnown', { query, what })}
          onSubmit={submit}
          onClose={close}
        />
      </Panel>,
    );
    root.querySelector<HTMLElement>('input[type="search"]')?.focus({ preventScroll: true });
  };
  const takePort = (event: MessageEvent) => {
    // Only the port that comes with the secret: the page can post to this frame too, but cannot know it.
    if (port || event.data !== params.secret || event.ports.length !== 1) return;
    window.removeEventListener('message', takePort);
    port = event.ports[0]!;
    port.onmessage = (message) => {
      if (!isToRecordFrame(message.data)) return;
      if (message.data.type === 'clear') {
        generation++;
        return draw(null);
      }
      void show(message.data.draft);
    };
  };
  window.addEventListener('message', takePort);
}
