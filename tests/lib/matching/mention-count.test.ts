import { describe, expect, it } from 'vitest';
import { countedMentions, withTopic } from '../../../lib/matching/mention-count';

const m = (owner: string, kind: string, guarded = false, visible = true) => ({
  owner,
  kind,
  guarded,
  visible,
});

describe('which mentions count on a page', () => {
  it('counts a guarded acronym only where the page names its entity plainly', () => {
    const onlyAcronym = [m('is', 'group', true)];
    expect(countedMentions(onlyAcronym, (x) => x.owner)).toEqual([]);
    const both = [m('is', 'group', true), m('is', 'group')];
    expect(countedMentions(both, (x) => x.owner)).toHaveLength(2);
    expect(countedMentions([m('is', 'group', false, false), m('is', 'group', true)], (x) => x.owner)).toEqual(
      [],
    );
  });

  it('counts a guarded alias beside a related outfit named plainly, and not beside an unrelated one', () => {
    type M = ReturnType<typeof m> & { context?: string[] };
    const jaish: M = { ...m('jem', 'group', true), context: ['paff'] };
    const ctx = (x: M) => x.context;
    expect(countedMentions<M>([jaish, m('paff', 'group')], (x) => x.owner, ctx)).toHaveLength(2);
    expect(countedMentions<M>([jaish, m('hamas', 'group')], (x) => x.owner, ctx)).toHaveLength(1);
    expect(countedMentions<M>([jaish, m('paff', 'group', false, false)], (x) => x.owner, ctx)).toEqual([]);
  });

  it('leaves people and organisations unmarked on a page that names no group and no incident', () => {
    const election = [m('biden', 'person'), m('police', 'organization'), m('delhi', 'place')];
    expect(withTopic(election, (x) => x.kind, false).map((x) => x.owner)).toEqual(['delhi']);
  });

  it('marks them where a group, its media arm or an incident is named', () => {
    const report = [m('biden', 'person'), m('police', 'organization')];
    expect(withTopic([...report, m('isis', 'group')], (x) => x.kind, false)).toHaveLength(3);
    expect(withTopic([...report, m('amaq', 'media')], (x) => x.kind, false)).toHaveLength(3);
    expect(withTopic(report, (x) => x.kind, true)).toHaveLength(2);
  });
});
