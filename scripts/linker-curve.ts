/**
 * `npx tsx scripts/linker-curve.ts [--set DIR] [--split calibration|held-out|all] [--at T] [--list]`:
 * measurement only, never shipped. Runs the background's matcher and incident linker in Node on a
 * labelled article set (default ../shared/dev-articles, read at run time), every candidate kept with
 * its confidence, and prints incident recall and precision at each threshold (the precision–recall
 * curve), and group recall and precision. The split is fixed: an article belongs to the calibration
 * half when the first hex digit of the SHA-1 of its id is even, else to the held-out half.
 * With --list, what was missed or found in excess at the threshold --at (default INCIDENT_THRESHOLD).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultPack } from '../lib/knowledge/default-pack';
import { KnowledgeBase } from '../lib/knowledge/knowledge-base';
import { compileMatcher } from '../lib/matching/matcher-bundle';
import { INCIDENT_THRESHOLD } from '../lib/matching/incident-linker';
import { TextMatcher, type PageText } from '../lib/matching/text-matcher';

interface Article {
  id: string;
  published?: string;
  title?: string;
  text: string;
  groups: string[];
  groups_optional?: string[];
  incidents: string[];
  incidents_optional?: string[];
}

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1]! : fallback;
};
const setDir = option('--set', join(import.meta.dirname, '../../shared/dev-articles'));
const split = option('--split', 'all');
const at = Number(option('--at', String(INCIDENT_THRESHOLD)));

export function half(id: string): 'calibration' | 'held-out' {
  const digit = parseInt(createHash('sha1').update(id).digest('hex')[0]!, 16);
  return digit % 2 === 0 ? 'calibration' : 'held-out';
}

const norm = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, (m) => (/\p{Script=Devanagari}|\p{Script=Bengali}/u.test(m) ? m : ''))
    .toLowerCase()
    .replace(/[^0-9a-z\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Arabic}]/gu, '');

const articles: Article[] = readFileSync(join(setDir, 'articles.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as Article)
  .filter((a) => split === 'all' || half(a.id) === split);
const groupNames = JSON.parse(readFileSync(join(setDir, 'group-names.json'), 'utf8')) as Record<
  string,
  string[]
>;
const incidentKeys = JSON.parse(readFileSync(join(setDir, 'incident-keys.json'), 'utf8')) as Record<
  string,
  string[]
>;

const kb = new KnowledgeBase([defaultPack()]);
const matcher = new TextMatcher(kb, compileMatcher(kb), { threshold: 0 });
const namesOf = (id: string): Set<string> => {
  const item = kb.entities.get(id) ?? kb.incidents.get(id);
  const names = [
    id,
    item?.name ?? '',
    ...(item?.aliases ?? []).map((a) => (typeof a === 'string' ? a : a.text)),
  ];
  return new Set(names.filter(Boolean).map(norm));
};

/** The page the scorer builds: navigation, title, date, paragraphs, footer; a break before each block. */
function pageOf(a: Article): PageText {
  const blocks = [
    'Home World',
    a.title ?? a.id,
    ...(a.published ? [a.published] : []),
    ...a.text.split('\n'),
    'News site',
  ];
  let text = '';
  const breaks: number[] = [];
  for (const b of blocks.filter((x) => x.trim())) {
    if (text) breaks.push(text.length);
    text += b;
  }
  return { text, breaks, declaredDate: a.published };
}

interface Row {
  id: string;
  labels: string[];
  optional: string[];
  found: { id: string; confidence: number; why: string }[];
  groupsMissed: string[];
  groupsExtra: string[];
  groupsFound: number;
}

const rows: Row[] = articles.map((a) => {
  const result = matcher.match(pageOf(a));
  const groups = [
    ...new Set(
      result.mentions.filter((m) => m.kind === 'group' || m.kind === 'media').map((m) => m.targetId),
    ),
  ];
  const used = new Set<string>();
  const missed: string[] = [];
  let found = 0;
  const want = (name: string) => new Set((groupNames[name] ?? [name]).map(norm));
  for (const name of a.groups) {
    const hit = groups.filter((g) => [...namesOf(g)].some((n) => want(name).has(n)));
    hit.forEach((g) => used.add(g));
    if (hit.length) found++;
    else missed.push(name);
  }
  for (const name of a.groups_optional ?? [])
    groups.filter((g) => [...namesOf(g)].some((n) => want(name).has(n))).forEach((g) => used.add(g));
  const extra = groups
    .filter((g) => !used.has(g) && kb.entities.get(g)?.kind === 'group')
    .map((g) => kb.nameOf(g));
  return {
    id: a.id,
    labels: a.incidents,
    optional: a.incidents_optional ?? [],
    found: result.incidents.map((i) => ({ id: i.id, confidence: i.confidence, why: i.why })),
    groupsMissed: missed,
    groupsExtra: extra,
    groupsFound: found,
  };
});

const isLabel = (found: string, key: string) =>
  (incidentKeys[key] ?? [norm(key)]).some((k) => [...namesOf(found)].some((n) => n.includes(k)));

function score(threshold: number) {
  let tp = 0;
  let fn = 0;
  let fp = 0;
  for (const r of rows) {
    const kept = r.found.filter((f) => f.confidence >= threshold);
    for (const key of r.labels) {
      if (kept.some((f) => isLabel(f.id, key))) tp++;
      else fn++;
    }
    fp += kept.filter((f) => ![...r.labels, ...r.optional].some((key) => isLabel(f.id, key))).length;
  }
  return { tp, fn, fp, recall: tp / Math.max(1, tp + fn), precision: tp / Math.max(1, tp + fp) };
}

const g = rows.reduce(
  (t, r) => ({
    found: t.found + r.groupsFound,
    missed: t.missed + r.groupsMissed.length,
    extra: t.extra + r.groupsExtra.length,
  }),
  { found: 0, missed: 0, extra: 0 },
);
console.log(`${split}: ${rows.length} articles`);
console.log(
  `groups recall ${(g.found / (g.found + g.missed)).toFixed(2)} precision ${(g.found / (g.found + g.extra)).toFixed(2)} (${g.found} found, ${g.missed} missed, ${g.extra} extra)`,
);
console.log('threshold  recall  precision  (found / missed / extra)');
for (let t = 0.3; t <= 0.951; t += 0.05) {
  const s = score(t);
  console.log(
    `${t.toFixed(2).padStart(9)}  ${s.recall.toFixed(2).padStart(6)}  ${s.precision.toFixed(2).padStart(9)}  (${s.tp} / ${s.fn} / ${s.fp})`,
  );
}
if (args.includes('--list')) {
  console.log(`\nat ${at}:`);
  for (const r of rows) {
    const kept = r.found.filter((f) => f.confidence >= at);
    const missed = r.labels.filter((key) => !kept.some((f) => isLabel(f.id, key)));
    const extra = kept.filter((f) => ![...r.labels, ...r.optional].some((key) => isLabel(f.id, key)));
    if (missed.length || extra.length || r.groupsMissed.length || r.groupsExtra.length) {
      const best = (key: string) => r.found.find((f) => isLabel(f.id, key));
      console.log(
        `${r.id}:` +
          missed
            .map((k) => ` MISSED ${k}${best(k) ? ` (${best(k)!.confidence}: ${best(k)!.why})` : ''}`)
            .join('') +
          extra.map((f) => ` EXTRA ${f.id} (${f.confidence}: ${f.why})`).join('') +
          (r.groupsMissed.length ? ` groups missed ${r.groupsMissed.join(', ')}` : '') +
          (r.groupsExtra.length ? ` groups extra ${r.groupsExtra.join(', ')}` : ''),
      );
    }
  }
}
