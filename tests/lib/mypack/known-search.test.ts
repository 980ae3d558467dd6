import { describe, expect, it } from 'vitest';
import { KnowledgeBase } from '../../../lib/knowledge/knowledge-base';
import { searchEntities, searchIncidents } from '../../../lib/mypack/known-search';
import { testPack } from '../../fixtures/test-pack';

const kb = new KnowledgeBase([testPack()]);

describe('finding what to record against', () => {
  it('finds an incident by its name, its place, its region or its date', () => {
    const hit = { id: 'incident-zakura-2017', name: 'Zakura attack', date: '2017-11-17', place: 'Zakura' };
    expect(searchIncidents(kb, 'zakura')).toEqual([hit]);
    expect(searchIncidents(kb, 'Srinagar')).toEqual([hit]);
    expect(searchIncidents(kb, 'srinagar 2017-11')).toEqual([hit]);
    expect(searchIncidents(kb, '2017')).toEqual([hit]);
    expect(searchIncidents(kb, 'srinagar 2018')).toEqual([]);
    expect(searchIncidents(kb, 'pulwama')).toEqual([]);
    expect(searchIncidents(kb, '  ')).toEqual([]);
  });

  it('finds claimants by name or alias, of the kinds asked', () => {
    expect(searchEntities(kb, 'daesh', ['group']).map((e) => e.id)).toEqual(['group-is']);
    expect(searchEntities(kb, 'amaq', ['group'])).toEqual([]);
    expect(searchEntities(kb, 'amaq', ['group', 'media'])).toEqual([
      { id: 'media-amaq', name: 'Amaq News Agency', kind: 'media' },
    ]);
    expect(searchEntities(kb, 'vaid', ['person']).map((e) => e.id)).toEqual(['person-vaid']);
  });
});
