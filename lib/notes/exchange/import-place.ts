// Where the reader picks a notes file to import: in the popup, or in the options page (Firefox).
//
// Firefox may close an extension popup when a file picker opens over it (the popup loses focus), and
// the chosen file never arrives; the options page, an ordinary tab, keeps it. Chromium keeps the popup.

/** The options page's anchor for its "Import notes" section: the popup opens it there in Firefox. */
export const IMPORT_ANCHOR = 'import-notes';

/** Whether the popup can read a notes file itself in this browser (WXT's build target: "chrome", "firefox"…). */
export function importsInPopup(browserName: string): boolean {
  return browserName !== 'firefox';
}

/** The options page's address path for importing notes (given to runtime.getURL). */
export const IMPORT_PAGE_PATH = `/options.html#${IMPORT_ANCHOR}`;
