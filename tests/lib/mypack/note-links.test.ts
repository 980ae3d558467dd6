// A recorded claim and the reader's note on the same passage find each other: same page (as notes key
// pages), same words at the same place; the link survives neither a deleted note nor another passage.
import { describe, expect, it } from 'vitest';
import { KnowledgeBase } from '../../../lib/knowledge/knowledge-base';
import { emptyMyPack, type MyPackState } from '../../../lib/mypack/my-pack';
import { recordItem, type RecordRequest } from '../../../lib/mypack/record';
import {
  linkNotes,
  linkedNoteIds,
  recordedForNote,
  samePassage,
  type NoteRef,
} from '../../../lib/mypack/note-links';
import { pageKeyFor } from '../../../lib/notes/page-identity';
import { testPack } from '../../fixtures/test-pack';

const kb = new KnowledgeBase([testPack()]);
const known = { incidents: kb.incidents, entities: kb.entities, mineLabel: 'Recorded by you' };
const quote = { exact: 'the group said it fired', prefix: 'On Sunday ', suffix: ' on the patrol' };

/** My pack with one claim by Hamas on the Zakura attack, recorded from `quote` on `url`. */
function recorded(url = 'https://daily.example/valley?utm_source=feed'): MyPackState {
  const request: RecordRequest = {
    item: { kind: 'claim', actor: { id: 'group-hamas' }, stance: 'claimed' },
    incident: { id: 'incident-zakura-2017' },
    source: { url: 'https://daily.example/valley', publisher: 'Daily', title: 'A', accessed: '2026-12-07' },
    passage: { url, selectors: { quote, position: { start: 120, end: 143 } } },
  };
  const outcome = recordItem(emptyMyPack('2026-12-07'), request, known, 1, '2026-12-07');
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome.state;
}

function note(over: Partial<NoteRef> = {}): NoteRef {
  const url = over.url ?? 'https://daily.example/valley';
  return { id: 'note-1', url, pageKey: pageKeyFor({ url }), selectors: { quote }, ...over };
}

const passageOf = (state: MyPackState) => Object.values(state.passages)[0]!;

describe('the same passage', () => {
  const passage = passageOf(recorded());

  it('is the same words with the same words around them on the same page, tracking parameters aside', () => {
    expect(samePassage(note(), passage)).toBe(true);
    expect(
      samePassage(
        note({ selectors: { quote: { ...quote, exact: ' the group  said it\nfired ' } } }),
        passage,
      ),
    ).toBe(true);
  });

  it('is not the same words elsewhere on the page, nor on another page', () => {
    expect(samePassage(note({ selectors: { quote: { ...quote, prefix: 'On Monday ' } } }), passage)).toBe(
      false,
    );
    expect(samePassage(note({ selectors: { quote, position: { start: 900, end: 923 } } }), passage)).toBe(
      false,
    );
    expect(samePassage(note({ url: 'https://daily.example/other' }), passage)).toBe(false);
    expect(samePassage(note({ selectors: { quote: { ...quote, exact: 'the group said' } } }), passage)).toBe(
      false,
    );
  });
});

describe('the same passage across a line break', () => {
  it('is a note saved when a <br> gave its quote no space, and a passage recorded since with one', () => {
    // Recorded now from "the group<br>said it fired": a space where the line breaks.
    const passage = passageOf(recorded());
    const before = { ...quote, exact: 'the groupsaid it fired' };
    expect(
      samePassage(note({ selectors: { quote: before, position: { start: 120, end: 142 } } }), passage),
    ).toBe(true);
    expect(samePassage(note({ selectors: { quote: before } }), passage)).toBe(true);
    // Other words at the same place are not.
    const other = { ...quote, exact: 'the groups aid it fired.' };
    expect(
      samePassage(note({ selectors: { quote: other, position: { start: 120, end: 144 } } }), passage),
    ).toBe(false);
  });
});

describe('linking a recorded item and a note', () => {
  it('links a note on the passage, both ways', () => {
    const linked = linkNotes(recorded(), [note({ id: 'other', url: 'https://daily.example/b' }), note()])!;
    expect(passageOf(linked).noteId).toBe('note-1');
    expect(linkedNoteIds(linked)).toEqual(['note-1']);
    expect(recordedForNote(linked, 'note-1')).toEqual([
      {
        key: Object.keys(linked.passages)[0],
        kind: 'claim',
        actor: 'Hamas',
        stance: 'claimed',
        incident: 'Zakura attack',
      },
    ]);
    expect(recordedForNote(linked, 'other')).toEqual([]);
  });

  it('changes nothing when no note is on a recorded passage, or the link is there already', () => {
    expect(linkNotes(recorded(), [note({ url: 'https://daily.example/b' })])).toBeUndefined();
    expect(linkNotes(recorded(), [])).toBeUndefined();
    const linked = linkNotes(recorded(), [note()])!;
    expect(linkNotes(linked, [note(), note({ id: 'note-2' })])).toBeUndefined();
  });

  it('gives a link to a note since deleted to a new note saved on the passage', () => {
    const linked = linkNotes(recorded(), [note({ id: 'deleted' })])!;
    expect(passageOf(linkNotes(linked, [note({ id: 'note-2' })])!).noteId).toBe('note-2');
  });
});
