import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { ROOT } from '../lib/child.mjs';
import { row } from '../lib/row.mjs';

/** Bytes of `source` bundled for the browser (esbuild, minified, ESM) after gzip -9. */
async function gzipBytes(source) {
  const result = await build({
    stdin: { contents: source, resolveDir: ROOT, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
    // Ignore packages/acs-common/tsconfig.json: its `paths` would send `#platform` to src/, while
    // a user's bundler follows the package's imports map to dist/platform/browser.js.
    tsconfigRaw: {},
  });
  return gzipSync(result.outputFiles[0].contents, { level: 9 }).length;
}

const OFFICIAL = '@azure/communication-common';
const IDENTIFIER_NAMES =
  'createIdentifierFromRawId, getIdentifierRawId, serializeCommunicationIdentifier, deserializeCommunicationIdentifier';
const SIGNING_NAMES = 'createCommunicationAccessKeyCredentialPolicy, parseClientArguments';

// Each entry re-exports what it names, so it is kept. Ours is imported as a user would.
const CASES = [
  {
    id: 'h-credential',
    what: 'credential, static + refresher',
    ours: "export { AzureCommunicationTokenCredential } from 'acs-common/credential';",
    official: `export { AzureCommunicationTokenCredential } from '${OFFICIAL}';`,
    goal: 6,
    note: "ours from 'acs-common/credential' (2.5.0's class always carries its Entra exchange)",
  },
  {
    id: 'h-credential-entra',
    what: 'credential, all three forms',
    ours: "export { AzureCommunicationTokenCredential } from 'acs-common';",
    official: `export { AzureCommunicationTokenCredential } from '${OFFICIAL}';`,
    goal: null,
    note: "ours from 'acs-common' (the drop-in import): static, refresher and Entra forms",
  },
  {
    id: 'h-identifiers',
    what: 'identifiers',
    ours: `export { ${IDENTIFIER_NAMES} } from 'acs-common';`,
    official: `export { ${IDENTIFIER_NAMES} } from '${OFFICIAL}';`,
    goal: 3,
    note: IDENTIFIER_NAMES,
  },
  {
    id: 'h-signing',
    what: 'signing',
    ours: `export { ${SIGNING_NAMES} } from 'acs-common';`,
    official: `export { ${SIGNING_NAMES} } from '${OFFICIAL}';`,
    goal: null,
    note: SIGNING_NAMES,
  },
  {
    id: 'h-all',
    what: 'everything',
    ours: "export * from 'acs-common';",
    official: `export * from '${OFFICIAL}';`,
    goal: null,
    note: 'export * from each package (acs-common exports more than 2.5.0)',
  },
];

/** (h) Browser bundle bytes, minified and gzip -9, ours against the official package. */
export async function bundleSizes() {
  const rows = [];
  for (const { id, what, ours, official, goal, note } of CASES) {
    rows.push(
      row({
        id,
        name: `bundle gzip: ${what}`,
        unit: 'B gz',
        ours: await gzipBytes(ours),
        official: await gzipBytes(official),
        goal,
        note,
      }),
    );
  }
  return rows;
}
