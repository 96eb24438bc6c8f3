// The official clients, unmodified, against a running emulator (started by dashboard.mjs with
// NODE_EXTRA_CA_CERTS set to its certificate): a user and token, a chat thread with a message,
// an SMS, and a request signed with a wrong key. Prints one JSON line with what it did.
// argv: <connection string> [sms] [email] [callback URL: place a call and start a DTMF recognize]
import { ChatClient } from '@azure/communication-chat';
import { AzureCommunicationTokenCredential } from '@azure/communication-common';
import { CommunicationIdentityClient } from '@azure/communication-identity';

const [connectionString, withSms, withEmail, callbackUrl] = process.argv.slice(2);
const endpoint = /endpoint=([^;]+)/.exec(connectionString)[1];
const out = {};

const identity = new CommunicationIdentityClient(connectionString);
const { user, token } = await identity.createUserAndToken(['chat']);
out.userId = user.communicationUserId;

// Each step reports its own failure, so one missing service does not hide the others.
const step = async (name, work) => {
  try {
    await work();
  } catch (error) {
    out[`${name}Error`] = `${error.statusCode ?? ''} ${error.message}`.trim().slice(0, 300);
  }
};

const chat = new ChatClient(endpoint, new AzureCommunicationTokenCredential(token));
await step('chat', async () => {
  const { chatThread } = await chat.createChatThread(
    { topic: 'Dashboard browser test' },
    { participants: [{ id: user, displayName: 'Ada (browser test)' }] },
  );
  out.threadId = chatThread.id;
  const sent = await chat.getChatThreadClient(chatThread.id).sendMessage({ content: 'Hello <b>dashboard</b> & co' });
  out.messageId = sent.id;
});

if (withSms === 'sms') {
  await step('sms', async () => {
    const { SmsClient } = await import('@azure/communication-sms');
    const [result] = await new SmsClient(connectionString).send({
      from: '+18005550100',
      to: ['+14255550123'],
      message: 'SMS from the browser test',
    });
    out.sms = { successful: result.successful, messageId: result.messageId ?? null };
  });
}

if (withEmail === 'email') {
  await step('email', async () => {
    const { EmailClient } = await import('@azure/communication-email');
    const poller = await new EmailClient(connectionString).beginSend({
      senderAddress: 'donotreply@contoso.com',
      content: {
        subject: 'Welcome from the browser test',
        plainText: 'Welcome (plain text)',
        // A script and a remote image: the dashboard must show the heading and run/load neither.
        html: '<h1 id="welcome">Welcome, Ada</h1><script>parent.document.title = "pwned"; document.title = "ran";</script><img src="https://example.invalid/pixel.png" alt="">',
      },
      recipients: { to: [{ address: 'ada@contoso.com', displayName: 'Ada' }] },
      attachments: [
        {
          name: 'notes.txt',
          contentType: 'text/plain',
          contentInBase64: Buffer.from('attached notes').toString('base64'),
        },
      ],
    });
    out.email = { id: poller.getOperationState().result?.id ?? null };
  });
}

if (callbackUrl) {
  await step('call', async () => {
    const { CallAutomationClient } = await import('@azure/communication-call-automation');
    const created = await new CallAutomationClient(connectionString).createCall(
      { targetParticipant: user },
      callbackUrl,
    );
    const connection = created.callConnection;
    out.callId = created.callConnectionProperties.callConnectionId;
    // The emulator connects the call a moment later (CallConnected); recognize needs it connected.
    while ((await connection.getCallConnectionProperties()).callConnectionState !== 'connected') {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    await connection.getCallMedia().startRecognizing(user, {
      kind: 'callMediaRecognizeDtmfOptions',
      maxTonesToCollect: 3,
      stopDtmfTones: ['pound'],
      operationContext: 'dashboard-pin',
    });
  });
}

// A wrong key: same endpoint, another (valid base64) key. The emulator must refuse it.
const wrongKey = Buffer.alloc(64, 7).toString('base64');
try {
  await new CommunicationIdentityClient(`endpoint=${endpoint};accesskey=${wrongKey}`).createUser();
  out.wrongKey = { status: 'accepted' };
} catch (error) {
  out.wrongKey = { status: error.statusCode ?? null, code: error.code ?? null };
}
process.stdout.write(`${JSON.stringify(out)}\n`);
