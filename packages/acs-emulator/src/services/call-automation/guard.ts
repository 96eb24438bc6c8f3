import { isLoopbackHost } from '../../host/auth/loopback.js';
import { badRequest, ServiceError } from '../../host/errors.js';
import type { RequestContext } from '../../host/service.js';
import { CallModelError } from './errors.js';

/**
 * The edge between HTTP and the call model: model refusals become the service's error envelope,
 * and callback URLs are checked before a call is accepted (callbacks go to loopback hosts or to
 * hosts the user named with `--callback-host`, never anywhere else).
 */

/**
 * Runs `work`, answering a `CallModelError` as the service's error.
 *
 * @example
 * ```ts
 * return guarded(() => reply(202, { operationContext }));
 * ```
 */
export function guarded<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof CallModelError) throw new ServiceError(error.status, error.code, error.message);
    throw error;
  }
}

/**
 * Checks a mid-call operation's own `operationCallbackUri`, when it names one (400 as
 * {@link checkCallbackUrl}).
 *
 * @example
 * ```ts
 * checkOperationCallbackUri(ctx, request.body.operationCallbackUri);
 * ```
 */
export function checkOperationCallbackUri(ctx: Pick<RequestContext, 'options'>, url: string | undefined): void {
  if (url !== undefined) checkCallbackUrl(ctx, url, 'operationCallbackUri');
}

/**
 * Throws 400 unless `url` is an absolute http(s) URL the emulator may call back.
 *
 * @example
 * ```ts
 * checkCallbackUrl(ctx, request.body.callbackUri, 'callbackUri');
 * ```
 */
export function checkCallbackUrl(ctx: Pick<RequestContext, 'options'>, url: string, target: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw badRequest(
      'InvalidCallbackUri',
      `${target} must be an absolute URL such as https://127.0.0.1:8080/callback.`,
      target,
    );
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw badRequest('InvalidCallbackUri', `${target} must be an http or https URL.`, target);
  }
  const host = parsed.hostname.toLowerCase();
  if (!isLoopbackHost(host) && !ctx.options.callbackHosts.includes(host)) {
    throw badRequest(
      'InvalidCallbackUri',
      `${target} host '${host}' is not loopback: the emulator calls back only loopback hosts and hosts named with --callback-host (start it with --callback-host ${host}).`,
      target,
    );
  }
}

/**
 * Throws 400 unless `number` is one of the resource's phone numbers (the `--phone-number` option).
 *
 * @example
 * ```ts
 * checkOwnedNumber(ctx, '+18005550100', 'sourceCallerIdNumber.value');
 * ```
 */
export function checkOwnedNumber(ctx: Pick<RequestContext, 'options'>, number: string, target: string): void {
  if (!ctx.options.phoneNumbers.includes(number)) {
    throw badRequest(
      'InvalidSourceCallerIdNumber',
      `${target} ${number} is not a number of this resource (it owns ${ctx.options.phoneNumbers.join(', ') || 'none'}; add numbers with --phone-number).`,
      target,
    );
  }
}
