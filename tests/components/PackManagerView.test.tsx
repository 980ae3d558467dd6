// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { PackManagerView, type PackManagerViewProps } from '../../components/options/PackManagerView';
import type { PackRow } from '../../lib/packs/packs-db';
import { packStats } from '../../lib/knowledge/pack-stats';
import { en } from './locale';
import { testPack } from '../fixtures/test-pack';

afterEach(cleanup);

const stats = packStats(testPack());
const rows: PackRow[] = [
  {
    id: 'claimlens-default',
    name: 'Bundled pack',
    version: '2.0.0',
    updated: '2026-11-21',
    origin: { type: 'bundled' },
    enabled: true,
    installedAt: 0,
    stats,
  },
  {
    id: 'team-pack',
    name: 'Team pack',
    version: '1.1.0',
    updated: '2026-11-20',
    origin: { type: 'url', url: 'https://packs.example/team.json' },
    enabled: false,
    installedAt: 1,
    stats,
    subscription: {
      checkedAt: Date.UTC(2026, 10, 21),
      error: 'Could not reach packs.example (no answer in time).',
    },
  },
];

function view(overrides: Partial<PackManagerViewProps> = {}) {
  const props: PackManagerViewProps = {
    rows,
    busy: false,
    outcome: null,
    onToggle: vi.fn(),
    onRemove: vi.fn(),
    onCheck: vi.fn(),
    onImportFile: vi.fn(),
    onSubscribe: vi.fn(),
    formatTime: () => '21 Nov 2026',
    t: en,
    ...overrides,
  };
  render(<PackManagerView {...props} />);
  return props;
}

describe('the pack manager', () => {
  it('lists each pack with its version, counts, origin and last failed update', () => {
    view();
    const team = screen.getByRole('listitem', { name: 'Team pack' });
    expect(team.textContent).toContain('Version 1.1.0, 20 Nov 2026');
    expect(team.textContent).toContain(`Groups: ${stats.entitiesByKind.group}`);
    expect(team.textContent).toContain('Subscribed: https://packs.example/team.json (checked 21 Nov 2026)');
    expect(within(team).getByRole('note').textContent).toMatch(/previous version is kept: Could not reach/);
    expect(within(team).getByRole('checkbox')).toHaveProperty('checked', false);
    expect(
      within(screen.getByRole('listitem', { name: 'Bundled pack' })).queryByRole('button', {
        name: 'Remove…',
      }),
    ).toBeNull();
  });

  it('enables, checks and removes (after a confirmation) through its callbacks', () => {
    const props = view();
    const team = screen.getByRole('listitem', { name: 'Team pack' });
    fireEvent.click(within(team).getByRole('checkbox'));
    expect(props.onToggle).toHaveBeenCalledWith('team-pack', true);
    fireEvent.click(within(team).getByRole('button', { name: 'Check for an update' }));
    expect(props.onCheck).toHaveBeenCalledWith('team-pack');
    fireEvent.click(within(team).getByRole('button', { name: 'Remove…' }));
    expect(props.onRemove).not.toHaveBeenCalled();
    fireEvent.click(within(team).getByRole('button', { name: 'Remove' }));
    expect(props.onRemove).toHaveBeenCalledWith('team-pack');
  });

  it('subscribes to the address typed', () => {
    const props = view();
    fireEvent.input(screen.getByLabelText('Subscribe by address'), {
      target: { value: ' https://packs.example/p.json ' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Subscribe' }));
    expect(props.onSubscribe).toHaveBeenCalledWith('https://packs.example/p.json');
  });

  it('lists every problem of a refused pack, and what merging kept apart', () => {
    view({
      outcome: {
        error: 'broken.json was not installed: it has 2 problems.',
        problems: ['entities[0].kind: bad', 'sources[1].url: bad'],
      },
      mergeNotes: [
        {
          type: 'kind-differs',
          pack: 'Team pack',
          id: 'group-x',
          kind: 'person',
          otherKind: 'group',
          otherPacks: ['Bundled pack'],
        },
      ],
    });
    expect(
      within(screen.getByRole('alert'))
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['entities[0].kind: bad', 'sources[1].url: bad']);
    const merge = screen.getAllByRole('note').find((n) => n.classList.contains('merge-notes'))!;
    expect(merge.textContent).toContain(
      '“Team pack”: “group-x” is a person there but a group in Bundled pack.',
    );
  });
});
