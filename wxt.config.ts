import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { CONTENT_MAIN_PATH } from './lib/page/content-main-contract';
import { NOTES_FRAME_PATH } from './lib/page/note-frame-protocol';
import { RECORD_FRAME_PATH } from './lib/mypack/record-frame-protocol';
import { PAGE_UI_PATH } from './lib/page/page-ui-contract';
import { SPOTTER_MATCHES } from './lib/page/spotter-registration';

/**
 * lib/reader-messages.ts reads the English messages file where there is no browser.i18n (Node
 * scripts, unit tests). Every extension context has browser.i18n, so the built extension gets an
 * empty stand-in instead of a second copy of the messages in its bundles.
 */
function withoutEnglishFallback(): Plugin {
  const EMPTY = '\0claimlens-no-english-fallback';
  return {
    name: 'claimlens-without-english-fallback',
    enforce: 'pre',
    resolveId(source, importer) {
      if (
        importer?.replace(/\\/g, '/').endsWith('/lib/reader-messages.ts') &&
        source.endsWith('messages.json')
      )
        return EMPTY;
      return null;
    },
    load(id) {
      return id === EMPTY ? 'export default {};' : null;
    },
  };
}

/** Modules the content script imports from the extension. */
const CONTENT_MAIN_FILE = CONTENT_MAIN_PATH.slice(1);
const PAGE_MODULES = [CONTENT_MAIN_FILE, PAGE_UI_PATH.slice(1)];
const NOTES_FRAME_FILE = NOTES_FRAME_PATH.slice(1);
/** The record form (entrypoints/record-frame), shown inside pages like the notes frame. */
const RECORD_FRAME_FILE = RECORD_FRAME_PATH.slice(1);

/**
 * V8's compile hint for the module that does the content script's work: compile every function while
 * the module streams in, off the page's main thread, rather than each one on the main thread when it
 * is first called. Added after minifying, which would drop the comment.
 */
function compileContentMainEagerly(): Plugin {
  return {
    name: 'claimlens-compile-content-main-eagerly',
    enforce: 'post',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle))
        if (chunk.type === 'chunk' && chunk.fileName === CONTENT_MAIN_FILE)
          chunk.code = `//# allFunctionsCalledOnLoad\n${chunk.code}`;
    },
  };
}

/**
 * CLAIMLENS_TEST_HOOKS=1 (`npm run build:test`): the test build, with the worker's hooks for the tools
 * (`globalThis.claimlens`, entrypoints/background/test-hooks.ts), into `.output-test/`. Without it the
 * flag is `false` in the code and the hooks are dropped from the bundle: `npm run build` and the zips
 * carry none.
 */
const TEST_HOOKS = process.env.CLAIMLENS_TEST_HOOKS === '1';

// See https://wxt.dev/api/config.html
export default defineConfig({
  // CLAIMLENS_OUT_DIR=.output-x: a second build that does not replace the one tests and scans use.
  outDir: process.env.CLAIMLENS_OUT_DIR ?? (TEST_HOOKS ? '.output-test' : '.output'),
  imports: false,
  // `browser` from wxt/browser (and #imports) is Mozilla's webextension-polyfill, as the design card asks.
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Why each is needed: README, "Permissions".
    permissions: ['storage', 'unlimitedStorage', 'contextMenus', 'alarms', 'scripting'],
    commands: {
      'save-highlight': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: '__MSG_commandSaveHighlight__',
      },
      'add-note': {
        suggested_key: { default: 'Alt+Shift+A' },
        description: '__MSG_commandAddNote__',
      },
      // Chromium takes at most four suggested keys: Alt+Shift+R is the third; recording a statement
      // has none (the reader can give it one at chrome://extensions/shortcuts).
      'record-claim': {
        suggested_key: { default: 'Alt+Shift+R' },
        description: '__MSG_commandRecordClaim__',
      },
      'record-statement': { description: '__MSG_commandRecordStatement__' },
    },
    // The toolbar icon (public/icon-*.png, scripts/draw-icons.ts); WXT lists them all under `icons`.
    action: { default_title: '__MSG_actionTitle__', default_icon: { 16: 'icon-16.png', 32: 'icon-32.png' } },
    // Chromium 148+: messages are copied with the structured clone algorithm instead of JSON, as
    // Firefox always does. A page's text costs the page about a third less to send (1 MB article:
    // 14 ms → 9 ms here); older Chromium ignores the key.
    ...(browser === 'firefox' ? {} : { message_serialization: 'structured_clone' }),
    // The marks are drawn with the CSS Custom Highlight API (Chromium 105+; Firefox 140+, below).
    ...(browser === 'firefox' ? {} : { minimum_chrome_version: '105' }),
    // Modules the content script imports: the one that does its work, at once (see
    // lib/page/content-main-contract.ts), and the page UI when first needed (page-ui-contract.ts).
    // Chromium: the modules and the notes frame (entrypoints/notes-frame, shown inside pages) only at
    // an address made anew each browser session (runtime.getURL gives it), so a page cannot fetch
    // them at a fixed address to learn that ClaimLens is installed.
    web_accessible_resources:
      browser === 'firefox'
        ? [...PAGE_MODULES, NOTES_FRAME_FILE, RECORD_FRAME_FILE]
        : [
            {
              resources: [...PAGE_MODULES, NOTES_FRAME_FILE, RECORD_FRAME_FILE],
              matches: SPOTTER_MATCHES,
              use_dynamic_url: true,
            },
          ],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'claimlens@claimlens.example',
              strict_min_version: '140.0',
              // Nothing leaves the reader's machine.
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads data_collection_permissions from 142 on.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  // The sources zip for Mozilla's review (`npm run zip`): the project, without the tests' output.
  zip: { excludeSources: ['test-results/**', '.output-test/**'] },
  hooks: {
    // Firefox (MV2): an event page, unloaded when idle like the MV3 worker, whose state it rebuilds
    // from storage in the same way. Without the key Firefox keeps an MV2 background page loaded.
    'build:manifestGenerated': (wxt, manifest) => {
      if (wxt.config.browser === 'firefox' && manifest.background)
        (manifest.background as { persistent?: boolean }).persistent = false;
    },
  },
  vite: () => ({
    plugins: [preact(), withoutEnglishFallback(), compileContentMainEagerly()],
    define: { 'import.meta.env.CLAIMLENS_TEST_HOOKS': JSON.stringify(TEST_HOOKS) },
    // CLAIMLENS_NO_MINIFY=1 npm run build: readable bundles, for profiling the content script.
    build: { target: 'es2022', minify: process.env.CLAIMLENS_NO_MINIFY ? false : 'esbuild' },
  }),
});
