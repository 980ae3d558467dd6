// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { render } from './locale';
import { Tooltip } from '../../components/Tooltip';
import { SidePanel } from '../../components/SidePanel';
import type { IncidentMatchInfo } from '../../components/RecognisedFooter';
import type { Card, IncidentCard } from '../../lib/knowledge/cards';
import { KnowledgeBase } from '../../lib/knowledge/knowledge-base';
import type { KnowledgePack } from '../../lib/knowledge/pack-types';
import { testPack } from '../fixtures/test-pack';

afterEach(cleanup);

function zakuraCard(pack: KnowledgePack = testPack()): IncidentCard {
  const card = new KnowledgeBase([pack]).incidentCard('incident-zakura-2017');
  if (!card) throw new Error('the test pack lost incident-zakura-2017');
  return card;
}

function isCard() {
  const card = new KnowledgeBase([testPack()]).entityCard('group-is');
  if (!card) throw new Error('the test pack lost group-is');
  return card;
}

/** An incident card written by hand: one claim, its sources as given. */
function handCard(overrides: Partial<IncidentCard>): IncidentCard {
  return {
    type: 'incident',
    id: 'incident-hand',
    name: 'Hand-made incident',
    date: '2020-01-02',
    place: 'Somewhere',
    region: [],
    summary: 'Something happened.',
    tolls: [],
    claims: [],
    competingClaimants: 0,
    statements: [],
    caveats: [],
    packs: ['Hand pack'],
    ...overrides,
  };
}

/** The full card, as "Open" docks it beside the article. */
function Full(props: {
  card: Card;
  match?: IncidentMatchInfo;
  theme: 'light' | 'dark';
  label: string;
  onClose(): void;
}) {
  return <SidePanel card={props.card} match={props.match} theme={props.theme} onClose={props.onClose} />;
}

const dialog = () => screen.getByRole('dialog');
const text = () => dialog().textContent ?? '';
const section = (name: string) => within(dialog()).getByRole('region', { name });

describe('the full card of an incident (Open)', () => {
  it('says as of which day its pack knows the incident', () => {
    render(<Full card={zakuraCard()} theme="light" label="Zakura" onClose={() => {}} />);
    expect(text()).toContain(
      'From: Test pack · as of 21 Nov 2026: later claims and statements may be missing',
    );
  });

  it('shows the title, the date and the place', () => {
    render(<Full card={zakuraCard()} theme="light" label="Zakura" onClose={() => {}} />);
    expect(screen.getByRole('heading', { name: 'Zakura attack' })).toBeTruthy();
    expect(text()).toContain('17 Nov 2017 · Zakura, Srinagar');
  });

  it('counts the competing claims and names each claimant and the channel', () => {
    render(<Full card={zakuraCard()} theme="light" label="Zakura" onClose={() => {}} />);
    const claims = section('Claims');
    expect(within(claims).getByRole('heading').textContent).toContain('3 competing claims of responsibility');
    expect(within(claims).getByRole('heading').textContent).not.toContain('uncertain');
    const items = within(claims).getAllByRole('listitem');
    expect(items.map((li) => li.querySelector('strong')?.textContent)).toEqual([
      'Islamic State',
      'Tehreek-ul-Mujahideen',
      'Ansar Ghazwat-ul-Hind',
    ]);
    expect(items[0]!.textContent).toContain('claimed via Amaq News Agency');
    expect(items[0]!.textContent).toContain('news agency');
    expect(items[0]!.textContent).toContain('Said its fighters carried out the attack.');
  });

  it('shows the official statement: speaker, role, stance words and what was said', () => {
    render(<Full card={zakuraCard()} theme="light" label="Zakura" onClose={() => {}} />);
    const statements = section('Official statements');
    expect(within(statements).getByRole('heading').textContent).toBe('Official statements (1)');
    const statement = within(statements).getByRole('listitem');
    expect(statement.textContent).toContain(
      'Shesh Paul Vaid (Director General of Police, Jammu and Kashmir Police) called the Islamic State claim unverified',
    );
    expect(statement.textContent).toContain('Said the claim was still to be verified.');
  });

  it('shows the caveat and the toll', () => {
    render(<Full card={zakuraCard()} theme="light" label="Zakura" onClose={() => {}} />);
    expect(section('Caveats').textContent).toContain('The claim described the killed officer wrongly.');
    expect(section('Toll').textContent).toContain('2 killed');
  });

  it('says why this incident and how strong the evidence is, never who did it, only when a match is given', () => {
    const { unmount } = render(<Full card={zakuraCard()} theme="light" label="Zakura" onClose={() => {}} />);
    expect(text()).not.toContain('Linked to this page');
    unmount();
    render(
      <Tooltip
        card={zakuraCard()}
        match={{ confidence: 0.826, why: 'place Zakura, an attack, 3 days before publication' }}
        theme="light"
        label="Zakura"
        onClose={() => {}}
      />,
    );
    expect(text()).toContain(
      'Linked to this page on fair evidence: place Zakura, an attack, 3 days before publication. This says how sure ClaimLens is of the link, not who did it.',
    );
    // No percentage anywhere near a disputed title.
    expect(text()).not.toMatch(/\d+\s*%/);
  });

  it('links every source in a new tab, without opener, to its http(s) address', () => {
    render(<Full card={zakuraCard()} theme="light" label="Zakura" onClose={() => {}} />);
    const links = within(dialog()).getAllByRole('link');
    // Three claims and the toll cite src-a, the statement cites src-b.
    expect(links).toHaveLength(5);
    for (const link of links) {
      expect(link.getAttribute('target')).toBe('_blank');
      expect(link.getAttribute('rel')?.split(/\s+/)).toContain('noopener');
      expect(link.getAttribute('href')).toMatch(/^https?:\/\//);
    }
    const statementLink = within(section('Official statements')).getByRole('link');
    expect(statementLink.getAttribute('href')).toBe('https://news.example/b');
    expect(statementLink.textContent).toBe('Example Times, 19 Nov 2017');
    expect(statementLink.getAttribute('title')).toBe('Police chief on the claim');
  });

  it('renders a source whose URL is not http(s) as plain text, not as a link', () => {
    const card = handCard({
      claims: [
        {
          claimantId: 'group-x',
          claimant: 'Group X',
          stance: 'claimed',
          summary: 'Claimed it.',
          sources: [
            {
              publisher: 'Evil Gazette',
              title: 'Click me',
              url: 'javascript:alert(1)',
              published: '2020-01-03',
            },
          ],
        },
      ],
      competingClaimants: 1,
    });
    render(<Full card={card} theme="light" label="Hand" onClose={() => {}} />);
    expect(text()).toContain('Source: Evil Gazette, 3 Jan 2020');
    expect(within(dialog()).queryAllByRole('link')).toHaveLength(0);
    expect(dialog().querySelector('[href]')).toBeNull();
    expect(dialog().innerHTML).not.toContain('javascript:');
  });

  it('shows HTML in pack text as literal text and creates no element from it', () => {
    const payload = '<img src=x onerror=alert(1)>';
    const pack = testPack();
    pack.incidents[0]!.summary = `Attack ${payload} near Zakura.`;
    pack.incidents[0]!.claims[0]!.summary = `Claimed ${payload}`;
    pack.incidents[0]!.caveats = [`Caveat ${payload}`];
    render(<Full card={zakuraCard(pack)} theme="light" label="Zakura" onClose={() => {}} />);
    expect(text()).toContain(`Attack ${payload} near Zakura.`);
    expect(text()).toContain(`Claimed ${payload}`);
    expect(text()).toContain(`Caveat ${payload}`);
    expect(document.querySelector('img')).toBeNull();
  });

  it('labels an uncertain claim and counts its claimant as uncertain in the heading', () => {
    const pack = testPack();
    pack.incidents[0]!.claims[2]!.uncertain = true;
    render(<Full card={zakuraCard(pack)} theme="light" label="Zakura" onClose={() => {}} />);
    const claims = section('Claims');
    expect(within(claims).getByRole('heading').textContent).toContain(
      '2 competing claims of responsibility, and 1 uncertain',
    );
    const items = within(claims).getAllByRole('listitem');
    expect(items[2]!.textContent).toContain('attribution uncertain');
    expect(items[0]!.textContent).not.toContain('attribution uncertain');
    expect(items[1]!.textContent).not.toContain('attribution uncertain');
  });

  it('does not call a claimant uncertain when it also made a firm claim', () => {
    const pack = testPack();
    pack.incidents[0]!.claims.push({
      claimant: 'group-is',
      stance: 'claimed',
      date: '2017-11-25',
      summary: 'Repeated the claim in its weekly newsletter.',
      uncertain: true,
      sources: ['src-a'],
    });
    render(<Full card={zakuraCard(pack)} theme="light" label="Zakura" onClose={() => {}} />);
    // Three outfits claimed, each at least once firmly: none of them is in doubt.
    expect(within(section('Claims')).getByRole('heading').textContent).toBe(
      '3 competing claims of responsibility',
    );
    // The warning sign is the glance's, once, above the list.
    expect(within(section('At a glance')).getByRole('heading').textContent).toBe(
      '⚠ 3 competing claims of responsibility',
    );
  });
});

describe('Tooltip frame', () => {
  it('is a dialog labelled with the card name', () => {
    render(<Tooltip card={zakuraCard()} theme="light" label="Zakura" onClose={() => {}} />);
    expect(dialog().getAttribute('aria-label')).toBe('ClaimLens: Zakura attack');
    expect(screen.getByRole('dialog', { name: 'ClaimLens: Zakura attack' })).toBe(dialog());
  });

  it('calls onClose from the Close button', () => {
    const onClose = vi.fn();
    render(<Tooltip card={zakuraCard()} theme="light" label="Zakura" onClose={onClose} />);
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('calls onClose on Escape, and not on other keys', () => {
    const onClose = vi.fn();
    render(<Tooltip card={zakuraCard()} theme="light" label="Zakura" onClose={onClose} />);
    fireEvent.keyDown(dialog(), { key: 'Enter' });
    fireEvent.keyDown(dialog(), { key: 'a' });
    expect(onClose).not.toHaveBeenCalled();
    fireEvent.keyDown(screen.getByRole('button', { name: 'Close' }), { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('does not let Escape reach the page', () => {
    const pageHandler = vi.fn();
    document.addEventListener('keydown', pageHandler);
    try {
      render(<Tooltip card={zakuraCard()} theme="light" label="Zakura" onClose={() => {}} />);
      fireEvent.keyDown(dialog(), { key: 'Escape' });
      expect(pageHandler).not.toHaveBeenCalled();
    } finally {
      document.removeEventListener('keydown', pageHandler);
    }
  });

  it('shows a loading line with the label while the card is on its way', () => {
    render(<Tooltip card={undefined} theme="light" label="Zakura" onClose={() => {}} />);
    expect(text()).toContain('Looking up “Zakura”');
    expect(dialog().getAttribute('aria-label')).toBe('ClaimLens: Zakura');
    expect(screen.queryByRole('heading')).toBeNull();
  });

  it('says when ClaimLens no longer has the details', () => {
    render(<Tooltip card={null} theme="light" label="Zakura" onClose={() => {}} />);
    expect(text()).toContain('ClaimLens no longer has details for “Zakura”');
    expect(text()).not.toContain('Looking up');
  });

  it('adds cl-dark for the dark theme only', () => {
    const { unmount } = render(
      <Tooltip card={zakuraCard()} theme="dark" label="Zakura" onClose={() => {}} />,
    );
    expect(dialog().classList.contains('cl-dark')).toBe(true);
    unmount();
    render(<Tooltip card={zakuraCard()} theme="light" label="Zakura" onClose={() => {}} />);
    expect(dialog().classList.contains('cl-dark')).toBe(false);
  });
});

describe('the full card of an entity (Open)', () => {
  it('shows the name, the kind and the other spellings', () => {
    render(<Full card={isCard()} theme="light" label="ISIS" onClose={() => {}} />);
    expect(screen.getByRole('heading', { name: 'Islamic State' })).toBeTruthy();
    expect(dialog().getAttribute('aria-label')).toBe('ClaimLens full card: Islamic State');
    expect(text()).toContain('Group');
    expect(text()).toContain("Also written: IS · ISIS · Isis · ISIL · Daesh · Daish · Da'ish · داعش");
  });

  it('says as of which day its pack knows the entity', () => {
    render(<Full card={isCard()} theme="light" label="IS" onClose={() => {}} />);
    expect(text()).toContain('as of 21 Nov 2026');
  });

  it('shows relations from the other side', () => {
    render(<Full card={isCard()} theme="light" label="ISIS" onClose={() => {}} />);
    expect(section('Relations').textContent).toContain('media arm: Amaq News Agency');
  });

  it('shows a relation from its own side on the media outlet', () => {
    const card = new KnowledgeBase([testPack()]).entityCard('media-amaq')!;
    render(<Full card={card} theme="light" label="Amaq" onClose={() => {}} />);
    expect(section('Relations').textContent).toContain('media arm of Islamic State');
  });

  it('lists the incidents it claimed, flagged when claims compete', () => {
    render(<Full card={isCard()} theme="light" label="ISIS" onClose={() => {}} />);
    const claimed = section('Incidents claimed');
    expect(within(claimed).getByRole('heading').textContent).toBe('Claims of responsibility (1)');
    expect(claimed.textContent).toContain('claimed: Zakura attack · 17 Nov 2017 · competing claims');
  });

  it('says a media arm relayed its group’s claim, never that it claimed', () => {
    const card = new KnowledgeBase([testPack()]).entityCard('media-amaq')!;
    render(<Full card={card} theme="light" label="Amaq" onClose={() => {}} />);
    const relayed = section('Incidents claimed');
    expect(within(relayed).getByRole('heading').textContent).toBe('Claims it relayed (1)');
    expect(relayed.textContent).toContain('relayed the claim of Islamic State: Zakura attack');
    expect(relayed.textContent).not.toMatch(/\bclaimed:/);
  });

  it('lists an incident once when the group claimed it twice', () => {
    const pack = testPack();
    pack.incidents[0]!.claims.push({
      claimant: 'group-is',
      mode: 'video',
      date: '2017-11-24',
      stance: 'claimed',
      summary: 'Repeated the claim in a video.',
      sources: ['src-a'],
    });
    const card = new KnowledgeBase([pack]).entityCard('group-is')!;
    render(<Full card={card} theme="light" label="ISIS" onClose={() => {}} />);
    const claimed = section('Incidents claimed');
    expect(within(claimed).getByRole('heading').textContent).toBe('Claims of responsibility (1)');
    expect(within(claimed).getAllByRole('listitem')).toHaveLength(1);
  });

  it('lists what officials said about it, the entity statement and the incident statement', () => {
    render(<Full card={isCard()} theme="light" label="ISIS" onClose={() => {}} />);
    const said = section('Statements about it');
    expect(within(said).getByRole('heading').textContent).toBe('What officials said (2)');
    const items = within(said).getAllByRole('listitem');
    expect(items[0]!.textContent).toContain(
      'Shesh Paul Vaid (Director General of Police) denied (about Islamic State)',
    );
    expect(items[0]!.textContent).toContain('Said the group had no presence in the region.');
    expect(items[1]!.textContent).toContain('called it unverified (about Islamic State)');
    expect(items[1]!.textContent).toContain('on Zakura attack');
  });
});

describe('the full card when it draws on two packs', () => {
  /** A second pack that repeats the Islamic State claim and adds a police denial of its own. */
  function teamPack(): KnowledgePack {
    const base = testPack();
    const zakura = base.incidents[0]!;
    return {
      ...base,
      id: 'team-pack',
      name: 'Team pack',
      sources: [{ id: 'src-t', publisher: 'Team Wire', title: 'Police deny', url: 'https://wire.example/t' }],
      entities: [{ id: 'org-valley-police', kind: 'organization', name: 'Valley Police' }],
      statements: [],
      incidents: [
        {
          ...zakura,
          tolls: [],
          caveats: [],
          claims: [{ ...zakura.claims.find((c) => c.claimant === 'group-is')!, sources: ['src-t'] }],
          statements: [
            {
              speaker: 'org-valley-police',
              stance: 'denies',
              about: 'group-is',
              paraphrase: 'Said the group has no presence here.',
              sources: ['src-t'],
            },
          ],
        },
      ],
    };
  }

  it('says beside each claim and statement which pack said it', () => {
    const card = new KnowledgeBase([testPack(), teamPack()]).incidentCard('incident-zakura-2017')!;
    render(<Full card={card} theme="light" label="Zakura" onClose={() => {}} />);
    const claim = screen.getAllByRole('listitem').find((li) => li.textContent?.startsWith('Islamic State'))!;
    expect(claim.textContent).toMatch(/from Test pack, Team pack/);
    const denial = screen.getAllByRole('listitem').find((li) => li.textContent?.startsWith('Valley Police'))!;
    expect(denial.textContent).toMatch(/from Team pack$/);
  });

  it('dates the card by the newest of its packs, so a reader knows later claims may be missing', () => {
    const card = new KnowledgeBase([testPack(), { ...teamPack(), updated: '2026-12-05' }]).incidentCard(
      'incident-zakura-2017',
    )!;
    render(<Full card={card} theme="light" label="Zakura" onClose={() => {}} />);
    expect(text()).toContain(
      'From: Test pack, Team pack · as of 5 Dec 2026: later claims and statements may be missing',
    );
  });

  it('says nothing of the kind when the card comes from one pack', () => {
    render(<Full card={zakuraCard()} theme="light" label="Zakura" onClose={() => {}} />);
    expect(screen.queryByText(/^from /)).toBeNull();
  });
});
