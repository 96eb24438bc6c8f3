/**
 * Email addresses as the Email service accepts them: `local@domain`, a dot-atom local part of at
 * most 64 characters, a domain of dot-separated labels (letters, digits, inner hyphens, at most 63
 * each) with at least two labels, 254 characters in all. Quoted local parts and address literals,
 * which the service refuses too, are refused.
 */

const LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LABEL = /^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/** A parsed address. */
export interface EmailAddressParts {
  readonly local: string;
  /** Lower-cased. */
  readonly domain: string;
}

/**
 * Parses an address, or `undefined` when the service would refuse it.
 *
 * @example
 * ```ts
 * parseEmailAddress('DoNotReply@contoso.azurecomm.net'); // { local: 'DoNotReply', domain: 'contoso.azurecomm.net' }
 * parseEmailAddress('not-an-address'); // undefined
 * ```
 */
export function parseEmailAddress(value: string): EmailAddressParts | undefined {
  if (value.length > 254) return undefined;
  const at = value.lastIndexOf('@');
  if (at <= 0 || at === value.length - 1) return undefined;
  const local = value.slice(0, at);
  const domain = value.slice(at + 1).toLowerCase();
  if (local.length > 64 || !LOCAL.test(local)) return undefined;
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((label) => LABEL.test(label))) return undefined;
  if (/^\d+$/.test(labels[labels.length - 1] as string)) return undefined;
  return { local, domain };
}
