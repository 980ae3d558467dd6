// The worker's hooks for `npm run scan`, `npm run bench`, `npm run demo` and the E2E tests: only in the test build (CLAIMLENS_TEST_HOOKS=1).
import { browser } from '#imports';
import type { KnowledgePack } from '../../lib/knowledge/pack-types';
import type { KnowledgeHolder } from '../../lib/packs/knowledge-holder';
import type { PageReport } from '../../lib/messaging';
import { notesRepository } from '../../lib/notes/notes-repository';
import { generateNotes } from '../../lib/bench/generated-notes';

declare global {
  interface ImportMetaEnv {
    /** True in the test build only (wxt.config.ts): the code under it is left out of `npm run build`. */
    readonly CLAIMLENS_TEST_HOOKS?: boolean;
  }
}

/** What the hooks reach in the worker. */
export interface HookedWorker {
  holder: KnowledgeHolder;
  /** The tabs whose page opened, and what each page says it found and what it cost it. */
  tabs(): number[];
  askPage(tabId: number): Promise<PageReport | null>;
  registered: Promise<void>;
  usePacks(packs: readonly KnowledgePack[] | null): void;
  saveDelays: { before: number; after: number };
}

/**
 * Sets `globalThis.claimlens` for the tools, which drive the extension from its own worker (Playwright
 * evaluates there). Nothing here is reachable from a web page; it is not in the production build at all.
 */
export function installTestHooks(worker: HookedWorker): void {
  const { holder } = worker;
  // Messages received, by type (a busy page must not send one per edit).
  const received = new Map<string, number>();
  browser.runtime.onMessage.addListener((message: unknown) => {
    const type = (message as { type?: unknown } | null)?.type;
    if (typeof type === 'string') received.set(type, (received.get(type) ?? 0) + 1);
    return undefined;
  });
  (globalThis as { claimlens?: unknown }).claimlens = {
    /** What each open page found and what it cost it, asked of the pages themselves (null until done). */
    reports: async () => {
      const all = await Promise.all(
        worker.tabs().map(async (tabId) => {
          const report = await worker.askPage(tabId);
          return report ? { tabId, ...report } : null;
        }),
      );
      return all.filter((r) => r !== null);
    },
    /** Messages received since the worker started (or since the last `resetMessages`), by type. */
    messages: () => Object.fromEntries(received),
    resetMessages: () => received.clear(),
    /** Resolves once the content script is registered for the settings this worker started with. */
    registered: () => worker.registered,
    /** Replaces the packs in use (null: back to the installed packs); resolves once compiled. */
    usePacks: async (packs: KnowledgePack[] | null) => {
      worker.usePacks(packs);
      await holder.reload();
    },
    /** Every alias text of the packs in use, for the benchmark's baselines. */
    aliases: async () => (await holder.current()).service.aliasTexts(),
    /** How many times the knowledge was built since the worker started (E2E: once per change). */
    builds: () => holder.builds,
    /** How the knowledge in use was built: read from the store (a restarted worker) or compiled. */
    lastBuild: async () => {
      const { fromStore, buildMs, skipped } = await holder.current();
      return { fromStore, buildMs, skipped: skipped.length };
    },
    /** How many notes are stored, and which (E2E tests). */
    notes: async () => ({
      count: await notesRepository().count(),
      ids: (await notesRepository().search('')).map((n) => n.id),
    }),
    /** Stores generated notes (the benchmark's popup at 10,000 notes). */
    seedNotes: async (count: number) => notesRepository().restoreAll(generateNotes(count)),
    /** Holds saves before and after writing, so a test can stop the worker in the middle of one. */
    delaySaves: (before: number, after: number) => {
      worker.saveDelays.before = before;
      worker.saveDelays.after = after;
    },
  };
}
