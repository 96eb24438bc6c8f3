// The web globals a React Native 0.88.1 app has before its code runs, and no others, for the
// Hermes CLI (which has only its engine built-ins plus print, setTimeout, clearTimeout and
// setImmediate). From react-native/src/private/setup/setUpDefaultReactNativeEnvironment.js:
// - setUpGlobals.js: `window` and `self` (= globalThis), `process.env.NODE_ENV`;
// - setUpTimers.js: setTimeout, clearTimeout, setInterval, clearInterval, setImmediate,
//   clearImmediate (RN's JSTimers over the native Timing module: here timers over the CLI's task
//   queue, below), queueMicrotask (RN's own Timers/queueMicrotask.js);
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
// React Native's timers wait for their delay (JSTimers over the native Timing module). The Hermes
// 0.12 CLI's setTimeout queues the callback without waiting, so these timers keep their own due
// times and poll the CLI's task queue until one is due (CPU-bound while a timer is pending).
const cliSetTimeout = g.setTimeout;
const timers = new Map();
let nextTimer = 1;
let polling = false;
const poll = () => {
  if (polling) return;
  polling = true;
  cliSetTimeout(tick, 0);
};
const tick = () => {
  polling = false;
  const now = Date.now();
  const due = [...timers].filter(([, timer]) => timer.at <= now).sort(([a, x], [b, y]) => x.at - y.at || a - b);
  for (const [id, timer] of due) {
    if (!timers.delete(id)) continue;
    timer.callback(...timer.args);
  }
  if (timers.size > 0) poll();
};
g.setTimeout = (callback, delay, ...args) => {
  const id = nextTimer++;
  timers.set(id, { at: Date.now() + Math.max(0, Number(delay) || 0), callback, args });
  poll();
  return id;
};
g.clearTimeout = (id) => {
  timers.delete(id);
};
const intervals = new Map();
g.setInterval = (callback, delay, ...args) => {
  const id = nextTimer++;
  const repeat = () => {
    intervals.set(id, g.setTimeout(repeat, delay));
    callback(...args);
  };
  intervals.set(id, g.setTimeout(repeat, delay));
  return id;
};
g.clearInterval = (id) => {
  g.clearTimeout(intervals.get(id));
  intervals.delete(id);
};
g.clearImmediate = g.clearImmediate ?? (() => {});
g.queueMicrotask = queueMicrotask;
g.URL = URL;
g.URLSearchParams = URLSearchParams;
const line = (...parts) => g.print(parts.map((p) => (typeof p === 'string' ? p : JSON.stringify(p))).join(' '));
g.console = { log: line, info: line, warn: line, error: line, debug: line };
