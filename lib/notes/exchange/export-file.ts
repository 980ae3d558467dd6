// One export, by format: the file's content, media type and extension (the popup loads this when first used).
import type { ColorLabels } from '../color-labels';
import type { Note } from '../note-types';
import { toCsv } from './csv';
import { toHypothesisJson } from './hypothesis';
import { toClaimLensJson } from './json';
import { toMarkdown } from './markdown';
import { toWebAnnotation } from './web-annotation';

export type ExportFormat = 'markdown' | 'json' | 'web-annotation' | 'hypothesis' | 'csv';

export interface ExportOptions {
  /** The ClaimLens version (Web Annotations name it as their generator). */
  version?: string;
  /** The reader's name from the options (Web Annotations name it as their creator). */
  creator?: string;
  /** Names of the groups and incidents the notes mention, by id (Markdown and CSV name them). */
  names?: Record<string, string>;
  /** The reader's own colour names (Markdown and CSV). */
  colorLabels?: ColorLabels;
}

export function exportFile(
  notes: readonly Note[],
  format: ExportFormat,
  options: ExportOptions = {},
): { content: string; type: string; extension: string } {
  switch (format) {
    case 'markdown':
      return {
        content: toMarkdown(notes, { names: options.names, colorLabels: options.colorLabels }),
        type: 'text/markdown',
        extension: 'md',
      };
    case 'json':
      return { content: toClaimLensJson(notes), type: 'application/json', extension: 'json' };
    case 'web-annotation':
      return { content: toWebAnnotation(notes, options), type: 'application/ld+json', extension: 'jsonld' };
    case 'hypothesis':
      // Hypothesis's own export shape: its client's Share > Import reads it.
      return {
        content: toHypothesisJson(notes, { creator: options.creator, version: options.version }),
        type: 'application/json',
        extension: 'hypothesis.json',
      };
    case 'csv':
      return {
        content: toCsv(notes, { names: options.names, colorLabels: options.colorLabels }),
        type: 'text/csv',
        extension: 'csv',
      };
  }
}
