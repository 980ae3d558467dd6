/** Keeps a floating panel beside a text range (flipped and shifted to stay in the viewport), with @floating-ui/dom. */
import {
  autoUpdate,
  computePosition,
  flip,
  offset,
  shift,
  size,
  type Placement,
  type VirtualElement,
} from '@floating-ui/dom';

/** Places `floating` next to `range` until the returned function is called. */
export function keepBeside(
  range: Range,
  floating: HTMLElement,
  placement: Placement = 'bottom-start',
): () => void {
  const reference: VirtualElement = {
    getBoundingClientRect: () => range.getClientRects()[0] ?? range.getBoundingClientRect(),
    getClientRects: () => range.getClientRects(),
    contextElement: range.startContainer.parentElement ?? undefined,
  };
  const update = () =>
    computePosition(reference, floating, {
      strategy: 'fixed',
      placement,
      middleware: [
        offset(6),
        flip({ padding: 8 }),
        shift({ padding: 8 }),
        size({
          padding: 8,
          apply({ availableHeight }) {
            floating.style.maxHeight = `${Math.max(140, Math.min(560, availableHeight))}px`;
          },
        }),
      ],
    }).then(({ x, y }) => {
      floating.style.left = `${x}px`;
      floating.style.top = `${y}px`;
    });
  return autoUpdate(reference, floating, () => void update());
}
