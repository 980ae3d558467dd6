/**
 * What the marks on the page mean and the keys that reach them: the full card's footer. Each sample
 * is drawn with the very styles the page's marks use (lib/page/mark-layer.ts, passage-overlay.ts), so
 * the legend cannot drift from the page; kinds differ by line style, not by colour alone.
 */
import { PALETTE } from '../lib/page/mark-layer';
import { LINE_COLOR, LINES, OPEN_OUTLINE, TINTS } from '../lib/page/passage-overlay';
import { useT } from './i18n';

const STYLE = Object.fromEntries(PALETTE) as Record<(typeof PALETTE)[number][0], string>;

const KEYS: [string, string][] = [
  ['Alt+Shift+N / Alt+Shift+P', 'legendKeyStep'],
  ['Enter / Space', 'legendKeyPin'],
  ['Esc', 'legendKeyClose'],
  ['Alt+Shift+S', 'legendKeyHighlight'],
  ['Alt+Shift+A', 'legendKeyNote'],
];

export function MarkLegend({ theme }: { theme: 'light' | 'dark' }) {
  const t = useT();
  const note = `background:${TINTS[theme]['note-claim']};${LINES['note-claim']} ${LINE_COLOR[theme]}`;
  const samples: [string, string, string][] = [
    [STYLE.group, 'legendGroupSample', 'legendGroup'],
    [STYLE.incident, 'legendIncidentSample', 'legendIncident'],
    [STYLE.actor, 'legendActorSample', 'legendActor'],
    [note, 'legendNoteSample', 'legendNote'],
    [STYLE.hover, 'legendHoverSample', 'legendHover'],
    [STYLE.active, 'legendActiveSample', 'legendActive'],
    [`${note};${OPEN_OUTLINE[theme]}`, 'legendOpenNoteSample', 'legendOpenNote'],
  ];
  return (
    <details class="cl-legend">
      <summary>{t('legendSummary')}</summary>
      <ul class="cl-legend-marks">
        {samples.map(([style, sample, meaning]) => (
          <li key={meaning}>
            <span class="cl-legend-sample" style={style}>
              {t(sample)}
            </span>{' '}
            {t(meaning)}
          </li>
        ))}
      </ul>
      <dl class="cl-legend-keys">
        {KEYS.map(([keys, meaning]) => (
          <div key={meaning}>
            <dt>
              <kbd>{keys}</kbd>
            </dt>
            <dd>{t(meaning)}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
