/**
 * Fetches one data view and refetches it when the live feed says it changed.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ViewName } from '../api-types.js';
import { getJson } from './api.js';

/** A view's data, or why it could not be loaded. */
export type ViewData<T> =
  | { readonly kind: 'loading' }
  | { readonly kind: 'ready'; readonly value: T }
  | { readonly kind: 'error'; readonly message: string };

/**
 * `GET /emulator/api/<name>`, again whenever `version` changes.
 *
 * @example
 * ```tsx
 * const data = useView<OutboxView>('outbox', live.changes.outbox);
 * ```
 */
export function useView<T>(name: ViewName, version: number): ViewData<T> {
  const [data, setData] = useState<ViewData<T>>({ kind: 'loading' });
  useEffect(() => {
    let current = true;
    getJson<T>(name).then(
      (value) => {
        if (current) setData({ kind: 'ready', value });
      },
      (error: unknown) => {
        if (current) setData({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      current = false;
    };
  }, [name, version]);
  return data;
}
