/** Why ClaimLens linked this page to an incident, in plain words: a small footer, never a percentage beside a disputed title. */
import { evidenceStrength } from '../lib/knowledge/cards';
import { useT } from './i18n';

const EVIDENCE_LABEL = { strong: 'evidenceStrong', fair: 'evidenceFair', some: 'evidenceSome' } as const;

export interface IncidentMatchInfo {
  confidence: number;
  why: string;
}

export function RecognisedFooter({ match }: { match?: IncidentMatchInfo }) {
  const t = useT();
  if (!match) return null;
  const text = t('footerWhy', [match.why, t(EVIDENCE_LABEL[evidenceStrength(match.confidence)])]);
  // The short card clips it to two lines; the title keeps the whole of it within reach.
  return (
    <p class="cl-why" title={text}>
      {text}
    </p>
  );
}
