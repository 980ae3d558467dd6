// @vitest-environment jsdom
// The record form as a reader uses it: prefilled from the page, asks what it cannot infer, offers a
// duplicate as a second source; "recorded by you" on cards; a recorded item and the note on its
// passage, each shown beside the other.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import axe from 'axe-core';
import { render } from './locale';
import { RecordForm } from '../../components/record/RecordForm';
import { RecordedMark } from '../../components/record/RecordedMark';
import { RecordedLinks } from '../../components/record/RecordedLinks';
import { MyPackSection } from '../../components/options/MyPackSection';
import { en } from './locale';
import type { RecordDraft } from '../../lib/mypack/record-frame-protocol';
import type { RecordRequest } from '../../lib/mypack/record';

afterEach(cleanup);

const draft: RecordDraft = {
  kind: 'claim',
  meta: { url: 'https://daily.example/a', title: 'A' },
  passage: {
    url: 'https://daily.example/a',
    selectors: { quote: { exact: 'the Brigade said it fired on the patrol', prefix: '', suffix: '' } },
  },
  inPassage: { incidentIds: ['incident-zakura-2017'], entityIds: ['group-tum'] },
  onPage: { incidentIds: [], entityIds: [] },
};
const source = {
  ok: true as const,
  source: {
    url: 'https://daily.example/a',
    publisher: 'Daily Example',
    title: 'A headline',
    published: '2017-11-21',
    accessed: '2026-12-07',
  },
};
const suggested = [
  {
    type: 'incident' as const,
    id: 'incident-zakura-2017',
    name: 'Zakura attack',
    date: '2017-11-17',
    place: 'Zakura',
  },
  { type: 'group' as const, id: 'group-tum', name: 'Tehreek-ul-Mujahideen' },
];

function form(onSubmit = vi.fn()) {
  render(
    <RecordForm
      draft={draft}
      source={source}
      suggested={suggested}
      search={async () => []}
      onSubmit={onSubmit}
      onClose={() => undefined}
    />,
  );
  return onSubmit;
}

describe('the record form', () => {
  it('starts at what the page marked and records with one click', async () => {
    const onSubmit = form(
      vi.fn(async () => ({ ok: true as const, key: 'k', incidentId: 'i', secondSource: false })),
    );
    expect((screen.getByRole('radio', { name: /Zakura attack/ }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('radio', { name: /Tehreek-ul-Mujahideen/ }) as HTMLInputElement).checked).toBe(
      true,
    );
    expect((screen.getByLabelText('Publisher') as HTMLInputElement).value).toBe('Daily Example');
    fireEvent.click(screen.getByRole('button', { name: 'Record claim' }));
    await screen.findByRole('status');
    const request = onSubmit.mock.calls[0]![0] as RecordRequest;
    expect(request).toMatchObject({
      item: { kind: 'claim', actor: { id: 'group-tum' }, stance: 'claimed' },
      incident: { id: 'incident-zakura-2017' },
      source: source.source,
      passage: draft.passage,
    });
    expect(screen.getByRole('status').textContent).toMatch(/Recorded in My pack/);
  });

  it('offers a duplicate as a second source, and sends it again so', async () => {
    const onSubmit = form(
      vi
        .fn()
        .mockResolvedValueOnce({
          ok: false,
          error: 'This is already recorded for Tehreek-ul-Mujahideen',
          duplicate: { where: 'mine', text: 'x', sources: 1 },
        })
        .mockResolvedValueOnce({ ok: true, key: 'k', incidentId: 'i', secondSource: true }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Record claim' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Add as a second source' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(2));
    expect(onSubmit.mock.calls[1]![0]).toMatchObject({ asSecondSource: true });
    expect((await screen.findByRole('status')).textContent).toMatch(/another source/);
  });

  it('shows the error it is given, and a page that is not a source disables recording', async () => {
    form(
      vi.fn(async () => ({
        ok: false as const,
        error: 'The incident is dated 2017-12-02, after the article',
      })),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Record claim' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/after the article/);
    cleanup();
    render(
      <RecordForm
        draft={draft}
        source={{ ok: false, error: 'Only web pages (http or https) can be a source' }}
        suggested={[]}
        search={async () => []}
        onSubmit={vi.fn()}
        onClose={() => undefined}
      />,
    );
    expect(screen.getByRole('alert').textContent).toMatch(/Only web pages/);
    expect((screen.getByRole('button', { name: 'Record claim' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('names the kinds of event in words, and records the pack’s code', async () => {
    const onSubmit = form(
      vi.fn(async () => ({ ok: true as const, key: 'k', incidentId: 'i', secondSource: false })),
    );
    fireEvent.click(screen.getByLabelText('A new incident…'));
    const kind = screen.getByLabelText('Kind of event') as HTMLSelectElement;
    const shown = [...kind.options].map((o) => o.textContent);
    expect(shown).toContain('Suicide bombing');
    expect(shown).toContain('Armed assault');
    expect(shown.filter((text) => /^[a-z]+(-[a-z]+)+$/.test(text ?? ''))).toEqual([]);
    fireEvent.input(screen.getByLabelText('Name', { selector: '.cl-record-new input' }), {
      target: { value: 'Market attack' },
    });
    fireEvent.input(screen.getByLabelText('Place name'), { target: { value: 'Port Meridian' } });
    fireEvent.change(kind, { target: { value: 'suicide-bombing' } });
    fireEvent.click(screen.getByRole('button', { name: 'Record claim' }));
    await screen.findByRole('status');
    expect(onSubmit.mock.calls[0]![0]).toMatchObject({
      incident: { new: { name: 'Market attack', kind: 'suicide-bombing' } },
    });
  });

  it('has no accessibility violations, with a new incident open', async () => {
    form();
    fireEvent.click(screen.getByLabelText('A new incident…'));
    const results = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' ')}`)).toEqual([]);
  });
});

describe('recorded by you', () => {
  it('is said of an item My pack holds, and of no other', () => {
    render(
      <p>
        <RecordedMark packs={['Test pack', 'Recorded by you']} />|
        <RecordedMark packs={['Recorded by you (from a file)']} />
      </p>,
    );
    expect(document.body.textContent).toBe(' · recorded by you|');
  });
});

describe('a recorded item and the reader’s note on the same passage', () => {
  it('is shown under the note, and opens the item in My pack', () => {
    const onOpen = vi.fn();
    render(
      <RecordedLinks
        links={[
          {
            key: 'src-mine-1',
            kind: 'claim',
            actor: 'Valley Martyrs Brigade',
            stance: 'claimed',
            incident: 'Zakura attack',
          },
        ]}
        onOpen={onOpen}
      />,
    );
    const list = screen.getByRole('list', { name: 'Recorded in My pack from this passage' });
    expect(list.textContent).toMatch(
      /^Recorded as a claim by Valley Martyrs Brigade \(Zakura attack\) — Open in My pack$/,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Open in My pack' }));
    expect(onOpen).toHaveBeenCalledWith('src-mine-1');
  });

  it('shows the note beside the item in My pack, and opens it on its page', () => {
    const onOpenNote = vi.fn();
    const passage = { ...draft.passage, recordedAt: 1, noteId: 'note-1' };
    const source = {
      id: 'src-mine-1',
      publisher: 'Daily Example',
      title: 'A',
      url: passage.url,
      accessed: '2026-12-07',
      kind: 'news' as const,
    };
    render(
      <MyPackSection
        incidents={[
          {
            id: 'incident-zakura-2017',
            name: 'Zakura attack',
            date: '2017-11-17',
            place: 'Zakura',
            items: [
              {
                key: 'src-mine-1',
                kind: 'claim',
                actorId: 'group-vmb',
                actor: 'Valley Martyrs Brigade',
                stance: 'claimed',
                text: 'Claimed',
                sources: [{ source, passage }],
              },
            ],
          },
        ]}
        notes={{ 'note-1': { text: 'Check with the police' } }}
        onOpenNote={onOpenNote}
        publishName="Desk"
        busy={false}
        onEdit={vi.fn()}
        onDelete={vi.fn()}
        onExport={vi.fn()}
        t={en}
      />,
    );
    const item = screen.getByRole('listitem', { name: 'Valley Martyrs Brigade: claimed' });
    expect(item.textContent).toContain('Your note on this passage: Check with the police');
    fireEvent.click(screen.getByRole('button', { name: 'Open your note on its page' }));
    expect(onOpenNote).toHaveBeenCalledWith('note-1');
  });
});
