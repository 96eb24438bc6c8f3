// The smoke suite in a browser page. Loaded either as an esbuild bundle (the page sets
// `acsSmokeMode = 'bundle'`; esbuild inlines and lowers using.mjs) or unbundled, as ES modules
// through an import map of the package's files (`'import map'`). The report lands in
// `globalThis.acsSmokeReport`, where the driver reads it.
import config from './config.mjs';
import { runSmoke } from './smoke.mjs';

const mode = globalThis.acsSmokeMode;
runSmoke(config, {
  runtime: `browser (${mode})`,
  signingOptions: {},
  async tryUsing(credential) {
    let module;
    try {
      module = await import('./using.mjs');
    } catch (error) {
      if (error instanceof SyntaxError) return 'unsupported: `using` is a SyntaxError here (feature-detected)';
      throw error;
    }
    module.disposeWithUsing(credential);
    return mode === 'bundle' ? '`using` transpiled by esbuild (target es2022)' : '`using` is native here';
  },
}).then(
  (report) => {
    globalThis.acsSmokeReport = report;
  },
  (error) => {
    globalThis.acsSmokeReport = { checks: [{ name: 'the suite runs', ok: false, detail: String(error) }], notes: [] };
  },
);
