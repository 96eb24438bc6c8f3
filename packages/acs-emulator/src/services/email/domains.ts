/**
 * The email domains of the resource: its Azure-managed domain `<resource-id>.azurecomm.net` (so
 * `DoNotReply@<resource-id>.azurecomm.net` works out of the box) and the `--email-domain` ones.
 *
 * @example
 * ```ts
 * resourceDomains('1f0e…', ['contoso.com']); // ['1f0e….azurecomm.net', 'contoso.com']
 * ```
 */
export function resourceDomains(resourceId: string, configured: readonly string[]): string[] {
  const managed = `${resourceId}.azurecomm.net`.toLowerCase();
  return [managed, ...configured.map((domain) => domain.toLowerCase()).filter((domain) => domain !== managed)];
}
