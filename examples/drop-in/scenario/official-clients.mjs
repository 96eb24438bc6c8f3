// Runs in a child process started with NODE_EXTRA_CA_CERTS=<the emulator's certificate>.
// The official clients are unmodified; '@azure/communication-common' is acs-common here, through
// the `overrides` entry of package.json. Prints what happened as one JSON object.
import { ChatClient } from '@azure/communication-chat';
import { AzureCommunicationTokenCredential } from '@azure/communication-common';
import { CommunicationIdentityClient } from '@azure/communication-identity';

const endpoint = process.env.EMULATOR_ENDPOINT;
const results = {};

async function outcome(promise) {
  try {
    return { ok: true, value: await promise };
  } catch (error) {
    return { ok: false, statusCode: error?.statusCode, code: error?.code, message: String(error?.message ?? error) };
  }
}

async function listThreads(credential) {
  const page = await new ChatClient(endpoint, credential).listChatThreads().byPage().next();
  return page.value;
}

const identity = new CommunicationIdentityClient(process.env.EMULATOR_CONNECTION_STRING);
const user = await identity.createUser();
const { token: firstToken } = await identity.createUserAndToken(['chat']);
const issued = await identity.getToken(user, ['chat', 'voip'], { tokenExpiresInMinutes: 60 });
results.identity = {
  id: user.communicationUserId,
  expiresOn: issued.expiresOn.toISOString(),
  firstToken: firstToken.length > 0,
};

// Static token.
const staticCredential = new AzureCommunicationTokenCredential(issued.token);
results.staticGetToken = (await staticCredential.getToken()).token === issued.token;
results.chatStatic = await outcome(listThreads(staticCredential));

// Refresher form: the refresher asks the identity client for a token.
let refresherCalls = 0;
const refreshing = new AzureCommunicationTokenCredential({
  tokenRefresher: async () => {
    refresherCalls++;
    return (await identity.getToken(user, ['chat'])).token;
  },
});
results.chatRefresher = await outcome(listThreads(refreshing));
results.refresherCalls = refresherCalls;
refreshing.dispose();

// Revocation and deletion, seen through acs-common's credential.
await identity.revokeTokens(user);
results.chatAfterRevoke = await outcome(listThreads(new AzureCommunicationTokenCredential(issued.token)));
await identity.deleteUser(user);
results.getTokenAfterDelete = await outcome(identity.getToken(user, ['chat']));

// Entra mode: a TokenCredential handing out the emulator's stand-in Entra tokens; acs-common
// exchanges them on /access/entra/:exchangeAccessToken.
let entraCalls = 0;
const entraTokenCredential = {
  async getToken(scopes) {
    entraCalls++;
    const response = await fetch(`${endpoint}emulator/entra/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ objectId: 'drop-in-user', tenantId: 'drop-in-tenant', scopes }),
    });
    const { accessToken, expiresOnTimestamp } = await response.json();
    return { token: accessToken, expiresOnTimestamp };
  },
};
const entra = new AzureCommunicationTokenCredential({
  resourceEndpoint: endpoint,
  tokenCredential: entraTokenCredential,
  scopes: ['https://communication.azure.com/clients/.default'],
});
const exchanged = await outcome(entra.getToken());
results.entraExchange = exchanged.ok
  ? { ok: true, skypeid: JSON.parse(Buffer.from(exchanged.value.token.split('.')[1], 'base64url').toString()).skypeid }
  : exchanged;
results.chatEntra = await outcome(listThreads(entra));
results.entraCalls = entraCalls;
entra.dispose();

// A wrong access key: the HMAC policy (acs-common's) signs, the emulator refuses.
const wrongKey = new CommunicationIdentityClient(
  `endpoint=${endpoint};accesskey=${Buffer.from('wrong').toString('base64')}`,
);
results.wrongKey = await outcome(wrongKey.createUser());

process.stdout.write(`${JSON.stringify(results)}\n`);
