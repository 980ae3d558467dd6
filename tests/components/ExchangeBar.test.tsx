// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { ExchangeBar } from '../../components/popup/ExchangeBar';

afterEach(cleanup);

const t = (key: string, sub?: string | string[]) =>
  sub === undefined ? key : `${key}(${[sub].flat().join(',')})`;

describe('export and import in the popup', () => {
  it('offers the four formats for the notes in view, and none when there are no notes', () => {
    const onExport = vi.fn();
    const { rerender } = render(
      <ExchangeBar count={3} onExport={onExport} onImport={() => {}} outcome={null} t={t} />,
    );
    for (const key of [
      'popupExportMarkdown',
      'popupExportJson',
      'popupExportWebAnnotation',
      'popupExportCsv',
    ])
      fireEvent.click(screen.getByRole('button', { name: key }));
    expect(onExport.mock.calls.map((c) => c[0])).toEqual(['markdown', 'json', 'web-annotation', 'csv']);
    rerender(<ExchangeBar count={0} onExport={onExport} onImport={() => {}} outcome={null} t={t} />);
    expect((screen.getByRole('button', { name: 'popupExportJson' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
  });

  it('reads the chosen file as text, and shows what the import did or every problem found', async () => {
    const onImport = vi.fn();
    const { rerender } = render(
      <ExchangeBar count={1} onExport={() => {}} onImport={onImport} outcome={null} t={t} />,
    );
    const input = screen.getByLabelText('popupImport') as HTMLInputElement;
    const file = new File(['{"format":"claimlens-notes"}'], 'notes.json', { type: 'application/json' });
    fireEvent.change(input, { target: { files: [file] } });
    await waitFor(() => expect(onImport).toHaveBeenCalledWith('{"format":"claimlens-notes"}'));
    rerender(
      <ExchangeBar
        count={1}
        onExport={() => {}}
        onImport={onImport}
        outcome={{ report: '2 added, 1 skipped' }}
        t={t}
      />,
    );
    expect(screen.getByRole('status').textContent).toBe('2 added, 1 skipped');
    rerender(
      <ExchangeBar
        count={1}
        onExport={() => {}}
        onImport={onImport}
        outcome={{ errors: ['notes[0].url: only http(s) addresses'] }}
        t={t}
      />,
    );
    expect(screen.getByRole('alert').textContent).toContain('notes[0].url: only http(s) addresses');
  });
});
