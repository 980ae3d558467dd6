/** The small toolbar beside a text selection: save it as a highlight, or with a note. */
export interface SelectionToolbarProps {
  onHighlight(): void;
  onAddNote(): void;
}

export function SelectionToolbar({ onHighlight, onAddNote }: SelectionToolbarProps) {
  return (
    <div class="cl-selection-toolbar" role="toolbar" aria-label="ClaimLens: save the selected passage">
      <button type="button" onClick={onHighlight} title="Save the selection as a highlight (Alt+Shift+S)">
        Highlight
      </button>
      <button type="button" onClick={onAddNote} title="Save the selection with a note">
        Add note
      </button>
    </div>
  );
}
