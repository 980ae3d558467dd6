// Every message key the code asks for exists in the English messages (no reader ever sees a key
// instead of a sentence), and the UI's markup holds no English of its own.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { messageKeys } from './locale';

const ROOT = join(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

const files = ['components', 'entrypoints', 'lib'].flatMap((dir) => sources(join(ROOT, dir)));
const code = files.map((f) => readFileSync(f, 'utf8')).join('\n');

describe('messages in public/_locales/en', () => {
  it('has every key the code asks for', () => {
    const asked = new Set<string>();
    // t('key'…), translate('key'…), plural(t, 'key', …) and message-key tables ('…Label': 'key').
    for (const m of code.matchAll(/\b(?:t|translate)\(\s*'([A-Za-z0-9_]+)'/g)) asked.add(m[1]!);
    for (const m of code.matchAll(/\bplural\(\s*\w+,\s*'([A-Za-z0-9_]+)'/g)) {
      asked.add(`${m[1]}_one`);
      asked.add(`${m[1]}_other`);
    }
    // lib's own sentences (lib/reader-messages.ts): localize('key'…), localizeCount('key', …) and the
    // `failed…` phrases storage errors are told (toStorageError(error, 'failedNoteNotSaved')).
    for (const m of code.matchAll(/\blocalize\(\s*'([A-Za-z0-9_]+)'/g)) asked.add(m[1]!);
    for (const m of code.matchAll(/\blocalizeCount\(\s*'([A-Za-z0-9_]+)'/g)) {
      asked.add(`${m[1]}_one`);
      asked.add(`${m[1]}_other`);
    }
    for (const m of code.matchAll(/'(failed[A-Z][A-Za-z0-9_]*)'/g)) asked.add(m[1]!);
    const known = new Set(messageKeys());
    expect([...asked].filter((key) => !known.has(key))).toEqual([]);
    expect(asked.size).toBeGreaterThan(100);
  });

  it('leaves no English sentence in the text of the page UI, the popup or the options page', () => {
    const ui = files.filter((f) =>
      /^(components|entrypoints\/(page-ui|popup|options))\//.test(relative(ROOT, f).replace(/\\/g, '/')),
    );
    const offenders: string[] = [];
    for (const file of ui.filter((f) => f.endsWith('.tsx'))) {
      const text = readFileSync(file, 'utf8');
      // Words between JSX tags (>Some words<), the product's name and key names aside.
      for (const m of text.matchAll(/(?<![=-])>\s*([A-Za-z][^<>{}=;()[\]]*[a-z]{2}[^<>{}=;()[\]]*?)\s*</g))
        if (!['ClaimLens', 'Ctrl+Enter'].includes(m[1]!)) offenders.push(`${file}: ${m[1]}`);
      for (const m of text.matchAll(/\b(?:aria-label|title|placeholder|label)="([^"{]*[a-z]{2}[^"]*)"/g))
        if (!/^https?:\/\//.test(m[1]!)) offenders.push(`${file}: ${m[1]}`);
    }
    expect(offenders).toEqual([]);
  });
});
