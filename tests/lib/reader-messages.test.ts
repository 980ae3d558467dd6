// The sentences lib code builds for the reader come from public/_locales: in the reader's language
// through browser.i18n, in English where there is none (Node, and the fake browser of these tests).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { formatMessage, localize, localizeCount } from '../../lib/reader-messages';
import { toStorageError } from '../../lib/notes/storage-errors';
import { checkPackUrl } from '../../lib/packs/pack-fetch';
import { en, messageKeys } from '../components/locale';

const ROOT = join(import.meta.dirname, '../..');
const messages = JSON.parse(readFileSync(join(ROOT, 'public/_locales/en/messages.json'), 'utf8')) as Record<
  string,
  { message: string; placeholders?: Record<string, { content: string }> }
>;

afterEach(() => {
  vi.restoreAllMocks();
});

describe('localize', () => {
  it('reads the English file as chrome.i18n.getMessage would, for every message', () => {
    const subs = ['A', 'B', 'C', 'D'];
    for (const key of messageKeys()) expect(formatMessage(messages[key]!, subs), key).toBe(en(key, subs));
    expect(formatMessage({ message: 'costs $$5, $1' }, ['$2'])).toBe('costs $5, $2');
  });

  it('gives English where the browser does not translate (the fake browser throws)', () => {
    expect(localize('packFileNotJson', ['pack.json', 'Unexpected end'])).toBe(
      'pack.json is not JSON: Unexpected end',
    );
    expect(toStorageError(Object.assign(new Error('full'), { name: 'QuotaExceededError' })).message).toBe(
      'Your disk is full: the note was not saved. Nothing already saved was changed. Free some disk space and try again.',
    );
  });

  it("takes the browser's translation when there is one", () => {
    const getMessage = vi
      .spyOn(fakeBrowser.i18n, 'getMessage')
      .mockImplementation((key: string, subs?: string | (string | number)[]) =>
        key === 'failedNoteNotSaved'
          ? 'la note n’a pas été enregistrée'
          : `[${key}] ${[subs].flat().join('|')}`,
      );
    expect(checkPackUrl('nope')).toEqual({ ok: false, error: '[packUrlInvalid] ' });
    expect(toStorageError(new Error('?')).message).toBe(
      '[errorStorageUnknown] la note n’a pas été enregistrée',
    );
    expect(getMessage).toHaveBeenCalledWith('errorStorageUnknown', ['la note n’a pas été enregistrée']);
  });

  it('falls back to English when the browser has no such message', () => {
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockReturnValue('');
    expect(localize('packNothingNew')).toBe('The server sent nothing new.');
  });

  it('counts in words with the _one and _other messages', () => {
    expect(localizeCount('packProblems', 1)).toBe('The pack has 1 problem:');
    expect(localizeCount('packProblems', 1200)).toBe('The pack has 1,200 problems:');
    expect(localizeCount('packFileProblems', 2, 'broken.json')).toBe(
      'broken.json was not installed: it has 2 problems.',
    );
  });

  it('leaves no English sentence in the modules that build errors and reports', () => {
    const files = [
      'lib/notes/storage-errors.ts',
      'lib/notes/note-requests.ts',
      'lib/notes/notes-repository.ts',
      'lib/notes/page-identity.ts',
      'lib/notes/exchange/import-notes.ts',
      'lib/notes/exchange/note-validation.ts',
      'lib/notes/exchange/json.ts',
      'lib/notes/exchange/web-annotation.ts',
      'lib/packs/pack-fetch.ts',
      'lib/packs/pack-manager.ts',
      'lib/backup.ts',
      'lib/data-controls.ts',
    ];
    const offenders: string[] = [];
    for (const file of files) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      // A reason given as text rather than as a message (a lower-case one is not caught below).
      for (const m of text.matchAll(/\b(?:refuse|invalidInput|new PageUrlError)\(\s*['"`][^'"`]*/g))
        offenders.push(`${file}: ${m[0]}`);
      text.split('\n').forEach((line, i) => {
        // A string that starts like a sentence: a capital, then at least two more words.
        if (!/^\s*(\/\/|\*|\/\*)/.test(line) && /['"`][A-Z][a-z']* [a-z]+ [a-z]+/.test(line))
          offenders.push(`${file}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(offenders).toEqual([]);
  });
});

/** The files a module loads at run time (static imports; `import type` and dynamic imports aside). */
function staticImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const m of text.matchAll(/^import\s+(?!type\s)[^;]*?from\s+'(\.[^']+)'/gms)) {
    const base = resolve(dirname(file), m[1]!);
    const path = ['', '.ts', '.tsx', '/index.ts'].map((ext) => base + ext).find((p) => existsSync(p));
    if (path && !path.endsWith('.json')) found.push(path);
    else if (base.endsWith('.json')) found.push(base);
  }
  return found;
}

describe('the content script', () => {
  it('loads neither lib/reader-messages.ts nor the English messages (its size is counted)', () => {
    const seen = new Set<string>();
    // The content script, and the module it imports at once.
    const queue = ['spotter.content', 'content-main'].map((dir) =>
      join(ROOT, 'entrypoints', dir, 'index.ts'),
    );
    while (queue.length > 0) {
      const file = queue.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      if (!file.endsWith('.json')) queue.push(...staticImports(file));
    }
    const loaded = [...seen].map((f) => relative(ROOT, f).replace(/\\/g, '/'));
    expect(loaded.length).toBeGreaterThan(10);
    expect(loaded.filter((f) => /reader-messages|messages\.json/.test(f))).toEqual([]);
  });
});
