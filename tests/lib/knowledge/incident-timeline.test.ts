import { describe, expect, it } from 'vitest';
import { incidentTimeline } from '../../../lib/knowledge/incident-timeline';
import { KnowledgeBase } from '../../../lib/knowledge/knowledge-base';
import { defaultPack } from '../../../lib/knowledge/default-pack';

const kb = new KnowledgeBase([defaultPack()]);

describe('incidentTimeline', () => {
  it('starts with the incident, then every claim and statement by date, undated ones last', () => {
    const card = kb.incidentCard('incident-zakura-2017')!;
    const lines = incidentTimeline(card);
    expect(lines).toHaveLength(1 + card.claims.length + card.statements.length);
    expect(lines[0]).toEqual({ kind: 'incident', date: '2017-11-17', name: 'Zakura attack' });
    const dated = lines.filter((l) => l.date).map((l) => l.date!);
    expect(dated).toEqual([...dated].sort());
    const firstUndated = lines.findIndex((l) => !l.date);
    expect(lines.slice(firstUndated).every((l) => !l.date)).toBe(true);
    // The IGP's statement on the night comes right after the incident, on the same day.
    expect(lines[1]).toMatchObject({ kind: 'statement', date: '2017-11-17' });
  });
});
