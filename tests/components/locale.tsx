// The English messages of public/_locales, as browser.i18n would give them, for component tests that
// assert what a reader sees; `render` draws a component inside the I18n provider with them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ComponentChildren, VNode } from 'preact';
import { render as renderPreact, type RenderOptions } from '@testing-library/preact';
import { I18n } from '../../components/i18n';
import type { Translate } from '../../lib/i18n';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

const messages = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../public/_locales/en/messages.json'), 'utf8'),
) as Messages;

/** chrome.i18n.getMessage over the English file: named placeholders, then $1…$9. Missing keys throw. */
export const en: Translate = (key, substitutions) => {
  const entry = messages[key];
  if (!entry) throw new Error(`no message "${key}" in public/_locales/en/messages.json`);
  const subs = substitutions === undefined ? [] : [substitutions].flat();
  const fill = (text: string) => text.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
  return entry.message.replace(/\$([A-Za-z_]+)\$/g, (_, name: string) =>
    fill(entry.placeholders?.[name.toLowerCase()]?.content ?? ''),
  );
};

export const messageKeys = (): string[] => Object.keys(messages);

function Wrapper({ children }: { children?: ComponentChildren }) {
  return <I18n.Provider value={en}>{children}</I18n.Provider>;
}

export function render(ui: VNode, options: Omit<RenderOptions, 'wrapper'> = {}) {
  return renderPreact(ui, { ...options, wrapper: Wrapper });
}
