import { describe, expect, it } from 'vitest';
import { KnowledgeBase } from '../../../lib/knowledge/knowledge-base';
import { dateCanMatter, resolveIncidents, sentenceWindow } from '../../../lib/matching/incident-resolver';
import { testPack } from '../../fixtures/test-pack';

const kb = new KnowledgeBase([testPack()]);

function mention(targetId: string, context: string, name: string) {
  return { targetId, context, offset: context.indexOf(name), text: name };
}

describe('incident resolution', () => {
  it('recognises an incident by its name', () => {
    const context = 'This is the third outfit to claim the Zakura attack, after two others.';
    const [match] = resolveIncidents(kb, {
      published: '2017-11-20',
      mentions: [mention('incident-zakura-2017', context, 'Zakura attack')],
      entityIds: [],
    });
    expect(match).toMatchObject({ id: 'incident-zakura-2017', mentions: [0] });
    expect(match!.confidence).toBeGreaterThanOrEqual(0.9);
    expect(match!.why).toContain('Zakura attack');
  });

  it('recognises an incident by place, event word and a date that fits, and says why', () => {
    const context =
      'Amaq said its men carried out the attack in the Zakura area of Srinagar on November 17. Police doubt it.';
    const [match] = resolveIncidents(kb, {
      published: '2017-11-20',
      mentions: [mention('place-zakura', context, 'Zakura')],
      entityIds: ['group-tum'],
    });
    expect(match?.id).toBe('incident-zakura-2017');
    expect(match!.why).toBe(
      '“Zakura” + “attack” + 17 Nov 2017 + names Tehreek-ul-Mujahideen, which claimed it',
    );
    expect(match!.confidence).toBeGreaterThan(0.85);
    expect(match!.competingClaimants).toBe(3);
  });

  it('resolves a weekday against the article date', () => {
    const context = 'Militants attacked a police party in Zakura late on Friday, officials said.';
    const [match] = resolveIncidents(kb, {
      published: '2017-11-18',
      mentions: [mention('place-zakura', context, 'Zakura')],
      entityIds: [],
    });
    expect(match?.why).toContain('17 Nov 2017');
  });

  it('claims nothing when the date in the text does not fit', () => {
    const context = 'A grenade attack in Zakura on Thursday injured two people.';
    expect(
      resolveIncidents(kb, {
        published: '2021-03-05',
        mentions: [mention('place-zakura', context, 'Zakura')],
        entityIds: [],
      }),
    ).toEqual([]);
  });

  it('claims nothing for a place without an event, or an undated event long after', () => {
    const calm = 'The Zakura campus of the university reopened after the winter break.';
    expect(
      resolveIncidents(kb, {
        published: '2017-11-20',
        mentions: [mention('place-zakura', calm, 'Zakura')],
        entityIds: [],
      }),
    ).toEqual([]);
    const later = 'There was an attack in Zakura once.';
    expect(
      resolveIncidents(kb, {
        published: '2019-06-01',
        mentions: [mention('place-zakura', later, 'Zakura')],
        entityIds: [],
      }),
    ).toEqual([]);
  });

  it('uses the article date when the text gives no date: recent reports only', () => {
    const context = 'Police said the attack in Zakura was carried out by two men.';
    const [match] = resolveIncidents(kb, {
      published: '2017-11-18',
      mentions: [mention('place-zakura', context, 'Zakura')],
      entityIds: [],
    });
    expect(match?.why).toBe('“Zakura” + “attack” + article dated 18 Nov 2017, 1 day after 17 Nov 2017');
    expect(match!.confidence).toBeGreaterThanOrEqual(0.6);
  });

  it('does not match an incident the article predates', () => {
    const context = 'Before the Zakura attack, the area was quiet.';
    expect(
      resolveIncidents(kb, {
        published: '2016-01-01',
        mentions: [mention('incident-zakura-2017', context, 'Zakura attack')],
        entityIds: [],
      }),
    ).toEqual([]);
  });
});

describe('sentenceWindow', () => {
  it('keeps the sentence with the mention and its neighbours, not the whole paragraph', () => {
    const text = 'One. Two. Three has Zakura. Four. Five.';
    expect(sentenceWindow(text, text.indexOf('Zakura'))).toBe(' Two. Three has Zakura. Four.');
  });
});

describe('when the article date is asked for', () => {
  // The page reads its date only when dateCanMatter says so: it must say so whenever a date that
  // fits would make resolveIncidents find an incident, and not for a city named in passing.
  const cases: [string, ReturnType<typeof mention>][] = [
    ['named', mention('incident-zakura-2017', 'Another outfit claimed the Zakura attack.', 'Zakura attack')],
    [
      'place and event word',
      mention('place-zakura', 'Militants attacked a police party in Zakura.', 'Zakura'),
    ],
    ['place in passing', mention('place-zakura', 'A new bridge opened in Zakura. Traffic eased.', 'Zakura')],
    [
      'event word in another sentence',
      mention(
        'place-zakura',
        'Zakura is quiet. Shops were open. Schools too. An attack came later.',
        'Zakura',
      ),
    ],
  ];

  it.each(cases)('asks exactly when a fitting date would find the incident (%s)', (_name, m) => {
    const found = resolveIncidents(kb, { published: '2017-11-18', mentions: [m], entityIds: [] });
    expect(dateCanMatter(kb, [m])).toBe(found.length > 0);
  });

  it('asks for a named incident and a place beside an event word, not for a city in passing', () => {
    expect(cases.map(([, m]) => dateCanMatter(kb, [m]))).toEqual([true, true, false, false]);
  });
});
