/** The tooltip frame: a labelled dialog holding an entity's or incident's card, closable by button or Escape. */
import type { Card } from '../lib/knowledge/cards';
import { EntityCardView } from './EntityCardView';
import { IncidentCardView, type IncidentMatchInfo } from './IncidentCardView';
import { useT } from './i18n';
import { Panel } from './Panel';

export interface TooltipProps {
  card: Card | null | undefined;
  /** For an incident recognised by evidence: why and how sure. */
  match?: IncidentMatchInfo;
  /** The mark's text, shown while the card loads or when the pack no longer has it. */
  label: string;
  theme: 'light' | 'dark';
  onClose(): void;
  onPointerEnter?(): void;
  onPointerLeave?(): void;
}

export function Tooltip(props: TooltipProps) {
  const { card, match, label, theme } = props;
  const t = useT();
  return (
    <Panel
      label={t('tooltipLabel', card ? card.name : label)}
      theme={theme}
      onClose={props.onClose}
      onPointerEnter={props.onPointerEnter}
      onPointerLeave={props.onPointerLeave}
    >
      <button type="button" class="cl-close" aria-label={t('tooltipClose')} onClick={props.onClose}>
        ×
      </button>
      {card === undefined && <p class="cl-loading">{t('tooltipLoading', label)}</p>}
      {card === null && <p class="cl-loading">{t('tooltipGone', label)}</p>}
      {card?.type === 'incident' && <IncidentCardView card={card} match={match} />}
      {card?.type === 'entity' && <EntityCardView card={card} />}
    </Panel>
  );
}
