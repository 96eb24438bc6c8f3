// The client half of `npm start` (see demo.mjs): a readable timeline of acs-common against the
// emulator. Every token below comes from the emulator; every request is verified by it.
import { ChatClient } from '@azure/communication-chat';
import { AzureCommunicationTokenCredential, createHmacHeaders, parseConnectionString } from 'acs-common';
import { ManualClock } from 'acs-common/testing';

const endpoint = process.env.ACS_EMULATOR_ENDPOINT;
const { credential: accessKey } = parseConnectionString(process.env.ACS_EMULATOR_CONNECTION_STRING);
const started = performance.now();
const MINUTE = 60_000;

function step(text) {
  const elapsed = ((performance.now() - started) / 1000).toFixed(2).padStart(6);
  console.log(`[${elapsed} s] ${text}`);
}

/** The claims of a JWT, for display (the emulator's tokens are real signed JWTs). */
function claims(token) {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
}

function describe(token) {
  const { skypeid, acsScope, iat, exp } = claims(token);
  return `token for ${skypeid}, scopes ${acsScope}, lifetime ${Math.round((exp - iat) / 60)} min`;
}

/** An admin call signed with the access key (HMAC-SHA256), as a server-side app would make it. */
async function admin(method, path, body) {
  const url = new URL(path, endpoint);
  const text = body === undefined ? '' : JSON.stringify(body);
  const headers = await createHmacHeaders({ method, url, body: text, key: accessKey.key });
  const response = await fetch(url, {
    method,
    body: text || undefined,
    headers: { ...headers, 'content-type': 'application/json' },
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.status === 204 ? undefined : response.json();
}

const issueToken = async (userId) =>
  (
    await admin('POST', `/identities/${encodeURIComponent(userId)}/:issueAccessToken?api-version=2023-10-01`, {
      scopes: ['chat', 'voip'],
      expiresInMinutes: 60,
    })
  ).token;

// 1. A user, created with an HMAC-signed request.
const { identity, accessToken } = await admin('POST', '/identities?api-version=2023-10-01', {
  createTokenWithScopes: ['chat'],
});
step(`created user ${identity.id} with an HMAC-signed POST /identities`);

// 2. Static token.
const staticCredential = new AzureCommunicationTokenCredential(accessToken.token);
step(`static credential: ${describe((await staticCredential.getToken()).token)}`);

// 3. Refresh callback: called when needed, shared by concurrent callers.
let refresherCalls = 0;
const refreshing = new AzureCommunicationTokenCredential({
  tokenRefresher: async () => {
    refresherCalls++;
    return issueToken(identity.id);
  },
});
await Promise.all(Array.from({ length: 100 }, () => refreshing.getToken()));
step(`refresher credential: 100 concurrent getToken calls -> ${refresherCalls} refresher call`);

// 4. Proactive refresh with an initial 60-minute token. The credential runs on a ManualClock so
//    that 50 minutes pass in an instant; the emulator still issues real 60-minute tokens.
const initialToken = await issueToken(identity.id);
const clock = new ManualClock(Date.now());
const virtual = () => `t+${Math.round((clock.now() - start) / MINUTE)} min`;
const start = clock.now();
let onRefreshed;
const refreshed = new Promise((resolve) => {
  onRefreshed = resolve;
});
const proactive = new AzureCommunicationTokenCredential({
  token: initialToken,
  refreshProactively: true,
  clock,
  tokenRefresher: async () => {
    const token = await issueToken(identity.id);
    step(`  ${virtual()}: proactive refresh fetched a new ${describe(token)}`);
    setTimeout(() => onRefreshed(token));
    return token;
  },
});
step(`proactive credential with an initial token: next refresh due at t+50 min (10 min before expiry)`);
await clock.advanceAsync(49 * MINUTE);
step(`  ${virtual()}: nothing yet`);
await clock.advanceAsync(MINUTE);
const fetched = await refreshed;
const served = await proactive.getToken();
step(
  `  ${virtual()}: getToken hands out the refreshed token from the cache (${served.token === fetched ? 'ok' : 'unexpected'})`,
);
proactive.dispose();

// 5. An Entra ID user: the emulator's test-only route stands in for Microsoft Entra ID.
const emulatorEntra = {
  async getToken(scopes) {
    const response = await fetch(new URL('/emulator/entra/token', endpoint), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ objectId: 'alice', tenantId: 'contoso', scopes: [scopes].flat() }),
    });
    const { accessToken: token, expiresOn } = await response.json();
    return { token, expiresOnTimestamp: Date.parse(expiresOn) };
  },
};
const entra = new AzureCommunicationTokenCredential({
  resourceEndpoint: endpoint,
  tokenCredential: emulatorEntra,
  scopes: ['https://communication.azure.com/clients/VoIP'],
});
step(
  `Entra credential: exchanged an Entra token at /access/entra/:exchangeAccessToken -> ${describe((await entra.getToken()).token)}`,
);

// 6. The official ChatClient with our credential: a conversation between two users. The emulator
//    verifies every bearer token and keeps the thread as the Chat service does.
const chat = new ChatClient(endpoint, refreshing);
const bob = await admin('POST', '/identities?api-version=2023-10-01', { createTokenWithScopes: ['chat'] });
const bobChat = new ChatClient(endpoint, new AzureCommunicationTokenCredential(bob.accessToken.token));
const { chatThread } = await chat.createChatThread(
  { topic: 'Lunch' },
  {
    participants: [
      { id: { communicationUserId: identity.id }, displayName: 'Ann' },
      { id: { communicationUserId: bob.identity.id }, displayName: 'Bob' },
    ],
  },
);
step(`ChatClient (official) with acs-common's credential: Ann created thread ${chatThread.id} with Bob`);
const annThread = chat.getChatThreadClient(chatThread.id);
const bobThread = bobChat.getChatThreadClient(chatThread.id);
const question = await annThread.sendMessage({ content: 'Pizza at noon?' }, { senderDisplayName: 'Ann' });
await bobThread.sendTypingNotification({ senderDisplayName: 'Bob' });
await bobThread.sendMessage({ content: 'Yes! <b>Margherita</b> for me' }, { senderDisplayName: 'Bob', type: 'html' });
await bobThread.sendReadReceipt({ chatMessageId: question.id });
await annThread.updateMessage(question.id, { content: 'Pizza at 12:30?' });
await annThread.updateTopic('Lunch at 12:30');
const conversation = [];
for await (const message of annThread.listMessages()) conversation.unshift(message);
for (const message of conversation) {
  const who = message.senderDisplayName ?? 'system';
  const what =
    message.content?.message ??
    (message.type === 'topicUpdated'
      ? `topic is now '${message.content?.topic}'`
      : `${message.type}: ${message.content?.participants?.map((p) => p.displayName).join(', ')}`);
  step(`  #${message.sequenceId} ${who}: ${what}${message.editedOn ? ' (edited)' : ''}`);
}
const receipts = [];
for await (const r of annThread.listReadReceipts()) receipts.push(r);
const [receipt] = receipts;
step(
  `  read receipt: Bob has read message ${receipt?.chatMessageId} (${receipt?.chatMessageId === question.id ? "Ann's question" : 'unexpected'})`,
);
const outsider = await admin('POST', '/identities?api-version=2023-10-01', { createTokenWithScopes: ['chat'] });
const eve = new ChatClient(endpoint, new AzureCommunicationTokenCredential(outsider.accessToken.token));
const refused = await eve
  .getChatThreadClient(chatThread.id)
  .sendMessage({ content: 'let me in' })
  .then(
    () => 'accepted (unexpected)',
    (error) => `refused with ${error.statusCode} ${error.code}`,
  );
step(`  a user who is not a participant tries to post: ${refused}`);

for (const credential of [staticCredential, refreshing, entra]) credential.dispose();
step('done: every credential disposed, nothing left running');
