/** The page UI, loaded by the content script the first time it is needed: registers its factory. */
import { defineUnlistedScript } from '#imports';
import {
  PAGE_UI_GLOBAL,
  type PageUi,
  type PageUiDeps,
  type PageUiFactory,
} from '../../lib/page/page-ui-contract';
import { NotesController } from './notes';
import { PanelController } from './tooltip';
import { UiRoot } from './ui-root';

const createPageUi: PageUiFactory = (deps: PageUiDeps): PageUi => {
  const ui = new UiRoot(deps.ctx);
  const notes = new NotesController(deps.doc, ui, deps.spotter, deps.notesPorts, deps.signal);
  deps.signal.addEventListener('abort', () => ui.remove(), { once: true });
  const panel = new PanelController(
    ui,
    {
      getMarks: deps.allMarks,
      setActive: (mark) => {
        deps.spotter.setActive(mark);
        notes.setActive(mark);
      },
      onChange: (listener) => {
        deps.spotter.onChange(listener);
        notes.onChange(listener);
      },
    },
    deps.loadCards,
    notes,
    (listener) => deps.signal.addEventListener('abort', listener, { once: true }),
  );
  notes.panel = panel;
  notes.onChange(deps.onNoteMarksChanged);
  // The page took the host away: what was open in it is gone (it comes back in a new host when needed).
  ui.onLost(() => panel.close());
  return {
    panel,
    owns: (event) => ui.owns(event),
    clickedOwnUi: (event) => {
      // A click on one of ClaimLens's buttons that never got to it after the dispatch: the page stopped it.
      if (!(event instanceof MouseEvent) || !ui.buttonAt(event.clientX, event.clientY)) return;
      setTimeout(() => {
        if (!ui.clickReached(event)) notes.reportStoppedClick();
      }, 0);
    },
    notes: {
      show: (page) => notes.show(page),
      getMarks: () => notes.getMarks(),
      selectionChanged: (range) => void notes.showToolbar(range),
      runCommand: (command, range) => notes.runCommand(command, range),
      focus: (id) => notes.focus(id),
      startRelink: (id, range) => notes.startRelink(id, range),
    },
  };
};

export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[PAGE_UI_GLOBAL] = createPageUi;
});
