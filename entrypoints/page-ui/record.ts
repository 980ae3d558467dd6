/**
 * The page's side of recording a claim: describes the passage the reader selected (W3C selectors),
 * reads what the page says about itself as a source (lib/mypack/page-meta.ts) and the marks in and
 * around the passage, and shows the record form (entrypoints/record-frame, an extension page in an
 * iframe in the closed shadow root) docked at the edge of the window. The form records through the
 * background; this side is told only "close" and "recorded" (an id).
 */
import { browser } from '#imports';
import { describe } from '../../lib/anchoring';
import { readPageMeta } from '../../lib/mypack/page-meta';
import {
  RECORD_FRAME_PATH,
  isFromRecordFrame,
  recordFrameAddress,
  type FromRecordFrame,
  type MarkedIds,
  type ToRecordFrame,
} from '../../lib/mypack/record-frame-protocol';
import { toNoteSelectors } from '../../lib/page/note-selectors';
import { documentUrl } from '../../lib/page/page-address';
import type { Mark, Spotter } from '../../lib/page/spotter';
import { PrivateFrame } from './private-frame';
import type { UiRoot } from './ui-root';

export class RecordLauncher {
  private readonly frame: PrivateFrame<FromRecordFrame, ToRecordFrame>;

  constructor(
    private readonly doc: Document,
    ui: UiRoot,
    private readonly spotter: Spotter,
  ) {
    this.frame = new PrivateFrame<FromRecordFrame, ToRecordFrame>(
      ui,
      'record',
      { message: (message) => this.fromFrame(message) },
      {
        address: (secret, theme) =>
          recordFrameAddress(
            browser.runtime.getURL(RECORD_FRAME_PATH as '/record-frame.html'),
            theme,
            secret,
          ),
        isMessage: isFromRecordFrame,
      },
    );
  }

  isShown(): boolean {
    return this.frame.isShown();
  }

  /** Opens the form for the passage the reader selected; throws if the passage cannot be described. */
  open(kind: 'claim' | 'statement', range: Range): void {
    const selectors = toNoteSelectors(describe(this.doc.body, range));
    const marks = this.spotter.getMarks();
    const inside = marks.filter((m) => overlaps(m.range, range));
    void this.frame.show(
      {
        type: 'record',
        draft: {
          kind,
          meta: readPageMeta(this.doc),
          passage: { url: documentUrl(this.doc), selectors },
          inPassage: ids(inside),
          onPage: ids(marks),
        },
      },
      null,
      true,
    );
  }

  close(): void {
    if (this.frame.isShown()) this.frame.hide();
  }

  private fromFrame(message: FromRecordFrame): void {
    if (message.type === 'close') this.frame.hide();
  }
}

/** Incident and entity ids of marks, most marked first. */
function ids(marks: readonly Mark[]): MarkedIds {
  const count = (type: Mark['type']) => {
    const counts = new Map<string, number>();
    for (const m of marks) if (m.type === type) counts.set(m.targetId, (counts.get(m.targetId) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1]).map(([id]) => id);
  };
  return { incidentIds: count('incident').slice(0, 20), entityIds: count('entity').slice(0, 50) };
}

function overlaps(a: Range, b: Range): boolean {
  return (
    a.compareBoundaryPoints(Range.START_TO_END, b) > 0 && a.compareBoundaryPoints(Range.END_TO_START, b) < 0
  );
}
