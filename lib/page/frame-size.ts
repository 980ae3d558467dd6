/** How big an extension frame's shown content is: what the notes and record frames tell the page, to be sized to it. */

export interface FrameSize {
  width: number;
  height: number;
}

/** A ResizeObserver (not yet observing) that reports the size of `root`'s first child, 0×0 when it shows nothing. */
export function shownSizeObserver(root: HTMLElement, report: (size: FrameSize) => void): ResizeObserver {
  return new ResizeObserver(() => {
    const shown = root.firstElementChild as HTMLElement | null;
    const box = shown?.getBoundingClientRect();
    report({
      width: box ? Math.ceil(box.width) : 0,
      // A box held to the frame's height hides what grew inside it: its scroll height, plus its borders.
      height:
        shown && box
          ? Math.ceil(Math.max(box.height, shown.scrollHeight + shown.offsetHeight - shown.clientHeight))
          : 0,
    });
  });
}
