// Imports a notes file into the notes store, all or nothing: the popup and the options page share it.
import type { NotesRepository } from '../notes-repository';
import { importReport, parseImport, planImport } from './import-notes';

/** What an import did ("3 added, 1 updated, 0 skipped"), or every problem that stopped it. */
export type ImportOutcome = { report: string; errors?: undefined } | { errors: string[]; report?: undefined };

/** Reads a ClaimLens, Web Annotation or Hypothesis file and stores its notes; a file with any problem changes nothing. */
export async function importNotesFile(text: string, repo: NotesRepository): Promise<ImportOutcome> {
  const parsed = parseImport(text);
  if (!parsed.ok) return { errors: parsed.errors };
  try {
    const plan = planImport(await repo.existing(parsed.notes.map((n) => n.id)), parsed.notes);
    await repo.restoreAll([...plan.add, ...plan.update]);
    return { report: importReport(plan, parsed.skipped) };
  } catch (e) {
    return { errors: [(e as Error).message] };
  }
}
