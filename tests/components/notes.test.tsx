// @vitest-environment jsdom
// The panels of saved passages on a page, in the reader's language: the note card, the editor, the
// orphan notice with re-link, and the re-link notice.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { NoteCard } from '../../components/notes/NoteCard';
import { NoteEditor } from '../../components/notes/NoteEditor';
import { OrphanNotice } from '../../components/notes/OrphanNotice';
import { RelinkNotice } from '../../components/notes/RelinkNotice';
import { SelectionToolbar } from '../../components/notes/SelectionToolbar';
import { render } from './locale';

afterEach(cleanup);

const INSTRUCTIONS =
  'Select the passage for this note on the page, then choose Attach (or press Alt+Shift+S).';

/**
 * What a screen reader is told while `change` runs: the text of a live region whose content changed while
 * it was on the page (a region that arrives with its text already in it is not read out).
 */
function announcements(root: Element, change: () => void): string[] {
  const observer = new MutationObserver(() => {});
  observer.observe(root, { subtree: true, childList: true, characterData: true });
  change();
  const told = new Set<string>();
  for (const record of observer.takeRecords()) {
    const target = record.target instanceof Element ? record.target : record.target.parentElement;
    const live = target?.closest(
      '[aria-live]:not([aria-live="off"]), [role="status"], [role="alert"], [role="log"]',
    );
    if (live?.isConnected) told.add(live.textContent ?? '');
  }
  observer.disconnect();
  return [...told];
}

const saved = {
  selectors: { quote: { exact: 'The police said the attack', prefix: '', suffix: '' } },
  text: '',
  tags: ['police'],
  color: 'follow-up',
  createdAt: Date.UTC(2024, 4, 11),
  updatedAt: Date.UTC(2024, 4, 11),
};

describe('the note card and the editor', () => {
  it('names the colour (or the reader’s own name for it) and says when a note has no text', () => {
    const { rerender } = render(<NoteCard note={saved} onEdit={() => {}} onDelete={() => {}} />);
    expect(screen.getByText('Follow up')).toBeTruthy();
    expect(screen.getByText('No note, just the highlight.')).toBeTruthy();
    expect(screen.getByRole('list', { name: 'Tags' }).textContent).toBe('police');
    rerender(
      <NoteCard
        note={saved}
        colorLabels={{ 'follow-up': 'Check again' }}
        onEdit={() => {}}
        onDelete={() => {}}
      />,
    );
    expect(screen.getByText('Check again')).toBeTruthy();
  });

  it('labels every field of the editor', () => {
    render(
      <NoteEditor
        quote="The police said"
        initial={{ text: '', tags: ['police'], color: 'claim' }}
        knownTags={[]}
        saving
        onSave={() => {}}
        onCancel={() => {}}
      />,
    );
    expect(screen.getByRole('form', { name: 'ClaimLens: note on the selected passage' })).toBeTruthy();
    expect(screen.getByLabelText('Note')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Remove tag police' })).toBeTruthy();
    expect(screen.getByRole('radio', { name: 'Official statement' })).toBeTruthy();
    expect((screen.getByRole('radio', { name: 'Claim' }) as HTMLInputElement).checked).toBe(true);
    expect(screen.getByRole('button', { name: /Saving…/ })).toBeTruthy();
  });

  it('offers Highlight and Add note beside a selection', () => {
    const onHighlight = vi.fn();
    render(<SelectionToolbar onHighlight={onHighlight} onAddNote={() => {}} />);
    fireEvent.click(screen.getByRole('button', { name: 'Highlight' }));
    expect(onHighlight).toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Add note' }).title).toContain('Alt+Shift+A');
  });
});

describe('passages not found, and re-linking one', () => {
  const orphans = [
    { id: 'n-1', quote: 'Officials said on Saturday that the claim' },
    { id: 'n-2', quote: 'A resident said the shooting lasted' },
  ];

  it('counts them in words that fit, and offers to re-link each', () => {
    const onRelink = vi.fn();
    const { rerender } = render(<OrphanNotice orphans={orphans} onDismiss={() => {}} onRelink={onRelink} />);
    expect(screen.getByText('2 saved passages could not be found on this page')).toBeTruthy();
    fireEvent.click(
      screen.getByRole('button', {
        name: 'Re-link the note on “A resident said the shooting lasted” to a passage of this page',
      }),
    );
    expect(onRelink).toHaveBeenCalledWith('n-2');
    rerender(<OrphanNotice orphans={orphans.slice(0, 1)} onDismiss={() => {}} />);
    expect(screen.getByText('1 saved passage could not be found on this page')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Re-link/ })).toBeNull();
  });

  it('asks for a selection, attaches it once there is one, and cancels with Escape', () => {
    const onAttach = vi.fn();
    const onCancel = vi.fn();
    const { rerender } = render(
      <RelinkNotice
        quote="Officials said"
        text="Doubts **about** the claim"
        selected={null}
        onAttach={onAttach}
        onCancel={onCancel}
      />,
    );
    const dialog = screen.getByRole('dialog', { name: 'ClaimLens: re-link a note' });
    expect(document.activeElement).toBe(dialog);
    expect(dialog.textContent).toContain('Select the passage for this note on the page, then choose Attach');
    // The note by its words, the lost passage by what it is; no "Originally" for a note never moved.
    expect(dialog.textContent).toContain('Note: “Doubts about the claim”');
    expect(dialog.textContent).toContain('Passage no longer found: “Officials said”');
    expect(dialog.textContent).not.toContain('Originally');
    expect(dialog.textContent).toContain('Nothing is selected yet.');
    expect((screen.getByRole('button', { name: 'Attach' }) as HTMLButtonElement).disabled).toBe(true);
    rerender(
      <RelinkNotice
        quote="Officials said"
        selected="Investigators have since closed"
        onAttach={onAttach}
        onCancel={onCancel}
      />,
    );
    expect(dialog.textContent).toContain('Selected: “Investigators have since closed”');
    fireEvent.click(screen.getByRole('button', { name: 'Attach' }));
    expect(onAttach).toHaveBeenCalled();
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(onCancel).toHaveBeenCalled();
  });

  it('tells a screen reader what to do when Re-link replaces the orphan notice, the keys left on the page', () => {
    const orphans = [{ id: 'n1', quote: 'Officials said' }];
    const { container, rerender } = render(
      <OrphanNotice orphans={orphans} onDismiss={() => {}} onRelink={() => {}} />,
    );
    // As in the notes frame: the notice takes the place of the orphan notice, without the focus.
    const told = announcements(container, () =>
      rerender(
        <RelinkNotice
          quote="Officials said"
          selected={null}
          takeFocus={false}
          onAttach={() => {}}
          onCancel={() => {}}
        />,
      ),
    );
    expect(told).toContain(INSTRUCTIONS);
    expect(document.activeElement).toBe(document.body);
    // Reached with Tab, the notice is described by the same words.
    const dialog = screen.getByRole('dialog', { name: 'ClaimLens: re-link a note' });
    const description = document.getElementById(dialog.getAttribute('aria-describedby') ?? '');
    expect(description?.textContent).toBe(INSTRUCTIONS);
  });

  it('shows the passage a note was first saved on when it moved before', () => {
    render(
      <RelinkNotice
        quote="Investigators have since closed"
        original="Officials said"
        selected={null}
        onAttach={() => {}}
        onCancel={() => {}}
      />,
    );
    const text = screen.getByRole('dialog').textContent;
    expect(text).toContain('Passage no longer found: “Investigators have since closed”');
    expect(text).toContain('Originally: “Officials said”');
  });

  it('shows why attaching failed', () => {
    render(
      <RelinkNotice
        quote="q"
        selected="s"
        error="This note no longer exists."
        onAttach={() => {}}
        onCancel={() => {}}
      />,
    );
    expect(screen.getByRole('alert').textContent).toBe('This note no longer exists.');
  });
});
