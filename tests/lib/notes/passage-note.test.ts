// What a page's content script is told of the notes saved on it: the passages, never the reader's words.
import { describe, expect, it } from 'vitest';
import * as requests from '../../../lib/notes/note-requests';
import { passageResult } from '../../../lib/notes/passage-note';
import { noteInput, repositoryPerTest } from './helpers';

const setup = repositoryPerTest();
const page = { url: 'https://www.example-news.test/world/attack-on-market?utm_source=feed', title: 'Attack' };

describe('notes handed to a page', () => {
  it('come with where their passage is and its colour, without the note text, tags or page title', async () => {
    const { repo } = setup();
    const saved = await repo.save(
      noteInput({ text: 'Source: +44 20 7946 0000, call after six', tags: ['contact', 'private'] }),
    );
    const handed = await requests.pageNotes(repo, page);
    expect(handed.notes).toEqual([
      { id: saved.id, selectors: saved.selectors, color: 'claim', anchorStatus: saved.anchorStatus },
    ]);
    expect(JSON.stringify(handed)).not.toMatch(/7946|contact|private|Attack on Market/);
  });

  it('answer a save from the page with the passage alone', async () => {
    const { repo } = setup();
    const { selectors, url } = noteInput();
    const result = await requests.saveNote(repo, {
      id: crypto.randomUUID(),
      url,
      pageTitle: 'Attack',
      selectors,
      text: 'my own words',
      tags: ['mine'],
      color: 'claim',
      entityIds: [],
      incidentIds: [],
    });
    expect(result.ok).toBe(true);
    const answer = passageResult(result);
    expect(answer.ok && Object.keys(answer.note).sort()).toEqual([
      'anchorStatus',
      'color',
      'id',
      'selectors',
    ]);
    expect(JSON.stringify(answer)).not.toMatch(/my own words|mine/);
  });
});
