/**
 * The page's calls: the dashboard's JSON API (same origin, `/emulator/api/…`) and the emulator
 * routes behind the actions. Errors carry the emulator's own message (the ACS error envelope).
 */

/** Where the dashboard's API lives. */
export const API = '/emulator/api/';

/**
 * A failed call, with the HTTP status and the emulator's message.
 *
 * @example
 * ```ts
 * try { await getJson('overview'); } catch (error) { if (error instanceof ApiError) error.status; }
 * ```
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

/**
 * GET one of the dashboard's API routes.
 *
 * @example
 * ```ts
 * const overview = await getJson<OverviewView>('overview');
 * ```
 */
export async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(API + path, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new ApiError(response.status, await messageOf(response));
  return (await response.json()) as T;
}

/**
 * Calls an emulator route (an action) with a JSON body; resolves with the status and the answer's
 * text, rejects with an {@link ApiError} for a non-2xx answer.
 *
 * @example
 * ```ts
 * await callRoute('POST', '/emulator/sms/inbound', { from: '+14255550123', to: '+18005550100', message: 'hi' });
 * ```
 */
export async function callRoute(method: string, path: string, body?: unknown): Promise<{ status: number }> {
  const init: RequestInit = { method, headers: { accept: 'application/json' } };
  if (body !== undefined) init.body = JSON.stringify(body);
  if (body !== undefined) init.headers = { accept: 'application/json', 'content-type': 'application/json' };
  const response = await fetch(path, init);
  if (!response.ok) throw new ApiError(response.status, await messageOf(response));
  return { status: response.status };
}

async function messageOf(response: Response): Promise<string> {
  const text = await response.text();
  try {
    const parsed = JSON.parse(text) as { error?: { code?: string; message?: string } };
    if (parsed.error?.message !== undefined) return `${parsed.error.code ?? response.status}: ${parsed.error.message}`;
  } catch {
    // not JSON: fall through
  }
  return `HTTP ${response.status}${text === '' ? '' : `: ${text.slice(0, 200)}`}`;
}

/**
 * Fills a route template's `{param}` segments (percent-encoded).
 *
 * @example
 * ```ts
 * fillPath('/emulator/calls/{callConnectionId}/recognize', { callConnectionId: 'c 1' }); // '/emulator/calls/c%201/recognize'
 * ```
 */
export function fillPath(template: string, params: Readonly<Record<string, string>>): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
}
