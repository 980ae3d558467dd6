/**
 * What the content script and the record form (entrypoints/record-frame, an extension page in an
 * iframe inside ClaimLens's closed shadow root) tell each other over the MessageChannel port handed
 * to the form once with the secret in its address: the passage and what the page says about itself,
 * in; the form's size, "close" and what was recorded (ids only), out. The form records through the
 * background, never through the page.
 */
import type { NoteSelectors } from '../notes/note-types';
import type { PageMeta } from './page-meta';
import { isSelectors } from '../notes/selectors-guard';

export const RECORD_FRAME_PATH = '/record-frame.html';

export interface MarkedIds {
  incidentIds: string[];
  entityIds: string[];
}

/** What the form is opened with: the passage, the page's self-description, the marks in and around it. */
export interface RecordDraft {
  kind: 'claim' | 'statement';
  meta: PageMeta;
  passage: { url: string; selectors: NoteSelectors };
  /** Groups, people and incidents marked inside the passage (best guesses first). */
  inPassage: MarkedIds;
  /** Those marked anywhere on the page. */
  onPage: MarkedIds;
}

export type ToRecordFrame = { type: 'record'; draft: RecordDraft } | { type: 'clear' };

export type FromRecordFrame =
  | { type: 'size'; width: number; height: number }
  | { type: 'close' }
  /** Recorded (the page's marks come back when the background has rebuilt; the form says so). */
  | { type: 'recorded'; incidentId: string };

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const optStr = (v: unknown, max: number) => v === undefined || isStr(v, max);
const isIds = (v: unknown) => Array.isArray(v) && v.length <= 500 && v.every((id) => isStr(id, 200));
const isMarked = (v: unknown): v is MarkedIds => isObj(v) && isIds(v.incidentIds) && isIds(v.entityIds);
const isSize = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 100_000;

function isPageMeta(v: unknown): v is PageMeta {
  if (!isObj(v) || !isStr(v.url, 8192) || !isStr(v.title, 1000)) return false;
  const ld = v.linkedData;
  return (
    optStr(v.canonical, 8192) &&
    optStr(v.siteName, 1000) &&
    optStr(v.ogTitle, 1000) &&
    optStr(v.metaPublished, 100) &&
    (ld === undefined ||
      (isObj(ld) &&
        optStr(ld.headline, 1000) &&
        optStr(ld.publisher, 1000) &&
        optStr(ld.datePublished, 100) &&
        optStr(ld.url, 1000)))
  );
}

export function isToRecordFrame(d: unknown): d is ToRecordFrame {
  if (!isObj(d)) return false;
  if (d.type === 'clear') return true;
  if (d.type !== 'record' || !isObj(d.draft)) return false;
  const draft = d.draft;
  return (
    (draft.kind === 'claim' || draft.kind === 'statement') &&
    isPageMeta(draft.meta) &&
    isObj(draft.passage) &&
    isStr(draft.passage.url, 8192) &&
    isSelectors(draft.passage.selectors) &&
    isMarked(draft.inPassage) &&
    isMarked(draft.onPage)
  );
}

export function isFromRecordFrame(d: unknown): d is FromRecordFrame {
  if (!isObj(d)) return false;
  switch (d.type) {
    case 'size':
      return isSize(d.width) && isSize(d.height);
    case 'close':
      return true;
    case 'recorded':
      return isStr(d.incidentId, 200);
    default:
      return false;
  }
}

/** The form's address: the page's theme and the port's secret in the fragment (taken out as it starts). */
export function recordFrameAddress(base: string, theme: 'light' | 'dark', secret: string): string {
  return `${base}#${theme}:${secret}`;
}

export function readRecordFrameAddress(hash: string): { theme: 'light' | 'dark'; secret: string } | null {
  const match = /^#(light|dark):([A-Za-z0-9-]{32,100})$/.exec(hash);
  return match ? { theme: match[1] as 'light' | 'dark', secret: match[2]! } : null;
}
