/** The popup's first view: what ClaimLens found on the current tab, and the notes saved on it. */
import type { PageFindings } from '../../lib/messaging';
import type { Note } from '../../lib/notes/note-types';
import type { Translate } from '../../lib/i18n';

export type { Translate };

export interface ThisPageProps {
  /** null: ClaimLens has not read this tab (not a web page, or it is still loading). */
  report: PageFindings | null;
  notes: readonly Note[];
  /** Scrolls the page to the first mark of a group or incident and opens its tooltip. */
  onShow?(targetId: string): void;
  /** Re-links an orphan: the page asks the reader to select its passage. */
  onRelink?(note: Note): void;
  t: Translate;
}

const MARKED_KINDS = new Set(['group', 'media', 'organization', 'person']);

export function ThisPage({ report, notes, onShow, onRelink, t }: ThisPageProps) {
  const name = (id: string, text: string) =>
    onShow ? (
      <button type="button" class="show" title={t('popupShowMark')} onClick={() => onShow(id)}>
        {text}
      </button>
    ) : (
      <strong>{text}</strong>
    );
  const entities = (report?.entities ?? []).filter((e) => MARKED_KINDS.has(e.kind));
  const incidents = report?.incidents ?? [];
  const orphans = notes.filter((n) => n.anchorStatus === 'orphan').length;
  return (
    <div class="this-page">
      <section aria-labelledby="found-heading">
        <h2 id="found-heading">{t('popupFoundHeading')}</h2>
        {!report && <p class="empty">{t('popupNotRead')}</p>}
        {report && entities.length === 0 && incidents.length === 0 && (
          <p class="empty">{t('popupNothingFound')}</p>
        )}
        {incidents.length > 0 && (
          <ul class="found incidents">
            {incidents.map((i) => (
              <li key={i.id}>
                <span class="kind">{t('kindIncident')}</span> {name(i.id, i.name)}
                {i.competingClaimants > 1 && (
                  <span class="conflict"> · {t('popupCompetingClaims', String(i.competingClaimants))}</span>
                )}
                <div class="why">{i.why}</div>
              </li>
            ))}
          </ul>
        )}
        {entities.length > 0 && (
          <ul class="found entities">
            {entities.map((e) => (
              <li key={e.id}>
                {name(e.id, e.name)} <span class="count">{t('popupMentions', String(e.mentions))}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="notes-heading">
        <h2 id="notes-heading">{t('popupNotesHeading', String(notes.length))}</h2>
        {notes.length === 0 && <p class="empty">{t('popupNoNotes')}</p>}
        {orphans > 0 && <p class="orphans">{t('popupOrphans', String(orphans))}</p>}
        <ul class="notes">
          {notes.map((n) => (
            <li key={n.id} class={n.anchorStatus === 'orphan' ? 'orphan' : undefined}>
              <blockquote>
                {n.selectors.quote.exact.length > 200
                  ? `${n.selectors.quote.exact.slice(0, 200)}…`
                  : n.selectors.quote.exact}
              </blockquote>
              {n.text && <p>{n.text}</p>}
              {n.anchorStatus === 'orphan' && <span class="badge">{t('popupOrphanLabel')}</span>}
              {n.anchorStatus === 'orphan' && onRelink && (
                <button
                  type="button"
                  class="relink"
                  title={t('popupRelinkLabel')}
                  onClick={() => onRelink(n)}
                >
                  {t('popupRelink')}
                </button>
              )}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
