/** Generated notes for `npm run bench` (the popup at 10,000 notes): deterministic, varied, valid. */
import type { Note } from '../notes/note-types';
import { termsOf } from '../notes/search-terms';
import { seededRandom } from './generators';

const WORDS =
  'police said claim attack group statement officials investigation market district army village report town'.split(
    ' ',
  );
const SITES = ['news.example', 'daily.example', 'wire.example', 'ledger.example'];
const TAGS = ['claims', 'police', 'follow-up', 'official', 'disputed', 'casualties'];
const COLORS = ['highlight', 'claim', 'official', 'disputed', 'follow-up'];

export function generateNotes(count: number, seed = 5): Note[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const sentence = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const notes: Note[] = [];
  for (let i = 0; i < count; i++) {
    const site = pick(SITES);
    const url = `https://${site}/story/${Math.floor(i / 3)}`;
    const note: Note = {
      id: `bench-${seed}-${i}`,
      pageKey: url,
      url,
      pageTitle: `Story ${Math.floor(i / 3)}: ${sentence(5)}`,
      site,
      selectors: { quote: { exact: sentence(14), prefix: sentence(5), suffix: sentence(5) } },
      text: random() < 0.6 ? sentence(10) : '',
      tags: random() < 0.5 ? [pick(TAGS)] : [],
      color: pick(COLORS),
      entityIds: [],
      incidentIds: [],
      createdAt: 1_700_000_000_000 + i * 60_000,
      updatedAt: 1_700_000_000_000 + i * 60_000,
      anchorStatus: 'anchored',
      terms: [],
    };
    note.terms = termsOf(note);
    notes.push(note);
  }
  return notes;
}
