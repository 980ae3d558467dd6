import { describe, expect, it } from 'vitest';
import { JudgedTexts } from '../../../lib/page/judged-texts';
import type { TextMention } from '../../../lib/matching/text-matcher';

const group = (start: number, end: number): TextMention => ({
  start,
  end,
  targetId: 'group-let',
  type: 'entity',
  kind: 'group',
  name: 'Lashkar-e-Taiba',
  guarded: false,
});

describe('text the background judged before', () => {
  it('answers the same text under the same context, and nothing else', () => {
    const judged = new JudgedTexts();
    judged.set('', 'Lashkar-e-Taiba struck.', [group(0, 15)]);
    judged.set('', 'Rain in the hills.', []);
    expect(judged.get('', 'Lashkar-e-Taiba struck.')).toEqual([group(0, 15)]);
    expect(judged.get('', 'Rain in the hills.')).toEqual([]);
    expect(judged.get('group-is', 'Rain in the hills.')).toBeUndefined();
    expect(judged.get('', 'Rain in the hills!')).toBeUndefined();
  });

  it('never keeps text whose meaning hangs on the rest of the page (an incident, a place)', () => {
    const judged = new JudgedTexts();
    judged.set('', 'Zakura', [{ ...group(0, 6), kind: 'place' }]);
    judged.set('', 'the 26/11 attacks', [{ ...group(4, 17), type: 'incident', kind: 'incident' as never }]);
    expect(judged.get('', 'Zakura')).toBeUndefined();
    expect(judged.get('', 'the 26/11 attacks')).toBeUndefined();
  });

  it('keeps the most recently used texts when a page brings new text without end', () => {
    const judged = new JudgedTexts();
    judged.set('', 'kept', []);
    for (let i = 0; i < 1000; i++) {
      judged.set('', `tick ${i}`, []);
      judged.get('', 'kept');
    }
    expect(judged.get('', 'kept')).toEqual([]);
    expect(judged.get('', 'tick 0')).toBeUndefined();
    expect(judged.get('', 'tick 999')).toEqual([]);
  });
});
