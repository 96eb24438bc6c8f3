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

// [id, what, our entry, official entry, goal]. Each entry re-exports what it names, so it is kept.
const CASES = [
  [
    'h-credential',
    'credential, static + refresher (ours: acs-common/credential)',
    "export { AzureCommunicationTokenCredential } from 'acs-common/credential';",
    `export { AzureCommunicationTokenCredential } from '${OFFICIAL}';`,
    6,
  ],
  [
    'h-credential-entra',
    'credential, all three forms incl. Entra (ours: acs-common)',
    "export { AzureCommunicationTokenCredential } from 'acs-common';",
    `export { AzureCommunicationTokenCredential } from '${OFFICIAL}';`,
    null,
  ],
  [
    'h-identifiers',
    'identifiers (raw id + serializer)',
    `export { ${IDENTIFIER_NAMES} } from 'acs-common';`,
    `export { ${IDENTIFIER_NAMES} } from '${OFFICIAL}';`,
    3,
  ],
  [
    'h-signing',
    'signing (access-key policy + parseClientArguments)',
    `export { ${SIGNING_NAMES} } from 'acs-common';`,
    `export { ${SIGNING_NAMES} } from '${OFFICIAL}';`,
    null,
  ],
  ['h-all', 'everything (export *)', "export * from 'acs-common';", `export * from '${OFFICIAL}';`, null],
];

/** (h) Browser bundle bytes, minified and gzip -9, ours against the official package. */
export async function bundleSizes() {
  const rows = [];
  for (const [id, what, oursSource, officialSource, goal] of CASES) {
    rows.push(
      row({
        id,
        name: `browser bundle, ${what}`,
        unit: 'B gz',
        ours: await gzipBytes(oursSource),
        official: await gzipBytes(officialSource),
        goal,
      }),
    );
  }
  return rows;
}
