// @vitest-environment jsdom
// The options page's data section shows the subscriptions a backup restored, and enables them only when asked.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { en, render } from './locale';
import { DataSection } from '../../components/options/DataSection';

afterEach(cleanup);

const base = {
  notes: 2,
  packs: 1,
  busy: false,
  outcome: { message: 'Imported.' },
  onExport: () => undefined,
  onImport: () => undefined,
  onDeleteAll: () => undefined,
  t: en,
};

describe('DataSection after an import', () => {
  it('lists restored subscriptions with their addresses and enables them only on the reader’s click', () => {
    const onEnable = vi.fn();
    render(
      <DataSection
        {...base}
        restoredSubscriptions={[{ id: 'desk', name: 'Desk pack', url: 'https://packs.example/desk.json' }]}
        onEnableSubscriptions={onEnable}
      />,
    );
    expect(screen.getByRole('group').textContent).toContain('Desk pack: https://packs.example/desk.json');
    expect(onEnable).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Enable these subscriptions' }));
    expect(onEnable).toHaveBeenCalledWith(['desk']);
  });

  it('asks nothing when the backup restored no subscription', () => {
    render(<DataSection {...base} />);
    expect(screen.queryByRole('button', { name: 'Enable these subscriptions' })).toBeNull();
  });
});
