/** Content script: wires the spotter, the marks' interactions and the tooltip into the page. */
import './style.css';
import { defineContentScript } from '#imports';
import { sendMessage } from '../../lib/messaging';
import { watchMarks } from '../../lib/page/mark-interaction';
import { Spotter } from '../../lib/page/spotter';
import { TooltipController } from './tooltip';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  cssInjectionMode: 'ui',
  main(ctx) {
    const spotter = new Spotter(
      document,
      {
        scanText: (page) => sendMessage('scanText', { ...page, url: location.href }),
        reportPage: (report) => sendMessage('reportPage', report),
      },
      ctx.signal,
    );
    const tooltip = new TooltipController(ctx, spotter, (ids) => sendMessage('getCards', { ids }));
    watchMarks(document, () => spotter.getMarks(), tooltip, ctx.signal);
  },
});
