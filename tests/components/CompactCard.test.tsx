// @vitest-environment jsdom
// The short card a hover shows, on the default pack's real incidents and groups: the conflict at a
// glance, counted and framed evenly, short enough to fit, and no percentage beside a disputed title;
// what the reader recorded is said to be theirs.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { render } from './locale';
import { Tooltip } from '../../components/Tooltip';
import { KnowledgeBase } from '../../lib/knowledge/knowledge-base';
import { defaultPack } from '../../lib/knowledge/default-pack';
import type { Card } from '../../lib/knowledge/cards';
import { emptyMyPack } from '../../lib/mypack/my-pack';
import { recordItem, type RecordRequest } from '../../lib/mypack/record';

afterEach(cleanup);

const kb = new KnowledgeBase([defaultPack()]);
const incident = (id: string) => kb.incidentCard(id)!;
const entity = (id: string) => kb.entityCard(id)!;

function show(card: Card, extra: { match?: { confidence: number; why: string }; onOpen?: () => void } = {}) {
  render(
    <Tooltip
      card={card}
      match={extra.match}
      theme="light"
      label={card.name}
      onClose={() => {}}
      onOpen={extra.onOpen}
    />,
  );
  const dialog = screen.getByRole('dialog');
  return {
    dialog,
    text: dialog.textContent ?? '',
    glance: () => within(dialog).getByRole('region', { name: 'At a glance' }),
  };
}

describe('the short card of the Zakura attack', () => {
  it('says what, when and where, then names every claimant with its outlet and date', () => {
    const { glance, text } = show(incident('incident-zakura-2017'));
    expect(screen.getByRole('heading', { name: 'Zakura attack' })).toBeTruthy();
    expect(text).toContain('Incident 17 Nov 2017 · Zakura, Srinagar');
    expect(text).not.toContain('Jammu and Kashmir ·');
    const g = glance();
    expect(within(g).getByRole('heading').textContent).toBe('⚠ 3 competing claims of responsibility');
    expect(g.textContent).toContain(
      'Claimed by Islamic State (Amaq News Agency, 18 Nov 2017) · Tehreek-ul-Mujahideen · Ansar Ghazwat-ul-Hind',
    );
    // The Telegram channel's claim is an uncertain attribution: named apart, not counted as competing.
    expect(g.textContent).toContain(
      'Ansar Ghazwat-ul-Hind · attribution uncertain: Islamic State Jammu and Kashmir',
    );
  });

  it('gives the police position in one line, in neutral words', () => {
    const { glance } = show(incident('incident-zakura-2017'));
    const official = glance().querySelector('.cl-glance-official')!;
    expect(official.textContent).toBe(
      'Jammu and Kashmir Police: disputed the Islamic State claim; attributed it to Ansar Ghazwat-ul-Hind',
    );
  });

  it('leaves the summary, the sources and the statements to the full card', () => {
    const { dialog, text } = show(incident('incident-zakura-2017'));
    expect(within(dialog).queryAllByRole('link')).toHaveLength(0);
    expect(text).not.toContain('Special Operations Group');
    expect(text).toContain('Claims: 4 (attribution uncertain: 1) · Official statements: 5');
  });

  it('counts its claims so that the count agrees with the heading: the uncertain one is said to be so', () => {
    const { dialog, glance } = show(incident('incident-zakura-2017'));
    expect(within(glance()).getByRole('heading').textContent).toBe('⚠ 3 competing claims of responsibility');
    const counts = dialog.querySelector('.cl-actions .cl-meta')!.textContent ?? '';
    // Four claims of responsibility: the three competing ones, and the Telegram channel's, whose
    // attribution is uncertain (named apart in the glance, not counted as competing).
    expect(counts).toBe('Claims: 4 (attribution uncertain: 1) · Official statements: 5');
    const [, all, uncertain] = /^Claims: (\d+) \(attribution uncertain: (\d+)\)/.exec(counts)!;
    expect(Number(all) - Number(uncertain)).toBe(3);
  });

  it('says why the page was linked in a footer, without a percentage', () => {
    const { dialog, text } = show(incident('incident-zakura-2017'), {
      match: { confidence: 0.99, why: 'Zakura (place) + “attack” + 17 Nov 2017' },
    });
    expect(dialog.querySelector('.cl-why')!.textContent).toBe(
      'Linked to this page on strong evidence: Zakura (place) + “attack” + 17 Nov 2017. This says how sure ClaimLens is of the link, not who did it.',
    );
    expect(text).not.toMatch(/\d\s*%/);
    expect(text).not.toContain('confidence');
  });

  it('opens the full card from its button', () => {
    const onOpen = vi.fn();
    show(incident('incident-zakura-2017'), { onOpen });
    fireEvent.click(
      screen.getByRole('button', { name: 'Open full card: Zakura attack, beside the article' }),
    );
    expect(onOpen).toHaveBeenCalledTimes(1);
  });
});

describe('the short card of the Easter Sunday bombings', () => {
  it('counts three claims by one group as such, and flags the government naming another group', () => {
    const { glance } = show(incident('incident-sri-lanka-easter-2019'));
    const g = glance();
    expect(g.classList.contains('cl-conflict')).toBe(true);
    expect(within(g).getByRole('heading').textContent).toBe(
      '⚠ Accounts conflict: officials name another group than the claimant',
    );
    expect(g.textContent).toContain('Claimed by Islamic State (Amaq News Agency, 23 Apr 2019, 3 claims)');
    expect(g.querySelector('.cl-glance-official')!.textContent).toMatch(
      /^Government of Sri Lanka: attributed it to National Thowheed Jamath/,
    );
    expect(g.textContent).not.toContain('1 claim of responsibility');
    // Its three claims are all firm: the count says nothing of uncertainty.
    expect(screen.getByRole('dialog').querySelector('.cl-actions .cl-meta')!.textContent).toMatch(
      /^Claims: 3 · Official statements: \d+$/,
    );
  });
});

describe('the short card of a group with many claims', () => {
  it('fits the Islamic State in a few lines: names, a clipped description and counts', () => {
    const card = entity('group-islamic-state');
    expect(card.claimedIncidents.length).toBeGreaterThan(5);
    const { dialog, text } = show(card);
    expect(screen.getByRole('heading', { name: 'Islamic State' })).toBeTruthy();
    expect(text).toMatch(/Also written: .+ and \d+ more/);
    const incidents = new Set(card.claimedIncidents.map((c) => c.id)).size;
    expect(text).toContain(
      `Incidents claimed: ${incidents} · Official statements: ${card.statements.length} · Relations: ${card.relations.length}`,
    );
    // No list of relations, claims or statements: those are the full card's.
    expect(dialog.querySelectorAll('li')).toHaveLength(0);
    expect(dialog.querySelector('.cl-clamp')).not.toBeNull();
  });

  it('says a media arm relayed claims, never that it claimed', () => {
    const card = entity('media-amaq');
    const { text } = show(card);
    expect(text).toMatch(/Claims relayed: \d+/);
    expect(text).not.toMatch(/Incidents claimed/);
  });
});

describe('the short card of an incident the reader recorded claims about', () => {
  const MINE = 'Recorded by you';
  /** The default pack and a My pack with what the reader recorded about the Zakura attack. */
  function withRecords(): Card {
    const known = { incidents: kb.incidents, entities: kb.entities, mineLabel: MINE };
    const source = { url: 'https://daily.example/a', publisher: 'Daily', title: 'A', accessed: '2026-12-07' };
    const passage = { url: source.url, selectors: { quote: { exact: 'q', prefix: '', suffix: '' } } };
    const requests: RecordRequest[] = [
      { kind: 'claim', actor: { new: { name: 'Valley Martyrs Brigade', kind: 'group' } }, stance: 'claimed' },
      { kind: 'claim', actor: { new: { name: 'Lake Front', kind: 'group' } }, stance: 'denied' },
      {
        kind: 'statement',
        actor: { new: { name: 'District Administration', kind: 'organization' } },
        stance: 'unverified',
      },
    ].map((item) => ({ item, incident: { id: 'incident-zakura-2017' }, source, passage }) as RecordRequest);
    let state = emptyMyPack('2026-12-07');
    for (const request of requests) {
      const outcome = recordItem(state, request, known, 1, '2026-12-07');
      if (!outcome.ok) throw new Error(outcome.error);
      state = outcome.state;
    }
    const pack = defaultPack();
    return new KnowledgeBase([pack, state.pack], [pack.name, MINE]).incidentCard('incident-zakura-2017')!;
  }

  it('says "recorded by you" beside what the reader recorded, and beside nothing else', () => {
    const { glance } = show(withRecords());
    const g = glance();
    expect(g.textContent).toContain(
      'Claimed by Islamic State (Amaq News Agency, 18 Nov 2017) · Tehreek-ul-Mujahideen · Ansar Ghazwat-ul-Hind · Valley Martyrs Brigade (recorded by you)',
    );
    expect(within(g).getByText(/^Lake Front/).textContent).toBe(
      'Lake Front denied involvement (recorded by you)',
    );
    expect(g.textContent).toMatch(/District Administration \(recorded by you\):/);
    expect(g.textContent).toContain('Jammu and Kashmir Police: ');
    expect(g.textContent!.match(/recorded by you/g)).toHaveLength(3);
  });
});
