// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { NoteFilters } from '../../components/popup/NoteFilters';

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
    expect(screen.getByRole('option', { name: 'Zakura attack' })).toBeTruthy();
    fireEvent.change(screen.getByLabelText('popupFilterTag'), { target: { value: 'police' } });
    expect(onChange).toHaveBeenLastCalledWith({ tag: 'police' });
    fireEvent.change(screen.getByLabelText('popupFilterFrom'), { target: { value: '2024-05-01' } });
    expect(onChange).toHaveBeenLastCalledWith({ from: '2024-05-01' });
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
