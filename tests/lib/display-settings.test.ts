import { describe, expect, it } from 'vitest';
import { cleanDisplay, DEFAULT_DISPLAY, isKindMarked } from '../../lib/display-settings';

describe('display settings', () => {
  it('marks everything on the whole page with the usual hover delay when nothing was chosen', () => {
    expect(cleanDisplay(undefined)).toEqual(DEFAULT_DISPLAY);
    expect(cleanDisplay('garbage')).toEqual(DEFAULT_DISPLAY);
  });

  it('keeps the kinds chosen, in a fixed order, and drops unknown ones', () => {
    expect(cleanDisplay({ kinds: ['person', 'place', 'group', 7] }).kinds).toEqual(['group', 'person']);
    expect(cleanDisplay({ kinds: [] }).kinds).toEqual([]);
  });

  it('keeps the hover delay within 0–2000 ms and whole', () => {
    expect(cleanDisplay({ hoverDelayMs: -5 }).hoverDelayMs).toBe(0);
    expect(cleanDisplay({ hoverDelayMs: 99999 }).hoverDelayMs).toBe(2000);
    expect(cleanDisplay({ hoverDelayMs: 300.4 }).hoverDelayMs).toBe(300);
    expect(cleanDisplay({ hoverDelayMs: 'soon' }).hoverDelayMs).toBe(450);
  });

  it('reads only the two scopes it knows', () => {
    expect(cleanDisplay({ scope: 'article' }).scope).toBe('article');
    expect(cleanDisplay({ scope: 'sidebar' }).scope).toBe('page');
  });

  it('counts media arms as groups; places are never marked', () => {
    const groupsOnly = cleanDisplay({ kinds: ['group'] });
    expect(isKindMarked(groupsOnly, 'media')).toBe(true);
    expect(isKindMarked(groupsOnly, 'person')).toBe(false);
    expect(isKindMarked(DEFAULT_DISPLAY, 'place')).toBe(false);
  });
});
