// The web globals a React Native 0.88.1 app has before its code runs, and no others, for the
// Hermes CLI (which has only its engine built-ins plus print, setTimeout, clearTimeout and
// setImmediate). From react-native/src/private/setup/setUpDefaultReactNativeEnvironment.js:
// - setUpGlobals.js: `window` and `self` (= globalThis), `process.env.NODE_ENV`;
// - setUpTimers.js: setTimeout, clearTimeout, setInterval, clearInterval, setImmediate,
//   clearImmediate (RN's JSTimers over the native Timing module: here the CLI's own timers, with
//   setInterval and clearImmediate over them), queueMicrotask (RN's own Timers/queueMicrotask.js);
// - setUpXHR.js: URL and URLSearchParams (RN's own Libraries/Blob/URL.js, bundled from the
//   react-native package; its native blob module is absent, as on a device without it), and
//   AbortController, AbortSignal, fetch, Headers, Request, Response, XMLHttpRequest, FormData,
//   WebSocket, Blob, File, FileReader — these load React Native's native-module bridge, which the
//   CLI does not have: not supplied, so no Entra exchange here (the only user of fetch and abort);
// - setUpNavigator.js: `navigator.product === 'ReactNative'`;
// - console: RN installs its own (here: over the CLI's print).
// Not in React Native 0.88.1's setup, so not here: TextEncoder, TextDecoder, atob, btoa, crypto
// (WebCrypto), structuredClone's dependencies aside, Symbol.dispose — an app that needs them
// adds a polyfill, and the library must say so clearly.
import { URL, URLSearchParams } from 'react-native/Libraries/Blob/URL';
import queueMicrotask from 'react-native/Libraries/Core/Timers/queueMicrotask';

const g = globalThis;
g.window = g;
g.self = g;
g.process = { env: { NODE_ENV: 'production' } };
g.navigator = { product: 'ReactNative' };
const cliSetTimeout = g.setTimeout;
const cliClearTimeout = g.clearTimeout;
const intervals = new Map();
let nextInterval = 1;
g.setInterval = (callback, delay, ...args) => {
  const id = nextInterval++;
  const tick = () => {
    intervals.set(id, cliSetTimeout(tick, delay));
    callback(...args);
  };
  intervals.set(id, cliSetTimeout(tick, delay));
  return id;
};
g.clearInterval = (id) => {
  cliClearTimeout(intervals.get(id));
  intervals.delete(id);
};
g.clearImmediate = g.clearImmediate ?? ((id) => cliClearTimeout(id));
g.queueMicrotask = queueMicrotask;
g.URL = URL;
g.URLSearchParams = URLSearchParams;
const line = (...parts) => g.print(parts.map((p) => (typeof p === 'string' ? p : JSON.stringify(p))).join(' '));
g.console = { log: line, info: line, warn: line, error: line, debug: line };
