/** The floating frame every ClaimLens panel uses: a labelled dialog that Escape closes and the pointer may rest on. */
import type { ComponentChildren } from 'preact';

export interface PanelProps {
  label: string;
  theme: 'light' | 'dark';
  /** Pinned: stays open when the pointer leaves (drawn with a firmer edge). */
  pinned?: boolean;
  onClose(): void;
  onPointerEnter?(): void;
  onPointerLeave?(): void;
  children: ComponentChildren;
}

export function Panel(props: PanelProps) {
  return (
    <div
      class={`cl-tooltip cl-${props.theme}${props.pinned ? ' cl-pinned' : ''}`}
      role="dialog"
      aria-label={props.label}
      tabIndex={-1}
      onPointerEnter={props.onPointerEnter}
      onPointerLeave={props.onPointerLeave}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          props.onClose();
        }
      }}
    >
      {props.children}
    </div>
  );
}
