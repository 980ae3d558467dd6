import { describe, expect, it } from 'vitest';
import { IMPORT_PAGE_PATH, importsInPopup } from '../../../../lib/notes/exchange/import-place';

describe('where a notes file is picked', () => {
  it('is the popup in Chromium and the options page in Firefox, whose popup may close under a file picker', () => {
    expect(importsInPopup('chrome')).toBe(true);
    expect(importsInPopup('edge')).toBe(true);
    expect(importsInPopup('firefox')).toBe(false);
    expect(IMPORT_PAGE_PATH).toBe('/options.html#import-notes');
  });
});
