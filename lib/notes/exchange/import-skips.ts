// Annotations an import leaves out on purpose (they cannot be ClaimLens notes), counted for the import report.

/** Page notes (no passage selected), replies to other annotations, and passages without a quote. */
export interface ImportSkips {
  pageNotes: number;
  replies: number;
  withoutQuote: number;
}

export function noSkips(): ImportSkips {
  return { pageNotes: 0, replies: 0, withoutQuote: 0 };
}

export function skippedTotal(skips: ImportSkips): number {
  return skips.pageNotes + skips.replies + skips.withoutQuote;
}
