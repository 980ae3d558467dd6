/**
 * "Copy citation" on a card's claims, statements and sources: the text is made by the caller
 * (lib/knowledge/citation.ts), the copying by whoever provides `CopySupport` (the page UI: the
 * clipboard). "Copied" shows on the button and is announced once to screen readers.
 */
import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useMemo, useState } from 'preact/hooks';
import { useT } from './i18n';

type Copy = (text: string) => Promise<boolean>;

const CopyContext = createContext<Copy | null>(null);

/** How long the button says "Copied". */
const FEEDBACK_MS = 2000;

/** Gives the cards inside it a way to copy, and one live region that says whether a copy worked. */
export function CopySupport({ copy, children }: { copy: Copy; children: ComponentChildren }) {
  const t = useT();
  const [said, setSaid] = useState('');
  const value = useMemo<Copy>(
    () => async (text) => {
      const ok = await copy(text).catch(() => false);
      // Emptied first, so that a second copy in a row is announced again.
      setSaid('');
      setTimeout(() => setSaid(t(ok ? 'copyDone' : 'copyFailed')), 50);
      return ok;
    },
    [copy],
  );
  return (
    <CopyContext.Provider value={value}>
      {children}
      <span class="cl-sr" role="status">
        {said}
      </span>
    </CopyContext.Provider>
  );
}

/**
 * A button that copies `text` (made when pressed). `label` names what it copies for screen readers;
 * `compact`: a small mark after a source link rather than the words.
 */
export function CopyCitation({
  text,
  label,
  compact = false,
}: {
  text: () => string;
  label: string;
  compact?: boolean;
}) {
  const t = useT();
  const copy = useContext(CopyContext);
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), FEEDBACK_MS);
    return () => clearTimeout(timer);
  }, [state]);
  if (!copy) return null;
  const shown = state === 'copied' ? t('copyCopied') : state === 'failed' ? t('copyNotCopied') : null;
  return (
    <button
      type="button"
      class={`cl-copy${compact ? ' cl-copy-compact' : ''}${state === 'idle' ? '' : ` cl-copy-${state}`}`}
      aria-label={label}
      title={label}
      onClick={() => void copy(text()).then((ok) => setState(ok ? 'copied' : 'failed'))}
    >
      {shown ?? (compact ? <CopyIcon /> : t('copyCitation'))}
    </button>
  );
}

/** Two sheets, one over the other: drawn, not a character (fonts lack “⧉”; it showed as an empty box). */
function CopyIcon() {
  return (
    <svg
      aria-hidden="true"
      width="11"
      height="11"
      viewBox="0 0 12 12"
      fill="none"
      stroke="currentColor"
      stroke-width="1.3"
      style="vertical-align: -1px"
    >
      <rect x="0.65" y="3.65" width="7.7" height="7.7" rx="1" />
      <path d="M3.65 3.6V1.65a1 1 0 0 1 1-1h5.7a1 1 0 0 1 1 1v5.7a1 1 0 0 1-1 1H8.4" />
    </svg>
  );
}
