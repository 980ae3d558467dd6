// @vitest-environment jsdom
// "Copy citation" on a card: copies the claim with its sources as plain text, says "Copied" on the
// button and once to screen readers; says so when the browser refused.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { render } from './locale';
import { CopySupport } from '../../components/CopyCitation';
import { IncidentCardView } from '../../components/IncidentCardView';
import type { IncidentCard } from '../../lib/knowledge/cards';

afterEach(cleanup);

const CARD = {
  type: 'incident',
  id: 'market-attack',
  name: 'Market attack',
  date: '2026-12-05',
  place: 'Riverside',
  region: ['North Province'],
  kinds: ['bombing'],
  summary: 'A bomb went off in a market.',
  claims: [
    {
      claimantId: 'front',
      claimant: 'River Front',
      channel: 'Front Media',
      date: '2026-12-06',
      stance: 'claimed',
      summary: 'The front said its fighters planted the bomb.',
      sources: [
        {
          publisher: 'Daily Ledger',
          title: 'Front says it bombed the market',
          url: 'https://ledger.example/front',
          published: '2026-12-07',
        },
      ],
      packs: ['Test pack'],
    },
  ],
  statements: [],
  tolls: [],
  caveats: [],
  competingClaimants: 1,
  packs: ['Test pack'],
} as unknown as IncidentCard;

describe('Copy citation', () => {
  it('copies the claim and its source, and says “Copied”', async () => {
    const copy = vi.fn(async () => true);
    render(
      <CopySupport copy={copy}>
        <IncidentCardView card={CARD} />
      </CopySupport>,
    );
    fireEvent.click(screen.getByRole('button', { name: /^Copy citation of the claim by River Front/ }));
    await waitFor(() => expect(copy).toHaveBeenCalledTimes(1));
    const text = (copy.mock.calls[0] as unknown as [string])[0];
    expect(text.split('\n')).toEqual([
      expect.stringMatching(
        /^River Front .* via Front Media, 6 \S+ 2026: The front said its fighters planted the bomb\.$/,
      ),
      expect.stringMatching(
        /^Daily Ledger, "Front says it bombed the market", 7 \S+ 2026, https:\/\/ledger\.example\/front$/,
      ),
    ]);
    await waitFor(() => expect(screen.getByText('Copied')).toBeTruthy());
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('Citation copied to the clipboard'),
    );
  });

  it('copies one source from its own button', async () => {
    const copy = vi.fn(async () => true);
    render(
      <CopySupport copy={copy}>
        <IncidentCardView card={CARD} />
      </CopySupport>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Copy citation: Daily Ledger, 7 Dec 2026' }));
    await waitFor(() => expect(copy).toHaveBeenCalledTimes(1));
    expect(copy.mock.calls[0]).toEqual([
      expect.stringMatching(
        /^Daily Ledger, "Front says it bombed the market", 7 \S+ 2026, https:\/\/ledger\.example\/front$/,
      ),
    ]);
  });

  it('tells the reader when the browser refused to copy', async () => {
    render(
      <CopySupport copy={async () => false}>
        <IncidentCardView card={CARD} />
      </CopySupport>,
    );
    fireEvent.click(screen.getByRole('button', { name: /^Copy citation of the claim/ }));
    await waitFor(() => expect(screen.getByText('Not copied')).toBeTruthy());
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/did not let ClaimLens copy/));
  });

  it('offers no button where nothing can copy (no clipboard given)', () => {
    render(<IncidentCardView card={CARD} />);
    expect(screen.queryByRole('button', { name: /Copy citation/ })).toBeNull();
  });
});
