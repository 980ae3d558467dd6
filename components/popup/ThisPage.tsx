/**
 * The popup's first view: what ClaimLens found on the current tab, grouped by kind (incidents with who
 * claimed them, then groups, media, organisations, people), and the reader's notes on it.
 */
import type { PageFindings } from '../../lib/messaging';
import type { Note } from '../../lib/notes/note-types';
import type { Translate } from '../../lib/i18n';
import { NoteSummary } from './NoteSummary';

export type { Translate };

export interface ThisPageProps {
  /** null: ClaimLens has not read this tab (not a web page, or it is still loading). */
  report: PageFindings | null;
  notes: readonly Note[];
  /** Who claimed each incident, by incident id, as named in the packs (absent while loading). */
  claimants?: Readonly<Record<string, readonly string[]>>;
  /** Scrolls the page to the first mark of a group or incident and opens its tooltip. */
  onShow?(targetId: string): void;
  /** Shows a note's passage on the page. */
  onOpenNote?(note: Note): void;
  /** Re-links an orphan: the page asks the reader to select its passage. */
  onRelink?(note: Note): void;
  t: Translate;
}

const KINDS = [
  { kind: 'group', key: 'popupKindGroups' },
  { kind: 'media', key: 'popupKindMedia' },
  { kind: 'organization', key: 'popupKindOrganizations' },
  { kind: 'person', key: 'popupKindPeople' },
] as const;

export function ThisPage({ report, notes, claimants, onShow, onOpenNote, onRelink, t }: ThisPageProps) {
  const name = (id: string, text: string) =>
    onShow ? (
      <button type="button" class="show" title={t('popupShowMark')} onClick={() => onShow(id)}>
        {text}
      </button>
    ) : (
      <span class="name">{text}</span>
    );
  const entities = report?.entities ?? [];
  const incidents = report?.incidents ?? [];
  const groups = KINDS.map((k) => ({ ...k, items: entities.filter((e) => e.kind === k.kind) })).filter(
    (k) => k.items.length > 0,
  );
  const orphans = notes.filter((n) => n.anchorStatus === 'orphan').length;
  return (
    <div class="this-page">
      <section class="findings" aria-labelledby="found-heading">
        <h2 id="found-heading">{t('popupFoundHeading')}</h2>
        {!report && <p class="empty">{t('popupNotRead')}</p>}
        {report && incidents.length === 0 && groups.length === 0 && (
          <p class="empty">{t('popupNothingFound')}</p>
        )}
        {incidents.length > 0 && (
          <section class="kind-group" aria-labelledby="kind-incidents">
            <h3 id="kind-incidents">{t('popupKindIncidents')}</h3>
            <ul class="found incidents">
              {incidents.map((i) => {
                const who = claimants?.[i.id];
                return (
                  <li key={i.id} class={i.competingClaimants > 1 ? 'competing' : undefined}>
                    {name(i.id, i.name)}
                    {i.competingClaimants > 1 && (
                      <span class="flag">{t('popupCompetingClaims', String(i.competingClaimants))}</span>
                    )}
                    {who && (
                      <p class="claimants">
                        {who.length > 0 ? t('popupClaimedBy', who.join(', ')) : t('popupNoClaim')}
                      </p>
                    )}
                  </li>
                );
              })}
            </ul>
          </section>
        )}
        {groups.map((g) => (
          <section key={g.kind} class="kind-group" aria-labelledby={`kind-${g.kind}`}>
            <h3 id={`kind-${g.kind}`}>{t(g.key)}</h3>
            <ul class="found entities">
              {g.items.map((e) => (
                <li key={e.id}>
                  {name(e.id, e.name)} <span class="count">{t('popupMentions', String(e.mentions))}</span>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </section>
      <section class="page-notes" aria-labelledby="notes-heading">
        <h2 id="notes-heading">{t('popupNotesHeading', String(notes.length))}</h2>
        {notes.length === 0 && <p class="empty">{t('popupNoNotes')}</p>}
        {orphans > 0 && <p class="orphans">{t('popupOrphans', String(orphans))}</p>}
        <ul class="notes">
          {notes.map((n) => (
            <li key={n.id} class={`row${n.anchorStatus === 'orphan' ? ' orphan' : ''}`}>
              <span class={`bar color-${n.color}`} aria-hidden="true" />
              <NoteSummary
                note={n}
                withoutPage
                onOpen={onOpenNote && n.anchorStatus !== 'orphan' ? () => onOpenNote(n) : undefined}
                openLabel={t('popupOpenNote')}
              >
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
              </NoteSummary>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
