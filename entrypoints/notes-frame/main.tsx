/**
 * The notes frame: an extension page shown in an iframe inside ClaimLens's closed shadow root. The
 * reader's own words — the note editor, note cards, tags, the orphan and re-link notices — live only
 * here, on the extension's origin: the page can neither read nor click anything in it, and the keys
 * typed here never reach the page. Notes come from the background; the content script only says what
 * to show, over a port it hands over once with the secret in this frame's address (window messages
 * from the page are never trusted).
 */
import { render } from 'preact';
import { I18n } from '../../components/i18n';
import { translate } from '../../lib/i18n';
import { readFrameAddress, isToFrame, type FromFrame } from '../../lib/page/note-frame-protocol';
import { FrameView } from './frame-view';
import '../page-ui/style.css';
import { shownSizeObserver } from '../../lib/page/frame-size';
import './frame.css';

const params = readFrameAddress(location.search, location.hash);
// The secret leaves the address at once.
history.replaceState(null, '', location.pathname + location.search);
const root = document.getElementById('app')!;

if (params) {
  document.documentElement.classList.add(`cl-${params.theme}`);
  let port: MessagePort | null = null;
  const post = (message: FromFrame) => port?.postMessage(message);
  // The frame is as big as what it shows.
  const measure = shownSizeObserver(root, (size) => post({ type: 'size', ...size }));
  const view = new FrameView(params.role, params.theme, post, (node) => {
    render(node && <I18n.Provider value={translate}>{node}</I18n.Provider>, root);
    measure.disconnect();
    const shown = root.firstElementChild;
    measure.observe(shown ?? root);
    // Held to the frame's height (frame.css), the box keeps its size when its content grows: its parts
    // do not ("Nothing is selected yet" becoming a two-line selection), so they are watched too.
    for (const part of shown?.children ?? []) measure.observe(part);
  });
  const takePort = (event: MessageEvent) => {
    // Only the port that comes with the secret: the page can post to this frame too, but cannot know it.
    if (port || event.data !== params.secret || event.ports.length !== 1) return;
    window.removeEventListener('message', takePort);
    port = event.ports[0]!;
    port.onmessage = (message) => {
      if (isToFrame(message.data)) view.show(message.data);
    };
  };
  window.addEventListener('message', takePort);
}
