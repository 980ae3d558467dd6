/** Saved passages that could not be found on the page: said plainly, listed, never drawn elsewhere. */
export interface OrphanNoticeProps {
  quotes: readonly string[];
  onDismiss(): void;
}

export function OrphanNotice({ quotes, onDismiss }: OrphanNoticeProps) {
  if (quotes.length === 0) return null;
  const count = quotes.length === 1 ? '1 saved passage' : `${quotes.length} saved passages`;
  return (
    <div class="cl-orphans" role="status">
      <button type="button" class="cl-close" aria-label="Dismiss" onClick={onDismiss}>
        ×
      </button>
      <details>
        <summary>{count} could not be found on this page</summary>
        <p class="cl-meta">
          The page has changed. The notes are kept; you can find them in the ClaimLens popup.
        </p>
        <ul>
          {quotes.map((q, i) => (
            <li key={i}>“{q.length > 160 ? `${q.slice(0, 160)}…` : q}”</li>
          ))}
        </ul>
      </details>
    </div>
  );
}
