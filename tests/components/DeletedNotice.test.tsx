// @vitest-environment jsdom
// "Note deleted · Undo": announced, Undo pressed by keyboard or mouse, and gone after a few seconds
// unless the reader is on Undo.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen } from '@testing-library/preact';
import { render } from './locale';
import { DeletedNotice, UNDO_MS } from '../../components/notes/DeletedNotice';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('DeletedNotice', () => {
  it('says the note was deleted in a live region and offers Undo', async () => {
    const onUndo = vi.fn();
    render(<DeletedNotice onUndo={onUndo} onExpire={() => undefined} />);
    await vi.waitFor(() => expect(screen.getByRole('status').textContent).toBe('Note deleted'));
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(onUndo).toHaveBeenCalledTimes(1);
  });

  it('lets the delete stand after a few seconds, but not while the focus is on Undo', () => {
    vi.useFakeTimers();
    const onExpire = vi.fn();
    render(<DeletedNotice onUndo={() => undefined} onExpire={onExpire} />);
    const undo = screen.getByRole('button', { name: 'Undo' });
    act(() => undo.focus());
    act(() => {
      vi.advanceTimersByTime(UNDO_MS * 2);
    });
    expect(onExpire).not.toHaveBeenCalled();
    act(() => undo.blur());
    act(() => {
      vi.advanceTimersByTime(UNDO_MS + 10);
    });
    expect(onExpire).toHaveBeenCalledTimes(1);
  });
});
