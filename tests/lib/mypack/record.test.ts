import { describe, expect, it } from 'vitest';
import { KnowledgeBase } from '../../../lib/knowledge/knowledge-base';
import { validatePack } from '../../../lib/knowledge/pack-validator';
import { emptyMyPack, hasRecords, MY_PACK_ID, type MyPackState } from '../../../lib/mypack/my-pack';
import { laterThan, recordItem, type Known, type RecordRequest } from '../../../lib/mypack/record';
import { browseMyPack, deleteItem, editItem } from '../../../lib/mypack/my-pack-edit';
import { testPack } from '../../fixtures/test-pack';

const TODAY = '2026-12-07';
const MINE = 'Recorded by you';

/** The enabled packs as the background holds them: the test pack, then My pack (if it says anything). */
function knownWith(state?: MyPackState): Known {
  const packs = state && hasRecords(state) ? [testPack(), state.pack] : [testPack()];
  const kb = new KnowledgeBase(
    packs,
    packs.map((p, i) => (i === 1 ? MINE : p.name)),
  );
  return { incidents: kb.incidents, entities: kb.entities, mineLabel: MINE };
}

const source = {
  url: 'https://daily.example/valley',
  publisher: 'Daily Example',
  title: 'Valley attack',
  published: '2017-11-21',
  accessed: TODAY,
};
const passage = {
  url: 'https://daily.example/valley?ref=home',
  selectors: { quote: { exact: 'the group said', prefix: 'On Sunday ', suffix: ' in a post' } },
};

function request(over: Partial<RecordRequest> = {}): RecordRequest {
  return {
    item: { kind: 'claim', actor: { id: 'group-hamas' }, stance: 'claimed' },
    incident: { id: 'incident-zakura-2017' },
    source,
    passage,
    ...over,
  };
}

function record(state: MyPackState, req: RecordRequest) {
  return recordItem(state, req, knownWith(state), 1000, TODAY);
}

describe('recording a claim for a known incident', () => {
  it('adds the claim with its source and passage to a valid My pack, with copies of what it refers to', () => {
    const result = record(emptyMyPack(TODAY), request());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { pack, passages } = result.state;
    expect(pack.id).toBe(MY_PACK_ID);
    expect(validatePack(pack).ok).toBe(true);
    expect(pack.incidents).toHaveLength(1);
    expect(pack.incidents[0]).toMatchObject({ id: 'incident-zakura-2017', place: 'place-zakura' });
    expect(pack.incidents[0]!.claims).toEqual([
      {
        claimant: 'group-hamas',
        stance: 'claimed',
        summary: 'Responsibility claimed by Hamas, as reported by Daily Example.',
        sources: [result.key],
      },
    ]);
    expect(pack.sources).toEqual([{ id: result.key, ...source, kind: 'news' }]);
    expect(passages[result.key]).toEqual({ ...passage, recordedAt: 1000 });
    expect(pack.entities.map((e) => e.id).sort()).toEqual(['group-hamas', 'place-zakura']);
  });

  it('shows up merged in the incident beside the other packs, said by "Recorded by you"', () => {
    const result = record(emptyMyPack(TODAY), request());
    if (!result.ok) throw new Error(result.error);
    const kb = new KnowledgeBase([testPack(), result.state.pack], ['Test pack', MINE]);
    const card = kb.incidentCard('incident-zakura-2017')!;
    const hamas = card.claims.find((c) => c.claimantId === 'group-hamas')!;
    expect(hamas.packs).toEqual([MINE]);
    expect(hamas.sources).toEqual([expect.objectContaining({ publisher: 'Daily Example', pack: MINE })]);
    expect(card.claims).toHaveLength(4);
  });
});

describe('duplicates', () => {
  it('offers a claim already in My pack (same claimant, incident, stance) as a second source of the first', () => {
    const first = record(emptyMyPack(TODAY), request());
    if (!first.ok) throw new Error(first.error);
    const other = { ...source, url: 'https://other.example/b', publisher: 'Other Paper' };
    const again = record(first.state, request({ source: other }));
    expect(again).toMatchObject({ ok: false, duplicate: { where: 'mine', sources: 1 } });
    if (again.ok) return;
    expect(again.error).toContain('Hamas');
    const accepted = record(first.state, request({ source: other, asSecondSource: true }));
    if (!accepted.ok) throw new Error(accepted.error);
    expect(accepted.secondSource).toBe(true);
    expect(accepted.key).toBe(first.key);
    const claims = accepted.state.pack.incidents[0]!.claims;
    expect(claims).toHaveLength(1);
    expect(claims[0]!.sources).toHaveLength(2);
    expect(Object.keys(accepted.state.passages)).toHaveLength(2);
  });

  it('a claim another pack has is offered too, and recorded with its date so cards show one claim', () => {
    const req = request({ item: { kind: 'claim', actor: { id: 'group-is' }, stance: 'claimed' } });
    const offered = record(emptyMyPack(TODAY), req);
    expect(offered).toMatchObject({ ok: false, duplicate: { where: 'known', sources: 1 } });
    const accepted = record(emptyMyPack(TODAY), { ...req, asSecondSource: true });
    if (!accepted.ok) throw new Error(accepted.error);
    expect(accepted.state.pack.incidents[0]!.claims[0]!.date).toBe('2017-11-18');
    const kb = new KnowledgeBase([testPack(), accepted.state.pack], ['Test pack', MINE]);
    const is = kb.incidentCard('incident-zakura-2017')!.claims.filter((c) => c.claimantId === 'group-is');
    expect(is).toHaveLength(1);
    expect(is[0]!.packs).toEqual(['Test pack', MINE]);
    expect(is[0]!.sources.map((s) => s.publisher)).toEqual(['Example Daily', 'Daily Example']);
  });

  it('a different stance is not a duplicate', () => {
    const first = record(emptyMyPack(TODAY), request());
    if (!first.ok) throw new Error(first.error);
    const denied = record(
      first.state,
      request({ item: { kind: 'claim', actor: { id: 'group-hamas' }, stance: 'denied' } }),
    );
    expect(denied.ok).toBe(true);
  });
});

describe('a new incident, a new claimant, statements', () => {
  it('creates the incident (with a new place) and a new group from the first claim', () => {
    const result = record(
      emptyMyPack(TODAY),
      request({
        item: {
          kind: 'claim',
          actor: { new: { name: 'Harbour Brigades', kind: 'group' } },
          stance: 'claimed',
        },
        incident: {
          new: {
            name: 'Quayside market bombing',
            date: '2017-11-20',
            place: { new: { name: 'Port Meridian', kind: 'place', placeType: 'city' } },
            kind: 'bombing',
          },
        },
      }),
    );
    if (!result.ok) throw new Error(`${result.error} ${result.problems?.join('; ')}`);
    const { pack } = result.state;
    expect(validatePack(pack).ok).toBe(true);
    expect(pack.incidents[0]).toMatchObject({
      id: 'incident-quayside-market-bombing-2017',
      name: 'Quayside market bombing',
      date: '2017-11-20',
      place: 'place-port-meridian',
      kinds: ['bombing'],
    });
    expect(pack.entities).toEqual(
      expect.arrayContaining([
        { id: 'place-port-meridian', kind: 'place', name: 'Port Meridian', placeType: 'city' },
        { id: 'group-harbour-brigades', kind: 'group', name: 'Harbour Brigades' },
      ]),
    );
    expect(result.incidentId).toBe('incident-quayside-market-bombing-2017');
  });

  it('gives a new entity an id no known pack uses', () => {
    const result = record(
      emptyMyPack(TODAY),
      request({
        item: { kind: 'claim', actor: { new: { name: 'Hamas', kind: 'group' } }, stance: 'denied' },
      }),
    );
    if (!result.ok) throw new Error(result.error);
    expect(result.state.pack.entities.map((e) => e.id)).toContain('group-hamas-2');
  });

  it('records a statement attributing the attack, with a sentence made from the stance', () => {
    const result = record(
      emptyMyPack(TODAY),
      request({
        item: {
          kind: 'statement',
          actor: { id: 'person-vaid' },
          stance: 'attributes-to',
          attributedTo: [{ id: 'group-tum' }],
          role: 'Director General of Police',
        },
      }),
    );
    if (!result.ok) throw new Error(result.error);
    expect(result.state.pack.incidents[0]!.statements[0]).toEqual({
      speaker: 'person-vaid',
      stance: 'attributes-to',
      attributedTo: ['group-tum'],
      role: 'Director General of Police',
      paraphrase: 'Shesh Paul Vaid attributed it to Tehreek-ul-Mujahideen, as reported by Daily Example.',
      sources: [result.key],
    });
  });
});

describe('clear errors', () => {
  it('refuses an incident dated after the article', () => {
    const result = record(
      emptyMyPack(TODAY),
      request({
        incident: { new: { name: 'Later blast', date: '2017-12-02', place: { id: 'place-srinagar' } } },
      }),
    );
    expect(result).toEqual({
      ok: false,
      error: expect.stringContaining('2017-12-02, after the article (2017-11-21)'),
    });
    // A month-precise date in the article's month is not after it.
    expect(laterThan('2017-11', '2017-11-21')).toBe(false);
    expect(laterThan('2017-11-22', '2017-11')).toBe(false);
    expect(laterThan('2017-12', '2017-11-21')).toBe(true);
  });

  it('refuses a source that is not a web page', () => {
    const result = record(
      emptyMyPack(TODAY),
      request({ source: { ...source, url: 'ftp://files.example/a' } }),
    );
    expect(result).toEqual({ ok: false, error: expect.stringContaining('ftp:') });
  });

  it('reports what the validator finds, and changes nothing', () => {
    const state = emptyMyPack(TODAY);
    const result = record(
      state,
      request({
        item: {
          kind: 'claim',
          actor: { new: { name: 'Brigade '.repeat(30), kind: 'group' } },
          stance: 'claimed',
        },
      }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems?.join('\n')).toMatch(/name: longer than 200 characters/);
    expect(state.pack.incidents).toEqual([]);
  });

  it('refuses a place that is not a place, and an incident nobody knows', () => {
    const notPlace = record(
      emptyMyPack(TODAY),
      request({ incident: { new: { name: 'Odd one', date: '2017-11-01', place: { id: 'group-tum' } } } }),
    );
    expect(notPlace).toEqual({ ok: false, error: '“Tehreek-ul-Mujahideen” is not a place.' });
    const unknown = record(emptyMyPack(TODAY), request({ incident: { id: 'incident-nowhere' } }));
    expect(unknown.ok).toBe(false);
  });
});

describe('browsing, editing and deleting', () => {
  it('lists incidents with their items and passages; edits words; deletes with what nothing uses', () => {
    const first = record(emptyMyPack(TODAY), request());
    if (!first.ok) throw new Error(first.error);
    const [incident] = browseMyPack(first.state);
    expect(incident).toMatchObject({ id: 'incident-zakura-2017', name: 'Zakura attack', place: 'Zakura' });
    expect(incident!.items[0]).toMatchObject({ key: first.key, actor: 'Hamas', stance: 'claimed' });
    expect(incident!.items[0]!.sources[0]!.passage?.selectors.quote.exact).toBe('the group said');

    const edited = editItem(
      first.state,
      first.key,
      { text: 'Claimed it in a post.', stance: 'retracted' },
      TODAY,
    );
    if (!edited.ok) throw new Error(edited.error);
    expect(edited.state.pack.incidents[0]!.claims[0]).toMatchObject({
      summary: 'Claimed it in a post.',
      stance: 'retracted',
    });
    expect(edited.state.pack.version).not.toBe(first.state.pack.version);
    expect(editItem(first.state, first.key, { text: '  ' }, TODAY).ok).toBe(false);

    const deleted = deleteItem(edited.state, first.key, TODAY);
    if (!deleted.ok) throw new Error(deleted.error);
    expect(deleted.state.pack.incidents).toEqual([]);
    expect(deleted.state.pack.entities).toEqual([]);
    expect(deleted.state.pack.sources).toEqual([]);
    expect(deleted.state.passages).toEqual({});
    expect(hasRecords(deleted.state)).toBe(false);
    expect(deleteItem(deleted.state, first.key, TODAY)).toEqual({ ok: false, error: expect.any(String) });
  });
});
