/**
 * The dashboard page's entry point (bundled by scripts/build-dashboard.mjs into
 * dist/dashboard/dashboard.js): start the live feed, render the app.
 */
import { render } from 'preact';
import { App } from './app.js';
import { LiveFeed } from './live.js';

const feed = new LiveFeed();
feed.start();
const root = document.getElementById('app');
if (root !== null) render(<App feed={feed} />, root);
