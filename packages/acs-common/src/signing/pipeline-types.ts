import type { AbortSignalLike } from '../lib/core-auth-types.js';

/**
 * Structural copies of the few `@azure/core-rest-pipeline` types that our policies touch, so that
 * the library needs no `@azure/*` package at run time or for its types. A policy typed with these
 * is accepted wherever core-rest-pipeline expects a `PipelinePolicy` (its `sendRequest` is generic
 * over the request and response types of whatever pipeline runs it).
 */

/**
 * The header operations the policies use. core-rest-pipeline's `HttpHeaders` satisfies it, and so
 * does a `Headers`-backed adapter.
 *
 * @example
 * ```ts
 * const headers: HttpHeadersLike = createHttpHeaders(); // from @azure/core-rest-pipeline
 * headers.set('x-ms-date', new Date().toUTCString());
 * ```
 */
export interface HttpHeadersLike {
  /** The value of a header (case-insensitive name), or `undefined`. */
  get(name: string): string | undefined;
  /** Sets a header, replacing any previous value (case-insensitive name). */
  set(name: string, value: string | number | boolean): void;
  /** Whether a header is present (case-insensitive name). */
  has(name: string): boolean;
}

/**
 * The parts of a core-rest-pipeline `PipelineRequest` that the policies read or write.
 *
 * @example
 * ```ts
 * const request: PipelineRequest = createPipelineRequest({ url: 'https://contoso.communication.azure.com/identities?api-version=2023-10-01', method: 'POST' });
 * ```
 */
export interface PipelineRequest {
  /** The URL the request goes to. */
  url: string;
  /** The HTTP method. */
  method: string;
  /** The request headers. */
  headers: HttpHeadersLike;
  /** The body as it will be sent (core-rest-pipeline's `RequestBodyType`). */
  body?: unknown;
  /** core-rest-pipeline's form data, turned into a body by a later policy. */
  formData?: unknown;
  /** core-rest-pipeline's multipart body, turned into a body by a later policy. */
  multipartBody?: unknown;
  /** Aborts the request (and a token acquisition it is waiting for). */
  abortSignal?: AbortSignalLike;
}

/**
 * The parts of a core-rest-pipeline `PipelineResponse` that our errors keep.
 *
 * @example
 * ```ts
 * const response: PipelineResponse = await pipeline.sendRequest(httpClient, request);
 * if (response.status === 401) console.log(response.bodyAsText);
 * ```
 */
export interface PipelineResponse {
  /** The request that produced this response. */
  request: PipelineRequest;
  /** The HTTP status code. */
  status: number;
  /** The response headers. */
  headers: HttpHeadersLike;
  /** The body as text, when the client read it as text. */
  bodyAsText?: string | null;
}

/**
 * The next step of a pipeline: sends the request and resolves with the response.
 *
 * @example
 * ```ts
 * const next: SendRequest = (request) => httpClient.sendRequest(request);
 * ```
 */
export type SendRequest<Request extends PipelineRequest = PipelineRequest, Response = PipelineResponse> = (
  request: Request,
) => Promise<Response>;

/**
 * A core-rest-pipeline-compatible policy: a name and a `sendRequest` that may change the request
 * before handing it to `next`. Add it with `pipeline.addPolicy(policy)`.
 *
 * @example
 * ```ts
 * const policy: PipelinePolicy = createCommunicationAccessKeyCredentialPolicy(new AzureKeyCredential(key));
 * pipeline.addPolicy(policy); // pipeline from @azure/core-rest-pipeline
 * ```
 */
export interface PipelinePolicy {
  /** The policy name; pipelines address policies by name. */
  name: string;
  /** Processes `request`, then calls `next` with it and returns (or post-processes) the response. */
  sendRequest<Request extends PipelineRequest, Response>(
    request: Request,
    next: SendRequest<Request, Response>,
  ): Promise<Response>;
}
