import { describe, expect, it } from 'vitest';
import {
  frameAddress,
  isFromFrame,
  isToFrame,
  readFrameAddress,
} from '../../../lib/page/note-frame-protocol';

const draft = {
  id: 'c2c74455-0e1e-449a-915b-b15159503b6c',
  url: 'https://news.example/claims',
  pageTitle: 'Claims',
  selectors: { quote: { exact: 'the claim', prefix: 'Officials said ', suffix: ' was verified' } },
  text: '',
  tags: [],
  color: 'highlight',
  entityIds: [],
  incidentIds: [],
};

describe('the notes frame’s address', () => {
  it('carries the role in the query and the theme and secret in the fragment, read back as given', () => {
    const secret = 'a'.repeat(64);
    const address = frameAddress('chrome-extension://x/notes-frame.html', 'panel', 'dark', secret);
    const url = new URL(address);
    expect(readFrameAddress(url.search, url.hash)).toEqual({ role: 'panel', theme: 'dark', secret });
  });

  it('refuses an address without a role, with a short secret, or with anything added', () => {
    expect(readFrameAddress('', `#light:${'a'.repeat(64)}`)).toBeNull();
    expect(readFrameAddress('?panel', '#light:short')).toBeNull();
    expect(readFrameAddress('?panel&x=1', `#light:${'a'.repeat(64)}`)).toBeNull();
    expect(readFrameAddress('?notice', `#light:${'a'.repeat(64)}<script>`)).toBeNull();
  });
});

describe('what the content script may tell the frame', () => {
  it('accepts each kind of command with well-formed data', () => {
    expect(isToFrame({ type: 'newNote', quote: 'the claim', draft })).toBe(true);
    expect(isToFrame({ type: 'note', id: 'n1', edit: false })).toBe(true);
    expect(isToFrame({ type: 'orphans', ids: ['n1', 'n2'] })).toBe(true);
    expect(isToFrame({ type: 'relink', id: 'n1', selected: null })).toBe(true);
    expect(isToFrame({ type: 'clear' })).toBe(true);
  });

  it('refuses unknown commands, malformed drafts and ids', () => {
    expect(isToFrame({ type: 'deleteAll' })).toBe(false);
    expect(isToFrame({ type: 'newNote', quote: 'x', draft: { ...draft, color: 'javascript' } })).toBe(false);
    expect(isToFrame({ type: 'note', id: '', edit: false })).toBe(false);
    expect(isToFrame({ type: 'orphans', ids: [1] })).toBe(false);
    expect(isToFrame('note')).toBe(false);
    expect(isToFrame(null)).toBe(false);
  });
});

describe('what the frame may tell the content script', () => {
  it('carries ids, colours and sizes only', () => {
    expect(isFromFrame({ type: 'saving', id: 'n1', color: 'follow-up' })).toBe(true);
    expect(isFromFrame({ type: 'size', width: 380, height: 220 })).toBe(true);
    expect(isFromFrame({ type: 'deleted', id: 'n1' })).toBe(true);
    expect(isFromFrame({ type: 'restored', id: 'n1', color: 'claim' })).toBe(true);
    expect(isFromFrame({ type: 'attach' })).toBe(true);
  });

  it('refuses unknown messages, bad colours and sizes', () => {
    expect(isFromFrame({ type: 'saving', id: 'n1', color: 'red; background:url(x)' })).toBe(false);
    expect(isFromFrame({ type: 'size', width: -1, height: 10 })).toBe(false);
    expect(isFromFrame({ type: 'size', width: Number.NaN, height: 10 })).toBe(false);
    expect(isFromFrame({ type: 'text', text: 'the note' })).toBe(false);
    expect(isFromFrame({ type: 'restored', id: 'n1', color: 'red', text: 'the note' })).toBe(false);
  });
});
