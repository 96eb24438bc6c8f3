// The smoke suite as a React Native app entry: Metro bundles it with @react-native/babel-preset
// (what React Native apps build with) and the Hermes CLI runs the bundle. rn-globals.js first
// installs exactly the web globals React Native 0.88.1 sets up. No fetch (it rides on native
// networking), so no Entra exchange; `using` is not tried: the React Native Babel preset does not
// transform it (an app would add @babel/plugin-transform-explicit-resource-management).
import './rn-globals.js';
import config from './config.mjs';
import { runSmoke } from './smoke.mjs';

runSmoke(
  { ...config, entraOrigin: undefined },
  {
    runtime: 'react-native',
    signingOptions: globalThis.acsSmokeSigningOptions ?? {},
    async tryUsing() {
      return 'unsupported: @react-native/babel-preset does not transform `using` (not tried)';
    },
  },
).then(
  (report) => globalThis.print(`ACS-SMOKE-REPORT ${JSON.stringify(report)}`),
  (error) => globalThis.print(`ACS-SMOKE-FATAL ${error}`),
);
