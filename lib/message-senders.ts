// Who sent a message to the background, and what that sender may ask: the one rule every message goes through (pure).
import type { ProtocolMap } from './messaging';

/** What the background knows of a sender (a subset of `runtime.MessageSender`). */
export interface SenderInfo {
  id?: string;
  url?: string;
  /** The origin of the sending document (Chromium): a frame without an address of its own has its maker's. */
  origin?: string;
  tab?: { id?: number; url?: string };
  frameId?: number;
}

/** The extension itself: its id and its origin (`runtime.getURL('/')`). */
export interface OwnExtension {
  id: string;
  origin: string;
}

/**
 * A sender the background answers:
 * - `extension`: a page of the extension's own origin (popup, options, a frame of the extension shown
 *   inside a web page). A web page cannot run code there; these may list and change every note.
 * - `page`: a content script, answered only about the page of the frame that sent it (`url`, from the
 *   browser, never from the message). A frame is answered about its own address; a frame without one
 *   (`about:blank`, `about:srcdoc`: written by the page around it) about the tab's page, if it has
 *   that page's origin.
 */
export type Sender = { kind: 'extension' } | { kind: 'page'; tabId: number; frameId: number; url: string };

/**
 * Which senders each message is for:
 * - `public`: pack data and matching, the same for everyone (a content script's text is matched, its
 *   findings filed for its own tab);
 * - `own-page`: notes, answered about the sender's own page when a content script asks, about any
 *   page when an extension page does;
 * - `extension`: every note, every tab — extension pages only.
 */
export const MESSAGE_ACCESS: { [K in keyof ProtocolMap]: 'public' | 'own-page' | 'extension' } = {
  scanText: 'public',
  scanWithDate: 'public',
  getCards: 'public',
  reportPage: 'public',
  openPage: 'own-page',
  saveNote: 'own-page',
  updateNote: 'own-page',
  deleteNote: 'own-page',
  restoreNote: 'own-page',
  relinkNote: 'own-page',
  setAnchorStatus: 'own-page',
  listTags: 'own-page',
  deleteNotes: 'extension',
  restoreNotes: 'extension',
  retagNotes: 'extension',
  startRelink: 'extension',
  tabReport: 'extension',
  showMark: 'extension',
  openNote: 'extension',
  getNotes: 'extension',
  // The record form (an extension page): what the reader records goes into My pack.
  searchKnown: 'extension',
  knownNames: 'extension',
  recordItem: 'extension',
  recordedForNote: 'extension',
};

const isWebUrl = (url: string): boolean => /^https?:\/\//i.test(url);

/**
 * Who sent a message, as the browser says (`sender.id`, `sender.url`, `sender.tab`, `sender.frameId`):
 * null for anything that is neither the extension's own page nor its content script in a web page's
 * tab (another extension, a sender without an address).
 */
export function identifySender(sender: SenderInfo, own: OwnExtension): Sender | null {
  if (sender.id !== own.id || typeof sender.url !== 'string') return null;
  // The extension's own origin: only the extension's pages load there.
  if (own.origin !== '' && sender.url.startsWith(own.origin)) return { kind: 'extension' };
  const tabId = sender.tab?.id;
  if (typeof tabId !== 'number' || typeof sender.frameId !== 'number') return null;
  const url = isWebUrl(sender.url) ? sender.url : madeByTabPage(sender);
  return url === null ? null : { kind: 'page', tabId, frameId: sender.frameId, url };
}

/** The tab's page address for a frame it wrote itself (about:blank, about:srcdoc) of its origin; else null. */
function madeByTabPage(sender: SenderInfo): string | null {
  const top = sender.tab?.url;
  if (sender.frameId === 0 || !/^about:(blank|srcdoc)$/i.test(sender.url ?? '')) return null;
  if (typeof top !== 'string' || !isWebUrl(top)) return null;
  if (typeof sender.origin === 'string' && sender.origin !== new URL(top).origin) return null;
  return top;
}

/** The sender of a message, if it may send it at all (null: refused). */
export function senderFor<K extends keyof ProtocolMap>(
  type: K,
  sender: SenderInfo,
  own: OwnExtension,
): Sender | null {
  const who = identifySender(sender, own);
  if (!who) return null;
  return MESSAGE_ACCESS[type] === 'extension' && who.kind !== 'extension' ? null : who;
}
