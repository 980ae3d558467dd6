/**
 * The background's part in recording claims: the record form (an extension page) searches the merged
 * packs, and records into My pack, which is validated, stored and announced as a pack change (the
 * knowledge is rebuilt once and open pages read themselves again); a recorded passage is linked to
 * the reader's note on it, and the notes frame asks which items a note is linked to. lib/mypack holds the logic.
 */
import { onMessage, type ProtocolMap } from '../../lib/messaging';
import type { KnowledgeService } from '../../lib/knowledge/knowledge-service';
import type { Sender } from '../../lib/message-senders';
import { searchEntities, searchIncidents } from '../../lib/mypack/known-search';
import { myPackStore } from '../../lib/mypack/my-pack-instance';
import { recordItem } from '../../lib/mypack/record';
import { KINDS_FOR, type KnownHit, type RecordAnswer } from '../../lib/mypack/record-answers';
import { myPackLabel } from '../../lib/mypack/with-my-pack';
import { linkNotes, passagePageKey, recordedForNote, type NoteRef } from '../../lib/mypack/note-links';
import { notesRepository } from '../../lib/notes/notes-repository';
import { normalizeUrl } from '../../lib/notes/page-identity';

type Accept = <K extends keyof ProtocolMap>(
  type: K,
  data: unknown,
  sender: chrome.runtime.MessageSender,
) => { who: Sender; data: Parameters<ProtocolMap[K]>[0] } | null;

const today = () => new Date().toISOString().slice(0, 10);

/** The notes saved on the page a passage was recorded on (none if it cannot be read). */
async function notesOnPage(url: string, canonical: string): Promise<NoteRef[]> {
  const key = passagePageKey({ url }, canonical);
  if (!key) return [];
  return notesRepository()
    .forPage(key, [normalizeUrl(url)])
    .catch(() => []);
}

export function installRecordHandlers(accept: Accept, knowledge: () => Promise<KnowledgeService>): void {
  onMessage('searchKnown', async ({ data: raw, sender }) => {
    const message = accept('searchKnown', raw, sender);
    if (!message) return [];
    const { kb } = await knowledge();
    const { query, what } = message.data;
    if (what === 'incident')
      return searchIncidents(kb, query).map((hit): KnownHit => ({ type: 'incident', ...hit }));
    return searchEntities(kb, query, KINDS_FOR[what]).map(({ kind, ...hit }): KnownHit => ({
      type: kind,
      ...hit,
    }));
  });

  onMessage('knownNames', async ({ data: raw, sender }) => {
    const message = accept('knownNames', raw, sender);
    if (!message) return [];
    const { kb } = await knowledge();
    return message.data.ids.flatMap((id): KnownHit[] => {
      const incident = kb.incidents.get(id);
      if (incident)
        return [
          {
            type: 'incident',
            id,
            name: incident.name,
            date: incident.date,
            place: kb.entities.get(incident.place)?.name ?? incident.place,
          },
        ];
      const entity = kb.entities.get(id);
      return entity ? [{ type: entity.kind, id, name: entity.name }] : [];
    });
  });

  onMessage('recordItem', async ({ data: raw, sender }): Promise<RecordAnswer> => {
    const message = accept('recordItem', raw, sender);
    if (!message) return { ok: false, error: 'refused' };
    const { kb } = await knowledge();
    const known = { incidents: kb.incidents, entities: kb.entities, mineLabel: myPackLabel() };
    const notes = await notesOnPage(message.data.passage.url, message.data.source.url);
    try {
      const outcome = await myPackStore().change((state) => {
        const recorded = recordItem(state, message.data, known, Date.now(), today());
        if (!recorded.ok) return recorded;
        // The reader's note on the same passage, if there is one, is linked to what was recorded.
        return { ...recorded, state: linkNotes(recorded.state, notes) ?? recorded.state };
      });
      if (!outcome.ok) return outcome;
      return {
        ok: true,
        key: outcome.key,
        incidentId: outcome.incidentId,
        secondSource: outcome.secondSource,
      };
    } catch (error) {
      return { ok: false, error: String((error as Error)?.message ?? error) };
    }
  });

  onMessage('recordedForNote', async ({ data: raw, sender }) => {
    const message = accept('recordedForNote', raw, sender);
    if (message?.who.kind !== 'extension') return [];
    const { state } = await myPackStore().read();
    return recordedForNote(state, message.data.id);
  });
}
