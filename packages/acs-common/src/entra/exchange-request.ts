/**
 * Builds the exchange request (pure): the "build" step of build → send → process.
 * Reference: js-common §3.6, dotnet-common §3.3, peers-and-pain §3a.
 */

/**
 * One exchange request, ready for `fetch`. Holds the Entra token in `headers.Authorization`:
 * internal, never logged, never attached to an error.
 *
 * @example
 * ```ts
 * const { url, method, headers, body }: ExchangeRequest = buildExchangeRequest(url, entraToken);
 * ```
 */
export interface ExchangeRequest {
  readonly url: string;
  readonly method: 'POST';
  readonly headers: Readonly<Record<'Authorization' | 'Content-Type' | 'Accept', string>>;
  /** The request models of both routes have no properties. */
  readonly body: '{}';
}

/**
 * The request that exchanges `entraToken` at `url` (see `exchangeUrl`).
 *
 * @example
 * ```ts
 * const request = buildExchangeRequest(exchangeUrl(endpoint, route), entraToken);
 * await fetch(request.url, request);
 * ```
 */
export function buildExchangeRequest(url: string, entraToken: string): ExchangeRequest {
  return {
    url,
    method: 'POST',
    headers: {
      Authorization: `Bearer ${entraToken}`,
      'Content-Type': 'application/json',
      Accept: 'application/json',
    },
    body: '{}',
  };
}
