/**
 * Which `api-version` values each route family accepts. The identity versions are the folders of
 * `Azure/azure-rest-api-specs` `specification/communication/data-plane/Identity` (reference:
 * peers-and-pain §3c); `@azure/communication-identity@1.3.1` sends `2023-10-01` and
 * `@azure/communication-chat@1.6.0` sends `2025-03-15`.
 */

/** Route families with their own version sets. */
export type ApiFamily = 'identity' | 'entraExchange' | 'teamsExtensionExchange' | 'chat';

const IDENTITY_STABLE = [
  '2021-03-07',
  '2022-06-01',
  '2022-09-01',
  '2022-10-01',
  '2023-08-01',
  '2023-10-01',
  '2025-06-30',
  '2026-07-22',
  '2026-09-23',
];
const IDENTITY_PREVIEW = [
  '2020-07-20-preview2',
  '2021-02-22-preview1',
  '2021-03-31-preview1',
  '2021-10-31-preview',
  '2023-08-30-preview',
  '2025-03-02-preview',
  '2025-04-01-preview',
];

/** The accepted versions, by family. */
export const API_VERSIONS: Readonly<Record<ApiFamily, ReadonlySet<string>>> = {
  identity: new Set([...IDENTITY_STABLE, ...IDENTITY_PREVIEW]),
  // The Entra-user exchange exists only in the previews.
  entraExchange: new Set(['2025-03-02-preview', '2025-04-01-preview']),
  // The Teams Phone extension exchange: 2025-03-02-preview and every later version.
  teamsExtensionExchange: new Set([
    '2025-03-02-preview',
    '2025-04-01-preview',
    '2025-06-30',
    '2026-07-22',
    '2026-09-23',
  ]),
  chat: new Set(['2021-03-07', '2021-09-07', '2023-11-07', '2024-03-07', '2025-03-15']),
};
