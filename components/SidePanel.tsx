/**
 * The full card beside the article: every claim, statement and source, the timeline, why the page
 * was linked to it, and what the marks and keys mean. Escape reaches it through the page's key listener (lib/page/mark-interaction.ts).
 */
import type { Card } from '../lib/knowledge/cards';
import { EntityCardView } from './EntityCardView';
import { IncidentCardView } from './IncidentCardView';
import { RecognisedFooter, type IncidentMatchInfo } from './RecognisedFooter';
import { useT } from './i18n';
import { MarkLegend } from './MarkLegend';

export interface SidePanelProps {
  card: Card;
  match?: IncidentMatchInfo;
  theme: 'light' | 'dark';
  onClose(): void;
}

export function SidePanel({ card, match, theme, onClose }: SidePanelProps) {
  const t = useT();
  return (
    <div
      class={`cl-side cl-${theme}`}
      role="dialog"
      aria-label={t('sidePanelLabel', card.name)}
      tabIndex={-1}
    >
      <button type="button" class="cl-close" aria-label={t('sidePanelClose')} onClick={onClose}>
        ×
      </button>
      {card.type === 'incident' ? (
        <IncidentCardView
          card={card}
          footer={
            <>
              <RecognisedFooter match={match} />
              <MarkLegend theme={theme} />
            </>
          }
        />
      ) : (
        <EntityCardView card={card} footer={<MarkLegend theme={theme} />} />
      )}
    </div>
  );
}
