import { describe, expect, it } from 'vitest';
import { RETRY_PAUSES_MS, untilAnswered } from '../../../lib/notes/until-answered';
import { messageGuards } from '../../../lib/message-guards';
import { updateNote } from '../../../lib/notes/note-requests';
import { NotesRepository } from '../../../lib/notes/notes-repository';
import { freshDb, noteInput } from './helpers';

const noPause = async () => undefined;

describe('an edit the background did not answer', () => {
  it('is sent again, and the answer that comes is the one reported: stored once, never "nothing changed"', async () => {
    const repo = new NotesRepository(freshDb());
    const note = await repo.save(noteInput());
    let calls = 0;
    // The worker stops after storing the first attempt, before it answers.
    const send = async () => {
      const answer = await updateNote(repo, { id: note.id, text: 'Checked against the police statement.' });
      if (calls++ === 0) throw new Error('The message port closed before a response was received.');
      return answer;
    };
    const result = await untilAnswered(
      send,
      () => {
        throw new Error('reported as unanswered');
      },
      noPause,
    );
    expect(result).toMatchObject({ ok: true, note: { text: 'Checked against the police statement.' } });
    expect(calls).toBe(2);
    expect((await repo.get(note.id))?.text).toBe('Checked against the police statement.');
  });

  it('is reported as not confirmed once the background never answers', async () => {
    let calls = 0;
    const result = await untilAnswered(
      async () => {
        calls++;
        throw new Error('no answer');
      },
      () => 'unconfirmed',
      noPause,
    );
    expect(result).toBe('unconfirmed');
    expect(calls).toBe(RETRY_PAUSES_MS.length + 1);
  });
});

describe('a note longer than ClaimLens keeps', () => {
  it('reaches the repository, whose answer says the limit, instead of "a malformed request"', async () => {
    const repo = new NotesRepository(freshDb());
    const note = await repo.save(noteInput());
    const change = { id: note.id, text: 'x'.repeat(150_000) };
    expect(messageGuards.updateNote(change)).toBe(true);
    const result = await updateNote(repo, change);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.error.message).toMatch(/100,000 characters/);
  });
});
