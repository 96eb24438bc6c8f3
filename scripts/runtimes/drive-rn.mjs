// Bundles suite/rn-main.js with Metro (toolchain package; needs Node ≥ 22, so this runs under the
// toolchain's newest Node) and runs the bundle on the Hermes CLI (hermes-engine-cli), printing
// the report line. Usage: drive-rn.mjs PROJECT_DIR TOOLCHAIN_MODULES HERMES ENTRY
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const [project, toolchainModules, hermes, entry] = process.argv.slice(2);
const require = createRequire(join(toolchainModules, 'noop.js'));
const Metro = require('metro');
const { getDefaultConfig, mergeConfig } = require('metro-config');

const stub = join(project, 'rn-native-module-absent.js');
// TurboModuleRegistry.get() of a native module the host does not have: null.
writeFileSync(stub, 'export default null;\n');
writeFileSync(
  join(project, 'babel.config.cjs'),
  // The preset's Hermes profiles keep classes and private fields for the Hermes of React Native
  // 0.88; Hermes 0.12 (the CLI on npm) lacks them, so the preset's full ('default') profile.
  `module.exports = { presets: [[${JSON.stringify(require.resolve('@react-native/babel-preset'))}, { unstable_transformProfile: 'default' }]] };\n`,
);
const config = mergeConfig(await getDefaultConfig(project), {
  projectRoot: project,
  watchFolders: [project, toolchainModules],
  cacheStores: [],
  resolver: {
    useWatchman: false,
    sourceExts: ['js', 'mjs', 'cjs', 'json'],
    nodeModulesPaths: [join(project, 'node_modules'), toolchainModules],
    unstable_enablePackageExports: true,
    unstable_conditionNames: ['react-native', 'require'],
    resolveRequest: (context, moduleName, platform) =>
      /\/NativeBlobModule$/.test(moduleName)
        ? { type: 'sourceFile', filePath: stub }
        : context.resolveRequest(context, moduleName, platform),
  },
  transformer: { babelTransformerPath: require.resolve('metro-babel-transformer') },
  serializer: { getModulesRunBeforeMainModule: () => [], getPolyfills: () => [] },
});
const out = join(project, entry.replace(/\.js$/, '.bundle.js'));
await Metro.runBuild(config, {
  entry: join(project, entry),
  out,
  platform: 'android',
  dev: false,
  minify: false,
});
const { version } = require('react-native/package.json');
const child = await new Promise((resolve) => {
  execFile(hermes, [out], { timeout: 60_000, encoding: 'utf8' }, (error, stdout, stderr) =>
    resolve({ error, stdout, stderr }),
  );
});
const hermesVersion = (
  await new Promise((resolve) => execFile(hermes, ['--version'], { encoding: 'utf8' }, (_e, stdout) => resolve(stdout)))
).match(/Hermes release version: (\S+)/)?.[1];
console.log(`ACS-RUNTIME-VERSION Hermes ${hermesVersion} (hermes-engine-cli), React Native ${version} globals, Metro`);
process.stdout.write(child.stdout);
process.stderr.write(child.stderr);
