/**
 * How a view says "loading", "could not load" and "this service is not on this emulator".
 */
import type { ComponentChildren } from 'preact';
import type { Section } from '../api-types.js';
import type { ViewData } from './use-view.js';

/**
 * Renders `children(value)` once the data is there, a message otherwise.
 *
 * @example
 * ```tsx
 * <Loaded data={data}>{(value) => <Table rows={value.value} />}</Loaded>
 * ```
 */
export function Loaded<T>(props: { data: ViewData<T>; children: (value: T) => ComponentChildren }) {
  const { data } = props;
  if (data.kind === 'loading') return <p class="hint">Loading…</p>;
  if (data.kind === 'error') return <p class="error">Could not load: {data.message}</p>;
  return <>{props.children(data.value)}</>;
}

/**
 * Renders a section's rows, or says its service is absent, or that nothing happened yet.
 *
 * @example
 * ```tsx
 * <SectionBody section={outbox.sms} empty="No SMS yet.">{(rows) => …}</SectionBody>
 * ```
 */
export function SectionBody<T>(props: {
  section: Section<T>;
  empty: string;
  children: (rows: readonly T[]) => ComponentChildren;
}) {
  const { section } = props;
  if (!section.present) {
    return (
      <p class="absent">
        The <code>{section.service}</code> service is not part of this emulator (yet): nothing to show.
      </p>
    );
  }
  if (section.value.length === 0) return <p class="hint">{props.empty}</p>;
  return <>{props.children(section.value)}</>;
}
