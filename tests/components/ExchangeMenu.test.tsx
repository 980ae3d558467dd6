// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { ExchangeMenu } from '../../components/popup/ExchangeMenu';
import { en } from './locale';

afterEach(cleanup);

describe('the export and import menu', () => {
  it('is one button that opens a menu of the five formats and import, all by keyboard', async () => {
    const onExport = vi.fn();
    render(<ExchangeMenu count={12} onExport={onExport} onImport={() => {}} t={en} />);
    const button = screen.getByRole('button', { name: 'Export / import' });
    expect(button.getAttribute('aria-haspopup')).toBe('menu');
    expect(screen.queryByRole('menu')).toBeNull();
    fireEvent.keyDown(button, { key: 'ArrowDown' });
    const menu = await screen.findByRole('menu');
    expect(screen.getAllByRole('menuitem').map((i) => i.textContent)).toEqual([
      'Markdown',
      'CSV',
      'JSON',
      'Web Annotation',
      'Hypothesis',
      'Import notes…',
    ]);
    expect(menu.textContent).toContain('Export 12 as');
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Markdown'));
    fireEvent.keyDown(menu, { key: 'ArrowDown' });
    expect(document.activeElement?.textContent).toBe('CSV');
    fireEvent.keyDown(menu, { key: 'End' });
    expect(document.activeElement?.textContent).toBe('Import notes…');
    fireEvent.keyDown(menu, { key: 'ArrowDown' });
    expect(document.activeElement?.textContent).toBe('Markdown');
    fireEvent.keyDown(menu, { key: 'Escape' });
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(button);
    fireEvent.click(button);
    fireEvent.click(await screen.findByRole('menuitem', { name: 'CSV' }));
    expect(onExport).toHaveBeenCalledWith('csv');
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it('names the selection when there is one, and exports nothing when nothing is listed', async () => {
    const onExport = vi.fn();
    const { rerender } = render(<ExchangeMenu count={3} selection onExport={onExport} t={en} />);
    fireEvent.click(screen.getByRole('button', { name: 'Export / import' }));
    expect((await screen.findByRole('menu')).textContent).toContain('Export 3 selected as');
    rerender(<ExchangeMenu count={0} onExport={onExport} t={en} />);
    const json = screen.getByRole('menuitem', { name: 'JSON' });
    expect(json.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(json);
    expect(onExport).not.toHaveBeenCalled();
  });

  it('imports a file in the popup (Chromium): the item opens the file picker, the file’s text is handed over', async () => {
    const onImport = vi.fn();
    render(<ExchangeMenu count={1} onExport={() => {}} onImport={onImport} t={en} />);
    const input = document.querySelector<HTMLInputElement>('input[type=file]')!;
    const picked = vi.spyOn(input, 'click');
    fireEvent.click(screen.getByRole('button', { name: 'Export / import' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Import notes…' }));
    expect(picked).toHaveBeenCalled();
    const file = new File(['{"format":"claimlens-notes"}'], 'notes.json', { type: 'application/json' });
    fireEvent.change(input, { target: { files: [file] } });
    await waitFor(() => expect(onImport).toHaveBeenCalledWith('{"format":"claimlens-notes"}'));
  });

  it('imports elsewhere in Firefox: no file input in the popup, the item opens the import page', async () => {
    const elsewhere = vi.fn();
    render(<ExchangeMenu count={1} onExport={() => {}} onImportElsewhere={elsewhere} t={en} />);
    expect(document.querySelector('input[type=file]')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Export / import' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Import notes (opens in a tab)…' }));
    expect(elsewhere).toHaveBeenCalled();
  });
});
