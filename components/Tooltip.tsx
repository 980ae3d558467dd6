/** The tooltip frame: a labelled dialog holding the short card of an entity or incident, closable by button or Escape. */
import type { Card } from '../lib/knowledge/cards';
import { CompactCard } from './CompactCard';
import type { IncidentMatchInfo } from './RecognisedFooter';
import { useT } from './i18n';
import { Panel } from './Panel';

export interface TooltipProps {
  card: Card | null | undefined;
  /** For an incident recognised by evidence: why (shown as a footer, in words). */
  match?: IncidentMatchInfo;
  /** The mark's text, shown while the card loads or when the pack no longer has it. */
  label: string;
  theme: 'light' | 'dark';
  /** Pinned by a click or the keyboard: it stays until closed. */
  pinned?: boolean;
  onClose(): void;
  /** Shows the full card beside the article. */
  onOpen?(): void;
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
      pinned={props.pinned}
      onClose={props.onClose}
      onPointerEnter={props.onPointerEnter}
      onPointerLeave={props.onPointerLeave}
    >
      <button type="button" class="cl-close" aria-label={t('tooltipClose')} onClick={props.onClose}>
        ×
      </button>
      {card === undefined && <p class="cl-loading">{t('tooltipLoading', label)}</p>}
      {card === null && <p class="cl-loading">{t('tooltipGone', label)}</p>}
      {card && <CompactCard card={card} match={match} onOpen={() => props.onOpen?.()} />}
    </Panel>
  );
}
