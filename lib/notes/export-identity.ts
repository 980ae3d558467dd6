// The name the reader gives for their exports (the Web Annotations' creator), kept in extension storage.

export const EXPORT_IDENTITY_KEY = 'claimlens:exportIdentity';

/** Longest name kept: a person's name or a handle, not a paragraph. */
export const EXPORT_NAME_MAX = 100;

export interface ExportIdentity {
  /** Empty: the exports name no creator. */
  name: string;
}

/** The stored identity, tidied: a name trimmed, control characters removed, at most 100 characters. */
export function cleanExportIdentity(value: unknown): ExportIdentity {
  const name =
    typeof value === 'object' && value !== null ? (value as Record<string, unknown>).name : undefined;
  if (typeof name !== 'string') return { name: '' };
  return {
    name: name
      .replace(/\p{Cc}/gu, ' ')
      .trim()
      .slice(0, EXPORT_NAME_MAX)
      .trim(),
  };
}
