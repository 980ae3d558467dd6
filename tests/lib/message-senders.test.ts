// The background's sender rule: extension pages by their origin, content scripts only about their own page.
import { describe, expect, it } from 'vitest';
import { MESSAGE_ACCESS, identifySender, senderFor } from '../../lib/message-senders';
import type { ProtocolMap } from '../../lib/messaging';

const own = { id: 'claimlens-id', origin: 'chrome-extension://claimlens-id/' };
const popup = { id: own.id, url: 'chrome-extension://claimlens-id/popup.html' };
const noteFrame = {
  id: own.id,
  url: 'chrome-extension://claimlens-id/note-frame.html',
  tab: { id: 7 },
  frameId: 3,
};
const contentScript = { id: own.id, url: 'https://news.example/story#top', tab: { id: 7 }, frameId: 0 };

describe('identifySender', () => {
  it('recognises the extension’s pages by their origin, in a tab or not', () => {
    expect(identifySender(popup, own)).toEqual({ kind: 'extension' });
    expect(identifySender(noteFrame, own)).toEqual({ kind: 'extension' });
  });

  it('answers a content script about the page the browser says it runs in', () => {
    expect(identifySender(contentScript, own)).toEqual({
      kind: 'page',
      tabId: 7,
      frameId: 0,
      url: 'https://news.example/story#top',
    });
  });

  it('refuses another extension, a sender without an address and one that is neither', () => {
    expect(identifySender({ ...popup, id: 'other-extension' }, own)).toBeNull();
    expect(identifySender({ ...contentScript, id: undefined }, own)).toBeNull();
    expect(identifySender({ ...contentScript, url: undefined }, own)).toBeNull();
    // a look-alike origin is not the extension's
    expect(identifySender({ ...popup, url: 'chrome-extension://claimlens-id.evil/popup.html' }, own)).toEqual(
      null,
    );
    // no tab, or not a web page: nobody ClaimLens talks to
    expect(identifySender({ ...contentScript, tab: undefined }, own)).toBeNull();
    expect(identifySender({ ...contentScript, frameId: undefined }, own)).toBeNull();
    expect(identifySender({ ...contentScript, url: 'file:///home/reader/notes.html' }, own)).toBeNull();
    expect(identifySender({ ...contentScript, url: 'data:text/html,hi' }, own)).toBeNull();
  });
});

describe('identifySender in frames', () => {
  const tab = { id: 7, url: 'https://news.example/story#top' };
  it('answers a frame about its own address, and a frame the page wrote (srcdoc, blank) about the tab’s page', () => {
    const framed = { id: own.id, url: 'https://video.example/embed', tab, frameId: 4 };
    expect(identifySender(framed, own)).toMatchObject({ frameId: 4, url: 'https://video.example/embed' });
    const srcdoc = { id: own.id, url: 'about:srcdoc', origin: 'https://news.example', tab, frameId: 5 };
    expect(identifySender(srcdoc, own)).toMatchObject({ frameId: 5, url: 'https://news.example/story#top' });
    expect(identifySender({ ...srcdoc, url: 'about:blank' }, own)).toMatchObject({ frameId: 5 });
  });

  it('refuses a written frame of another origin, a top page without an address, and a tab it cannot see', () => {
    const srcdoc = { id: own.id, url: 'about:srcdoc', origin: 'https://news.example', tab, frameId: 5 };
    expect(identifySender({ ...srcdoc, origin: 'https://ads.example' }, own)).toBeNull();
    expect(identifySender({ ...srcdoc, frameId: 0 }, own)).toBeNull();
    expect(identifySender({ ...srcdoc, tab: { id: 7 } }, own)).toBeNull();
  });
});

describe('senderFor', () => {
  const everyMessage = Object.keys(MESSAGE_ACCESS) as (keyof ProtocolMap)[];

  it('lets extension pages send every message', () => {
    for (const type of everyMessage) expect(senderFor(type, popup, own)).toEqual({ kind: 'extension' });
  });

  it('never lets a content script list, change or show every note, or act on other tabs', () => {
    for (const type of [
      'deleteNotes',
      'restoreNotes',
      'retagNotes',
      'openNote',
      'startRelink',
      'showMark',
      'tabReport',
    ] as const)
      expect(senderFor(type, contentScript, own)).toBeNull();
  });

  it('lets a content script open its page, match text and change notes, as its own page', () => {
    for (const type of ['openPage', 'scanText', 'getCards', 'saveNote', 'updateNote', 'deleteNote'] as const)
      expect(senderFor(type, contentScript, own)).toMatchObject({ kind: 'page', url: contentScript.url });
  });

  it('names a rule for every message of the protocol', () => {
    for (const type of everyMessage)
      expect(['public', 'own-page', 'extension']).toContain(MESSAGE_ACCESS[type]);
  });
});

describe('recording into My pack', () => {
  it('is for ClaimLens’s own pages (the record form), never a content script', () => {
    for (const type of ['recordItem', 'searchKnown', 'knownNames'] as const) {
      expect(senderFor(type, contentScript, own)).toBeNull();
      expect(
        senderFor(type, { ...noteFrame, url: 'chrome-extension://claimlens-id/record-frame.html' }, own),
      ).toEqual({ kind: 'extension' });
    }
  });
});
