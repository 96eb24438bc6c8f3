// ESM resolve hook (module.register): `@azure/communication-common` resolves to acs-common, as
// the npm `overrides` of examples/drop-in do; each redirect is reported on the given port.
let port;

export function initialize(data) {
  port = data.port;
}

export async function resolve(specifier, context, next) {
  if (specifier !== '@azure/communication-common') return next(specifier, context);
  const resolved = await next('acs-common', context);
  port.postMessage({ parentURL: context.parentURL, url: resolved.url });
  return resolved;
}
