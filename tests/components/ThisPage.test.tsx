// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { ThisPage } from '../../components/popup/ThisPage';
import { en } from './locale';
import type { PageFindings } from '../../lib/messaging';
import type { Note } from '../../lib/notes/note-types';

afterEach(cleanup);

/** Message keys with their substitution, so tests see which message was chosen and with what. */
const t = (key: string, sub?: string | string[]) =>
  sub === undefined ? key : `${key}(${[sub].flat().join(',')})`;

const report: PageFindings = {
  url: 'https://news.example/zakura',
  published: '2017-11-20',
  entities: [
    { id: 'group-is', name: 'Islamic State', kind: 'group', aliases: ['IS', 'Islamic State'], mentions: 4 },
    { id: 'place-zakura', name: 'Zakura', kind: 'place', aliases: ['Zakura'], mentions: 2 },
  ],
  incidents: [
    {
      id: 'incident-zakura-2017',
      name: 'Zakura attack',
      aliases: ['Zakura attack'],
      confidence: 0.95,
      why: 'named “Zakura attack”',
      competingClaimants: 3,
    },
  ],
};

const note = (id: string, status: Note['anchorStatus']): Note => ({
  id,
  pageKey: 'https://news.example/zakura',
  url: 'https://news.example/zakura',
  pageTitle: 'Zakura',
  site: 'news.example',
  selectors: { quote: { exact: `Passage ${id}`, prefix: '', suffix: '' } },
  text: `Note ${id}`,
  tags: [],
  color: 'highlight',
  entityIds: [],
  incidentIds: [],
  createdAt: 1,
  updatedAt: 1,
  anchorStatus: status,
  terms: [],
});

describe('the popup’s view of the current tab', () => {
  it('groups the findings by kind, incidents first with their claimants named, and leaves places out', () => {
    render(
      <ThisPage
        report={report}
        notes={[]}
        claimants={{
          'incident-zakura-2017': ['Islamic State', 'Tehreek-ul-Mujahideen', 'Ansar Ghazwat-ul-Hind'],
        }}
        t={en}
      />,
    );
    const incidents = screen.getByRole('region', { name: 'Incidents' });
    expect(incidents.textContent).toContain('Zakura attack');
    expect(incidents.textContent).toContain('3 competing claims');
    expect(incidents.textContent).toContain(
      'Claimed by Islamic State, Tehreek-ul-Mujahideen, Ansar Ghazwat-ul-Hind',
    );
    const groups = screen.getByRole('region', { name: 'Groups' });
    expect(groups.textContent).toBe('GroupsIslamic State ×4');
    expect(screen.queryByText('Zakura', { exact: true })).toBeNull();
    const headings = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(headings).toEqual(['Incidents', 'Groups']);
  });

  it('lists the notes saved here and says how many could not be found', () => {
    render(<ThisPage report={report} notes={[note('a', 'anchored'), note('b', 'orphan')]} t={t} />);
    expect(screen.getByText('popupNotesHeading(2)')).toBeTruthy();
    expect(screen.getByText('Passage a')).toBeTruthy();
    expect(screen.getByText('popupOrphans(1)')).toBeTruthy();
    expect(screen.getAllByText('popupOrphanLabel')).toHaveLength(1);
  });

  it('teaches in its empty states', () => {
    render(<ThisPage report={null} notes={[]} t={t} />);
    expect(screen.getByText('popupNotRead')).toBeTruthy();
    expect(screen.getByText('popupNoNotes')).toBeTruthy();
  });

  it('shows a group or incident on the page when chosen', () => {
    const onShow = vi.fn();
    render(<ThisPage report={report} notes={[]} onShow={onShow} t={t} />);
    fireEvent.click(screen.getByRole('button', { name: 'Islamic State' }));
    fireEvent.click(screen.getByRole('button', { name: 'Zakura attack' }));
    expect(onShow.mock.calls).toEqual([['group-is'], ['incident-zakura-2017']]);
  });
});
