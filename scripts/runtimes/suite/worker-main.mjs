// The smoke suite as a Cloudflare Worker (workerd, through miniflare): esbuild bundles this
// module with the package's browser platform file; each request runs the suite and answers with
// the report as JSON. `using` is lowered by esbuild.
import config from './config.mjs';
import { runSmoke } from './smoke.mjs';

export default {
  async fetch() {
    const report = await runSmoke(config, {
      runtime: 'workerd',
      signingOptions: {},
      async tryUsing(credential) {
        const module = await import('./using.mjs');
        module.disposeWithUsing(credential);
        return '`using` transpiled by esbuild (target es2022)';
      },
    });
    return new Response(JSON.stringify(report), { headers: { 'content-type': 'application/json' } });
  },
};
