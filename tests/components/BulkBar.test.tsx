// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { BulkBar } from '../../components/popup/BulkBar';
import { en, render } from './locale';

afterEach(cleanup);

const handlers = () => ({
  onDelete: vi.fn(),
  onAddTag: vi.fn(),
  onRemoveTag: vi.fn(),
  onClear: vi.fn(),
});

describe('the bar of bulk actions', () => {
  it('says how many notes are selected, in words that fit the count', () => {
    const { rerender } = render(<BulkBar count={1} tags={[]} {...handlers()} t={en} />);
    expect(screen.getByRole('status').textContent).toBe('1 note selected');
    rerender(<BulkBar count={2500} tags={[]} {...handlers()} t={en} />);
    expect(screen.getByRole('status').textContent).toBe(`${(2500).toLocaleString()} notes selected`);
  });

  it('deletes, clears, and adds or removes the tag typed, from the keyboard too', () => {
    const h = handlers();
    render(<BulkBar count={3} tags={['police']} {...h} t={en} />);
    const region = screen.getByRole('region', { name: 'With the selected notes' });
    expect(region).toBeTruthy();
    const add = screen.getByRole('button', { name: 'Add tag' }) as HTMLButtonElement;
    expect(add.disabled).toBe(true);
    const input = screen.getByLabelText('Tag');
    fireEvent.input(input, { target: { value: '  follow   up ' } });
    fireEvent.submit(input.closest('form')!);
    expect(h.onAddTag).toHaveBeenCalledWith('follow up');
    fireEvent.click(screen.getByRole('button', { name: 'Remove tag' }));
    expect(h.onRemoveTag).toHaveBeenCalledWith('follow up');
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    expect(h.onDelete).toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Clear selection' }));
    expect(h.onClear).toHaveBeenCalled();
  });

  it('offers nothing twice while a bulk change is running', () => {
    render(<BulkBar count={3} tags={[]} busy {...handlers()} t={en} />);
    expect((screen.getByRole('button', { name: 'Delete' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
