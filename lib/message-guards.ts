/** Checks the data of each message as it arrives in the background: a page must not be able to feed it junk. */
import type { PageReport, ProtocolMap } from './messaging';
import type { PageText } from './matching/text-matcher';

type Guards = { [K in keyof ProtocolMap]: (data: unknown) => data is Parameters<ProtocolMap[K]>[0] };

const MAX_MENTIONS = 2000;
const MAX_TEXT = 4000;
/** One message carries at most this much page text; longer pages are sent in parts. */
export const MAX_PAGE_TEXT = 2_000_000;
const MAX_BREAKS = 500_000;

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown, max = MAX_TEXT): v is string => typeof v === 'string' && v.length <= max;
const optStr = (v: unknown, max = MAX_TEXT) => v === undefined || isStr(v, max);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const strList = (v: unknown, maxItems: number, maxLen = 200): v is string[] =>
  Array.isArray(v) && v.length <= maxItems && v.every((s) => isStr(s, maxLen));

export const messageGuards: Guards = {
  scanText: (d): d is PageText & { url: string } =>
    isObj(d) &&
    isStr(d.url, 8192) &&
    typeof d.text === 'string' &&
    d.text.length <= MAX_PAGE_TEXT &&
    optStr(d.declaredDate, 100) &&
    (d.plainIds === undefined || strList(d.plainIds, 5000)) &&
    Array.isArray(d.breaks) &&
    d.breaks.length <= MAX_BREAKS &&
    d.breaks.every(
      (b, i, all) =>
        Number.isInteger(b) && b >= 0 && b <= (d.text as string).length && (i === 0 || b >= all[i - 1]!),
    ),
  getCards: (d): d is { ids: string[] } => isObj(d) && strList(d.ids, 500),
  reportPage: (d): d is PageReport =>
    isObj(d) &&
    isStr(d.url, 8192) &&
    optStr(d.published, 100) &&
    Array.isArray(d.entities) &&
    d.entities.length <= MAX_MENTIONS &&
    d.entities.every(
      (e) =>
        isObj(e) &&
        isStr(e.id, 200) &&
        isStr(e.name, 200) &&
        isStr(e.kind, 40) &&
        strList(e.aliases, 200, 400) &&
        isNum(e.mentions),
    ) &&
    Array.isArray(d.incidents) &&
    d.incidents.length <= MAX_MENTIONS &&
    d.incidents.every(
      (i) =>
        isObj(i) &&
        isStr(i.id, 200) &&
        isStr(i.name, 200) &&
        strList(i.aliases, 200, 400) &&
        isNum(i.confidence) &&
        isStr(i.why, 1000),
    ) &&
    isObj(d.timing) &&
    isNum(d.timing.totalMs),
};
