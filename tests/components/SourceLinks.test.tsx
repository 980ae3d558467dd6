// @vitest-environment jsdom
// Sources on a card: the host a link really goes to beside its publisher, and which pack cited it when packs mix.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen } from '@testing-library/preact';
import { render } from './locale';
import { SourceLinks } from '../../components/SourceLinks';

afterEach(cleanup);

describe('SourceLinks', () => {
  it('shows the host a “Reuters” link really goes to', () => {
    render(
      <SourceLinks
        sources={[
          { publisher: 'Reuters', title: 'Wire', url: 'https://www.reuters.example.net/wire', pack: 'A' },
        ]}
      />,
    );
    expect(screen.getByRole('link', { name: 'Reuters' }).getAttribute('href')).toBe(
      'https://www.reuters.example.net/wire',
    );
    expect(document.body.textContent).toBe('Source: Reuters (reuters.example.net)');
  });

  it('says which pack cited each source when they come from more than one', () => {
    render(
      <SourceLinks
        sources={[
          {
            publisher: 'Example Daily',
            title: 'A',
            url: 'https://news.example/a',
            pack: 'ClaimLens default pack',
          },
          {
            publisher: 'Reuters',
            title: 'B',
            url: 'https://elsewhere.example/b',
            pack: 'Impostor (from a file)',
          },
        ]}
      />,
    );
    expect(document.body.textContent).toBe(
      'Source: Example Daily (news.example) — cited by ClaimLens default pack · Reuters (elsewhere.example) — cited by Impostor (from a file)',
    );
  });
});
