import { describe, expect, it } from 'vitest';
import { HeldTexts } from '../../../lib/matching/held-texts';

function store(limits = { entries: 3, characters: 100, ageMs: 1000 }) {
  let clock = 0;
  let n = 0;
  const texts = new HeldTexts<{ text: string }>(
    limits,
    () => clock,
    () => `t${++n}`,
  );
  return { texts, advance: (ms: number) => (clock += ms) };
}

describe('HeldTexts', () => {
  it('gives a held text back once, to the tab and frame it was held for', () => {
    const { texts } = store();
    const token = texts.hold('1:0', { text: 'attack in Zakura' })!;
    expect(texts.take('2:0', token)).toBeUndefined();
    expect(texts.take('1:0', token)).toEqual({ text: 'attack in Zakura' });
    expect(texts.take('1:0', token)).toBeUndefined();
    expect(texts.size).toBe(0);
  });

  it('forgets a text that waited too long for its date', () => {
    const { texts, advance } = store();
    const token = texts.hold('1:0', { text: 'a' })!;
    advance(1000);
    expect(texts.take('1:0', token)).toBeUndefined();
  });

  it('drops the oldest texts first when over its count or its characters', () => {
    const { texts } = store();
    const first = texts.hold('1:0', { text: 'x'.repeat(40) })!;
    const second = texts.hold('2:0', { text: 'x'.repeat(40) })!;
    const third = texts.hold('3:0', { text: 'x'.repeat(40) })!; // 120 characters: the first goes
    expect(texts.take('1:0', first)).toBeUndefined();
    const fourth = texts.hold('4:0', { text: 'y' })!;
    const fifth = texts.hold('5:0', { text: 'z' })!; // four texts: the second goes
    expect(texts.take('2:0', second)).toBeUndefined();
    expect(texts.take('3:0', third)?.text).toHaveLength(40);
    expect(texts.take('4:0', fourth)?.text).toBe('y');
    expect(texts.take('5:0', fifth)?.text).toBe('z');
  });

  it('does not keep a text longer than all it may hold, and keeps the others', () => {
    const { texts } = store();
    const kept = texts.hold('1:0', { text: 'short' })!;
    expect(texts.hold('2:0', { text: 'x'.repeat(101) })).toBeUndefined();
    expect(texts.take('1:0', kept)?.text).toBe('short');
  });
});
