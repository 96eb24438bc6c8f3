import { notFound } from '../../../host/errors.js';
import { defineRoute, rawReply, reply } from '../../../host/service.js';
import { loadAssets } from '../assets.js';
import { COMMON_HEADERS, PAGE_CSP } from '../security-headers.js';

/**
 * The page (`GET /emulator/`) and its two assets (`GET /emulator/assets/{name}`), loopback only.
 * The HTML is a fixed shell: everything shown is rendered by the script from the JSON API, as
 * text nodes (Preact never writes HTML from data), so nothing the app sent can become markup.
 */

const HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>acs-emulator dashboard</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/emulator/assets/dashboard.css">
<script type="module" src="/emulator/assets/dashboard.js"></script>
</head>
<body>
<div id="app"></div>
<noscript>The acs-emulator dashboard needs JavaScript.</noscript>
</body>
</html>
`;

/**
 * `GET /emulator/` → the page.
 *
 * @example
 * ```ts
 * await fetch(`${emulator.endpoint}emulator/`); // text/html with a Content-Security-Policy
 * ```
 */
export const getPage = defineRoute({
  method: 'GET',
  path: '/emulator/',
  auth: ['loopback'],
  apiVersions: null,
  handle: () =>
    rawReply(200, HTML, 'text/html; charset=utf-8', {
      ...COMMON_HEADERS,
      'content-security-policy': PAGE_CSP,
      'x-frame-options': 'DENY',
    }),
});

/**
 * `GET /emulator` → 308 to `/emulator/` (relative URLs of the page need the slash).
 *
 * @example
 * ```ts
 * await fetch(`${emulator.endpoint}emulator`, { redirect: 'manual' }); // 308, location /emulator/
 * ```
 */
export const redirectToPage = defineRoute({
  method: 'GET',
  path: '/emulator',
  auth: ['loopback'],
  apiVersions: null,
  handle: () => reply(308, undefined, { location: '/emulator/' }),
});

/**
 * `GET /emulator/assets/{name}` → `dashboard.js` or `dashboard.css`, from dist/dashboard/.
 *
 * @example
 * ```ts
 * await fetch(`${emulator.endpoint}emulator/assets/dashboard.js`);
 * ```
 */
export const getAsset = defineRoute({
  method: 'GET',
  path: '/emulator/assets/{name}',
  auth: ['loopback'],
  apiVersions: null,
  handle: (request) => {
    const assets = loadAssets();
    if ('missing' in assets) {
      throw notFound('DashboardNotBuilt', `The dashboard page is not built (${assets.missing}).`);
    }
    const asset = assets.get(request.params.name ?? '');
    if (asset === undefined) {
      throw notFound(
        'NotFound',
        `No dashboard asset '${request.params.name}': the page uses dashboard.js and dashboard.css.`,
      );
    }
    return rawReply(200, asset.bytes, asset.contentType, COMMON_HEADERS);
  },
});
