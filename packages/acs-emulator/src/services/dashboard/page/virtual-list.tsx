/**
 * A windowed listbox: only the rows in view (plus a few) are in the DOM, so 10,000 entries cost
 * the same as 30. Rows have a fixed height. Keyboard: Arrow keys, Page Up/Down, Home/End move the
 * active row (announced through aria-activedescendant); Enter or a click selects it.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';

/** Rows drawn above and below the visible ones. */
const OVERSCAN = 8;

/** What the list needs. */
export interface VirtualListProps<T> {
  readonly items: readonly T[];
  readonly rowHeightInPx: number;
  /** The accessible name of the list. */
  readonly label: string;
  /** A stable, DOM-safe id per item (used for aria-activedescendant). */
  readonly itemId: (item: T) => string;
  readonly renderRow: (item: T) => ComponentChildren;
  readonly selectedId: string | null;
  readonly onSelect: (item: T) => void;
  /** Shown when there are no items. */
  readonly empty: ComponentChildren;
}

/**
 * The list.
 *
 * @example
 * ```tsx
 * <VirtualList items={entries} rowHeightInPx={28} label="Requests" itemId={(e) => `r${e.id}`} renderRow={(e) => e.target} selectedId={null} onSelect={open} empty="No requests yet" />
 * ```
 */
export function VirtualList<T>(props: VirtualListProps<T>) {
  const { items, rowHeightInPx, itemId } = props;
  const viewport = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [heightInPx, setHeightInPx] = useState(400);
  const [active, setActive] = useState(0);

  useLayoutEffect(() => {
    const element = viewport.current;
    if (element === null) return;
    setHeightInPx(element.clientHeight || 400);
    const observer = new ResizeObserver(() => setHeightInPx(element.clientHeight || 400));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const count = items.length;
  const activeIndex = Math.min(active, Math.max(count - 1, 0));
  const first = Math.max(0, Math.floor(scrollTop / rowHeightInPx) - OVERSCAN);
  const last = Math.min(count, Math.ceil((scrollTop + heightInPx) / rowHeightInPx) + OVERSCAN);
  const activeItem = items[activeIndex];

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(count - 1, index));
    setActive(next);
    const element = viewport.current;
    if (element === null) return;
    const top = next * rowHeightInPx;
    if (top < element.scrollTop) element.scrollTop = top;
    else if (top + rowHeightInPx > element.scrollTop + element.clientHeight) {
      element.scrollTop = top + rowHeightInPx - element.clientHeight;
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const page = Math.max(1, Math.floor(heightInPx / rowHeightInPx) - 1);
    const moves: Record<string, number> = {
      ArrowDown: activeIndex + 1,
      ArrowUp: activeIndex - 1,
      PageDown: activeIndex + page,
      PageUp: activeIndex - page,
      Home: 0,
      End: count - 1,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      moveTo(target);
    } else if ((event.key === 'Enter' || event.key === ' ') && activeItem !== undefined) {
      event.preventDefault();
      props.onSelect(activeItem);
    }
  };

  // Keep the active row in range when the list shrinks (a filter).
  useEffect(() => {
    if (active > 0 && active >= count) setActive(Math.max(0, count - 1));
  }, [active, count]);

  const rows = [];
  for (let index = first; index < last; index++) {
    const item = items[index] as T;
    const id = itemId(item);
    rows.push(
      // biome-ignore lint/a11y/useKeyWithClickEvents: the listbox itself handles the keyboard (aria-activedescendant)
      <div
        key={id}
        id={id}
        role="option"
        tabIndex={-1}
        aria-selected={id === props.selectedId}
        aria-posinset={index + 1}
        aria-setsize={count}
        class={`row${index === activeIndex ? ' active' : ''}${id === props.selectedId ? ' selected' : ''}`}
        style={{ top: `${index * rowHeightInPx}px`, height: `${rowHeightInPx}px` }}
        onClick={() => {
          setActive(index);
          props.onSelect(item);
        }}
      >
        {props.renderRow(item)}
      </div>,
    );
  }

  return (
    <div
      ref={viewport}
      class="virtual-list"
      role="listbox"
      tabIndex={0}
      aria-label={props.label}
      aria-activedescendant={
        activeItem === undefined || activeIndex < first || activeIndex >= last ? undefined : itemId(activeItem)
      }
      onScroll={(event) => setScrollTop((event.currentTarget as HTMLDivElement).scrollTop)}
      onKeyDown={onKeyDown}
    >
      {count === 0 ? (
        <div class="empty">{props.empty}</div>
      ) : (
        <div class="virtual-list-inner" style={{ height: `${count * rowHeightInPx}px` }}>
          {rows}
        </div>
      )}
    </div>
  );
}
