/**
 * The typed protocol between the content script and the background: one line of doc per message.
 * Every message's data is checked on arrival in the background (lib/message-guards.ts).
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { Card } from './knowledge/cards';
import type { MatcherBundle } from './matching/matcher-bundle';
import type { EvidenceMention, IncidentMatch } from './matching/incident-resolver';

export interface PageEvidence {
  /** Publication date from the page's metadata (ISO date or date-time), if any. */
  published?: string;
  /** The first words of the page's text, for a dateline when metadata has no date. */
  dateline?: string;
  mentions: EvidenceMention[];
  entityIds: string[];
}

export interface PageIncidents {
  /** The calendar day the background settled on (metadata first, then the dateline). */
  published?: string;
  incidents: IncidentMatch[];
}

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
  /** Main-thread time by phase (load, scan, filter, count, draw, report). */
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
  /** The compiled matcher for the enabled packs; null when the page's URL is not one ClaimLens reads. */
  getMatcher(data: { url: string }): MatcherBundle | null;
  /** Which known incidents the page is about, with confidence and reasons. */
  resolveIncidents(data: PageEvidence): PageIncidents;
  /** Tooltip cards for entity and incident ids (unknown ids are left out). */
  getCards(data: { ids: string[] }): Card[];
  /** What the page holds, for the toolbar badge and `npm run scan`. */
  reportPage(data: PageReport): void;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
