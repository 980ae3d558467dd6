// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { NoteFilters } from '../../components/popup/NoteFilters';
import { en } from './locale';

afterEach(cleanup);

const t = (key: string) => key;
const choices = { tags: ['claims', 'police'], sites: ['news.example'], mentions: ['incident-zakura-2017'] };

describe('the popup’s filters', () => {
  it('offers the values in use, groups and incidents by name, and reports each choice', () => {
    const onChange = vi.fn();
    render(
      <NoteFilters
        choices={choices}
        filter={{}}
        onChange={onChange}
        names={{ 'incident-zakura-2017': 'Zakura attack' }}
        t={t}
      />,
    );
    // Folded at first: one button, which opens the row of filters.
    const toggle = screen.getByRole('button', { name: 'popupFiltersToggle' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByLabelText('popupFilterTag')).toBeNull();
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByRole('option', { name: 'Zakura attack' })).toBeTruthy();
    fireEvent.change(screen.getByLabelText('popupFilterTag'), { target: { value: 'police' } });
    expect(onChange).toHaveBeenLastCalledWith({ tag: 'police' });
  });

  it('filters by when a note was saved with presets in the reader’s date style, not a date picker', () => {
    const onChange = vi.fn();
    const now = new Date(2026, 11, 7, 15);
    render(<NoteFilters choices={choices} filter={{}} onChange={onChange} names={{}} t={en} now={now} />);
    fireEvent.click(screen.getByRole('button', { name: 'Filters' }));
    expect(document.querySelector('input[type=date]')).toBeNull();
    const when = screen.getByLabelText('Saved') as HTMLSelectElement;
    expect([...when.options].map((o) => o.textContent)).toEqual([
      'any time',
      'today',
      'in the past 7 days (since 1 Dec 2026)',
      'in the past 30 days (since 8 Nov 2026)',
      'in the past year (since 8 Dec 2025)',
    ]);
    fireEvent.change(when, { target: { value: 'week' } });
    expect(onChange).toHaveBeenLastCalledWith({ from: '2026-12-01' });
  });

  it('says on its folded button how many filters are on', () => {
    render(
      <NoteFilters
        choices={choices}
        filter={{ tag: 'claims', from: '2026-12-01', to: '2026-12-07' }}
        onChange={() => {}}
        names={{}}
        t={en}
      />,
    );
    expect(screen.getByRole('button', { name: 'Filters 2 on' }).getAttribute('aria-expanded')).toBe('false');
  });

  it('clears every filter at once, and offers to only when one is set', () => {
    const onChange = vi.fn();
    const { rerender } = render(
      <NoteFilters choices={choices} filter={{}} onChange={onChange} names={{}} t={t} />,
    );
    expect(screen.queryByRole('button', { name: 'popupFilterClear' })).toBeNull();
    rerender(
      <NoteFilters
        choices={choices}
        filter={{ tag: 'claims', color: 'claim' }}
        onChange={onChange}
        names={{}}
        t={t}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'popupFilterClear' }));
    expect(onChange).toHaveBeenCalledWith({});
  });
});
