/**
 * The dashboard's response headers. The page may load only its own script, stylesheet and API
 * (no inline script or style, no other origin); an email's html is framed from a document whose
 * own CSP blocks every load and whose `sandbox` directive (beside the iframe's `sandbox=""`) denies
 * scripts, forms and same-origin access.
 */

/** The page's Content-Security-Policy. */
export const PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self'",
  "form-action 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** An email html document's Content-Security-Policy: inline styles and data: images only. */
export const EMAIL_CSP = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  'img-src data:',
  "font-src 'none'",
  "form-action 'none'",
  "base-uri 'none'",
  "frame-ancestors 'self'",
  'sandbox',
].join('; ');

/**
 * Headers on every dashboard answer (page, assets, API).
 *
 * @example
 * ```ts
 * rawReply(200, html, 'text/html; charset=utf-8', { ...COMMON_HEADERS, 'content-security-policy': PAGE_CSP });
 * ```
 */
export const COMMON_HEADERS: Readonly<Record<string, string>> = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
};
