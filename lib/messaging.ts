/**
 * The typed protocol between the content script and the background: one line of doc per message.
 * Every message's data is checked on arrival in the background (lib/message-guards.ts).
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { Card } from './knowledge/cards';
import type { PageText, TextMatches } from './matching/text-matcher';

export interface PageTiming {
  /** performance.now() when the content script started (the page's clock). */
  startedAt: number;
  /** From start until the marks were drawn and this report was sent, waits included. */
  totalMs: number;
  /** Main-thread time the content script used, and its longest uninterrupted stretch. */
  busyMs: number;
  longestTaskMs: number;
  textNodes: number;
  characters: number;
  /** Main-thread time by phase (collect, send, draw, report…). */
  phases: Record<string, number>;
}

export interface PageReport {
  url: string;
  published?: string;
  entities: { id: string; name: string; kind: string; aliases: string[]; mentions: number }[];
  incidents: { id: string; name: string; aliases: string[]; confidence: number; why: string }[];
  timing: PageTiming;
}

export interface ProtocolMap {
  /** The known names and incidents in a page's visible text; null when ClaimLens does not read this URL. */
  scanText(data: PageText & { url: string }): TextMatches | null;
  /** Tooltip cards for entity and incident ids (unknown ids are left out). */
  getCards(data: { ids: string[] }): Card[];
  /** What the page holds, for the toolbar badge and `npm run scan`. */
  reportPage(data: PageReport): void;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
