import { describe, expect, it } from 'vitest';
import { cleanColorLabels } from '../../../lib/notes/color-labels';

describe('colour names', () => {
  it('keeps the reader’s names for known colours, trimmed and bounded', () => {
    expect(
      cleanColorLabels({ claim: '  Claimed by a group ', 'follow-up': 'x'.repeat(60), disputed: '' }),
    ).toEqual({
      claim: 'Claimed by a group',
      'follow-up': 'x'.repeat(40),
    });
  });

  it('drops unknown colours and anything that is not a name', () => {
    expect(cleanColorLabels({ purple: 'Purple', highlight: 42 })).toEqual({});
    for (const junk of [null, undefined, 'claim', [], 7]) expect(cleanColorLabels(junk)).toEqual({});
  });
});
