// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ImportNotes } from '../../components/options/ImportNotes';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';

afterEach(cleanup);

describe('importing notes on the options page (where Firefox’s popup sends the reader)', () => {
  it('is the section the popup links to, reads the chosen file and says what it did', async () => {
    const onImport = vi.fn();
    const { rerender } = render(<ImportNotes outcome={null} onImport={onImport} t={(k) => k} />);
    const section = screen.getByRole('region', { name: 'optionsImportNotesTitle' });
    expect(section.id).toBe('import-notes');
    const input = screen.getByLabelText('optionsImportNotesChoose') as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File(['{"notes":[]}'], 'n.json')] } });
    await waitFor(() => expect(onImport).toHaveBeenCalledWith('{"notes":[]}'));
    rerender(
      <ImportNotes outcome={{ report: '3 added, 0 updated, 0 skipped' }} onImport={onImport} t={(k) => k} />,
    );
    expect(screen.getByRole('status').textContent).toBe('3 added, 0 updated, 0 skipped');
    rerender(<ImportNotes outcome={{ errors: ['notes[0].color: bad'] }} onImport={onImport} t={(k) => k} />);
    expect(screen.getByRole('alert').textContent).toContain('notes[0].color: bad');
  });
});
