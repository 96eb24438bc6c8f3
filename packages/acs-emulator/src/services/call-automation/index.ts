import { defineService } from '../../host/service.js';
import {
  answerCallRoute,
  connectCallRoute,
  createCallRoute,
  getCallRoute,
  hangUpRoute,
  redirectCallRoute,
  rejectCallRoute,
  terminateRoute,
} from './call-routes.js';
import { holdParticipantRoute, muteRoute, sendDtmfTonesRoute, unholdParticipantRoute } from './control-routes.js';
import {
  getCallDetailsRoute,
  getSettingsRoute,
  listCallsRoute,
  participantLeavesRoute,
  raiseIncomingCallRoute,
  supplyRecognizeInputRoute,
  updateSettingsRoute,
} from './emulator-routes.js';
import { cancelAllMediaRoute, playRoute, recognizeRoute } from './media-routes.js';
import {
  addParticipantRoute,
  getParticipantRoute,
  listParticipantsRoute,
  removeParticipantRoute,
  transferRoute,
} from './participant-routes.js';
import { startScheduler } from './scheduler.js';

/**
 * Call Automation (`@azure/communication-call-automation`): a simulated call model for testing a
 * bot's control flow — calls, participants, transfer, play and recognize — whose outcomes reach
 * the app's callbackUri as the service's CloudEvents. No media is carried.
 *
 * @example
 * ```ts
 * import { service as callAutomation } from './call-automation/index.js';
 * ```
 */
export const service = defineService({
  name: 'call-automation',
  // Stable versions of the contract, the previews the Python client sends, and 1.6.0's 2026-03-12.
  apiVersions: [
    '2023-03-06',
    '2023-10-15',
    '2024-04-15',
    '2024-09-15',
    '2025-05-15',
    '2026-03-12',
    '2023-10-03-preview',
    '2024-09-01-preview',
  ],
  collections: ['calls', 'incoming', 'wakeups', 'events', 'settings', 'repeatability'],
  routes: [
    createCallRoute,
    answerCallRoute,
    connectCallRoute,
    rejectCallRoute,
    redirectCallRoute,
    getCallRoute,
    hangUpRoute,
    terminateRoute,
    listParticipantsRoute,
    getParticipantRoute,
    addParticipantRoute,
    removeParticipantRoute,
    transferRoute,
    playRoute,
    recognizeRoute,
    cancelAllMediaRoute,
    muteRoute,
    holdParticipantRoute,
    unholdParticipantRoute,
    sendDtmfTonesRoute,
    raiseIncomingCallRoute,
    supplyRecognizeInputRoute,
    participantLeavesRoute,
    getSettingsRoute,
    updateSettingsRoute,
    listCallsRoute,
    getCallDetailsRoute,
  ],
  start: (host) => startScheduler(host),
});
