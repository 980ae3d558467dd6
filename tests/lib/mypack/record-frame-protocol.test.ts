import { describe, expect, it } from 'vitest';
import {
  isFromRecordFrame,
  isToRecordFrame,
  readRecordFrameAddress,
  recordFrameAddress,
} from '../../../lib/mypack/record-frame-protocol';
import { isRecordRequest } from '../../../lib/mypack/record-guard';

const draft = {
  kind: 'claim',
  meta: { url: 'https://daily.example/a', title: 'A', siteName: 'Daily' },
  passage: {
    url: 'https://daily.example/a',
    selectors: { quote: { exact: 'said', prefix: '', suffix: '' } },
  },
  inPassage: { incidentIds: ['incident-a'], entityIds: [] },
  onPage: { incidentIds: [], entityIds: ['group-b'] },
};

describe('what the record form and the page say to each other', () => {
  it('accepts a well-formed draft and refuses junk', () => {
    expect(isToRecordFrame({ type: 'record', draft })).toBe(true);
    expect(isToRecordFrame({ type: 'record', draft: { ...draft, kind: 'note' } })).toBe(false);
    expect(isToRecordFrame({ type: 'record', draft: { ...draft, meta: { url: 7 } } })).toBe(false);
    expect(isToRecordFrame({ type: 'clear' })).toBe(true);
    expect(isFromRecordFrame({ type: 'recorded', incidentId: 'incident-a' })).toBe(true);
    expect(isFromRecordFrame({ type: 'recorded', incidentId: 9 })).toBe(false);
    expect(isFromRecordFrame({ type: 'submit' })).toBe(false);
  });

  it('puts the secret in the fragment, and reads only a well-formed one', () => {
    const secret = 'a'.repeat(40);
    const address = recordFrameAddress('chrome-extension://x/record-frame.html', 'dark', secret);
    expect(readRecordFrameAddress(new URL(address).hash)).toEqual({ theme: 'dark', secret });
    expect(readRecordFrameAddress('#dark:short')).toBeNull();
  });

  it('checks a record request as the background receives it', () => {
    const request = {
      item: { kind: 'statement', actor: { new: { name: 'A spokesman', kind: 'person' } }, stance: 'denies' },
      incident: { new: { name: 'X', date: '2017-11', place: { id: 'place-a' }, kind: 'bombing' } },
      source: { url: 'https://a.example', publisher: 'A', title: 'T', accessed: '2026-12-07' },
      passage: draft.passage,
    };
    expect(isRecordRequest(request)).toBe(true);
    expect(isRecordRequest({ ...request, item: { ...request.item, stance: 'claimed' } })).toBe(false);
    expect(isRecordRequest({ ...request, source: { ...request.source, published: 'yesterday' } })).toBe(
      false,
    );
    expect(
      isRecordRequest({ ...request, incident: { new: { ...request.incident.new, kind: 'picnic' } } }),
    ).toBe(false);
    expect(
      isRecordRequest({ ...request, passage: { ...draft.passage, selectors: { quote: { exact: '' } } } }),
    ).toBe(false);
  });
});
