// The official @azure/communication-sms@1.1.0, @azure/communication-email@1.1.0 and
// @azure-rest/communication-messages@2.0.0, unmodified, on acs-common (npm `overrides`), against
// the acs-emulator CLI over HTTPS, with an Event Grid subscription to a loopback receiver. The
// clients run in a child process (this file again, with MESSAGING_SCENARIO=1) started with
// NODE_EXTRA_CA_CERTS, the only way to trust the emulator's certificate. Needs `npm run build` at
// the root first.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startCli } from './cli.mjs';

const SELF = fileURLToPath(import.meta.url);
const require = createRequire(import.meta.url);
const CHANNEL = '0f0eb78e-a576-1dfc-b414-0f0756de3338';

if (process.env.MESSAGING_SCENARIO === '1') {
  process.stdout.write(JSON.stringify(await scenario()));
} else {
  suite();
}

/** What the clients do (in the child process). */
async function scenario() {
  const { SmsClient } = await import('@azure/communication-sms');
  const { EmailClient } = await import('@azure/communication-email');
  // A CommonJS package: its `exports.default` is createClient.
  const { default: messagesModule } = await import('@azure-rest/communication-messages');
  const { default: createMessagesClient, isUnexpected } = messagesModule;
  const connectionString = process.env.EMULATOR_CONNECTION_STRING;
  const outcome = async (promise) => {
    try {
      return { ok: true, value: await promise };
    } catch (error) {
      return { ok: false, statusCode: error?.statusCode, code: error?.code, message: String(error?.message ?? error) };
    }
  };
  const results = {};

  const sms = new SmsClient(connectionString);
  results.smsSend = await sms.send(
    { from: '+18005550100', to: ['+14255550123', '+1425555012345'], message: 'Hello from the drop-in' },
    { enableDeliveryReport: true, tag: 'drop-in' },
  );
  results.smsUnknownSender = await outcome(sms.send({ from: '+14255550199', to: ['+14255550123'], message: 'x' }));

  const email = new EmailClient(connectionString);
  const message = {
    senderAddress: process.env.SENDER,
    content: { subject: 'Drop-in', plainText: 'Hello.', html: '<p>Hello.</p>' },
    recipients: { to: [{ address: 'ada@example.com', displayName: 'Ada' }] },
    attachments: [
      { name: 'a.txt', contentType: 'text/plain', contentInBase64: Buffer.from('attached').toString('base64') },
    ],
  };
  results.emailSend = await (await email.beginSend(message)).pollUntilDone();
  results.emailBadAddress = await outcome(
    email.beginSend({ ...message, recipients: { to: [{ address: 'not-an-address' }] } }),
  );
  results.emailOversize = await outcome(
    email.beginSend({
      ...message,
      attachments: [
        {
          name: 'big.bin',
          contentType: 'application/octet-stream',
          contentInBase64: Buffer.alloc(8 << 20).toString('base64'),
        },
      ],
    }),
  );

  const messages = createMessagesClient(connectionString);
  const send = (body) =>
    messages
      .path('/messages/notifications:send')
      .post({ body: { channelRegistrationId: CHANNEL, to: ['14255550123'], ...body } });
  const text = await send({ kind: 'text', content: 'Your order shipped' });
  results.messagesText = { status: text.status, receipts: isUnexpected(text) ? undefined : text.body.receipts };
  const image = await send({ kind: 'image', mediaUri: 'https://example.com/a.png', caption: 'look' });
  results.messagesImage = image.status;
  const template = await send({
    kind: 'template',
    template: {
      name: 'sample_shipping_confirmation',
      language: 'en_US',
      values: [{ name: 'days', kind: 'text', text: '2' }],
      bindings: { kind: 'whatsApp', body: [{ refValue: 'days' }] },
    },
  });
  results.messagesTemplate = template.status;
  const badTemplate = await send({ kind: 'template', template: { name: 'no_such_template', language: 'en_US' } });
  results.messagesBadTemplate = { status: badTemplate.status, body: badTemplate.body };

  // What left the "resource" is captured (the emulator's loopback inspection routes).
  const endpoint = /endpoint=([^;]+)/.exec(connectionString)[1];
  results.smsOutbox = (await (await fetch(`${endpoint}emulator/sms/messages`)).json()).outbox;
  results.emailOutbox = (await (await fetch(`${endpoint}emulator/email/messages`)).json()).value;

  results.commonResolvedTo = [
    '@azure/communication-sms',
    '@azure/communication-email',
    '@azure-rest/communication-messages',
  ].map(
    (name) =>
      createRequire(createRequire(import.meta.url).resolve(name))('@azure/communication-common/package.json').name,
  );
  return results;
}

/** The test suite (in the node:test process). */
function suite() {
  let emulator;
  let ready;
  let receiver;
  const received = [];

  before(async () => {
    receiver = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => {
        body += chunk;
      });
      request.on('end', () => {
        if (request.headers['aeg-event-type'] === 'SubscriptionValidation') {
          const [event] = JSON.parse(body);
          response.writeHead(200, { 'content-type': 'application/json' });
          response.end(JSON.stringify({ validationResponse: event.data.validationCode }));
          return;
        }
        received.push(...JSON.parse(body));
        response.writeHead(200).end();
      });
    });
    await new Promise((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${receiver.address().port}/events`;
    emulator = await startCli(['--email-domain', 'contoso.com', '--event-subscription', url]);
    ready = emulator.ready;
  });

  after(async () => {
    await emulator.stop();
    receiver.closeAllConnections();
    await new Promise((resolve) => receiver.close(resolve));
  });

  test('the override puts acs-common under @azure/communication-common for the messaging clients', () => {
    for (const name of [
      '@azure/communication-sms',
      '@azure/communication-email',
      '@azure-rest/communication-messages',
    ]) {
      assert.equal(
        createRequire(require.resolve(name))('@azure/communication-common/package.json').name,
        'acs-common',
        name,
      );
    }
  });

  test('SMS, email and WhatsApp notifications through the official clients, with their events', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [SELF], {
      env: {
        ...process.env,
        MESSAGING_SCENARIO: '1',
        NODE_EXTRA_CA_CERTS: ready.caCertPath,
        EMULATOR_CONNECTION_STRING: ready.connectionString,
        SENDER: 'DoNotReply@contoso.com',
      },
      timeout: 60_000,
    });
    const results = JSON.parse(stdout);
    assert.deepEqual(results.commonResolvedTo, ['acs-common', 'acs-common', 'acs-common']);

    assert.deepEqual(
      results.smsSend.map((item) => [item.to, item.httpStatusCode, item.successful]),
      [
        ['+14255550123', 202, true],
        ['+1425555012345', 400, false],
      ],
    );
    assert.equal(results.smsSend[1].errorMessage, 'Invalid To phone number format.');
    assert.equal(results.smsUnknownSender.ok, false);
    assert.equal(results.smsUnknownSender.statusCode, 401);

    assert.equal(results.emailSend.status, 'Succeeded');
    assert.equal(results.emailBadAddress.statusCode, 400);
    assert.equal(results.emailBadAddress.code, 'InvalidEmailAddress');
    assert.equal(results.emailOversize.statusCode, 413);

    assert.equal(results.messagesText.status, '202');
    assert.equal(results.messagesText.receipts.length, 1);
    assert.equal(results.messagesImage, '202');
    assert.equal(results.messagesTemplate, '202');
    assert.equal(results.messagesBadTemplate.status, '400');
    assert.equal(results.messagesBadTemplate.body.error.code, 'InvalidTemplate');

    // What left the "resource" is captured.
    assert.ok(
      results.smsOutbox.some(
        (sms) => sms.messageId === results.smsSend[0].messageId && sms.message === 'Hello from the drop-in',
      ),
    );
    assert.ok(
      results.emailOutbox.some((entry) => entry.id === results.emailSend.id && entry.attachments[0].name === 'a.txt'),
    );

    // And the events reached the webhook (Event Grid schema).
    const wanted = [
      'Microsoft.Communication.SMSDeliveryReportReceived',
      'Microsoft.Communication.EmailDeliveryReportReceived',
      'Microsoft.Communication.AdvancedMessageDeliveryStatusUpdated',
    ];
    while (!wanted.every((type) => received.some((event) => event.eventType === type))) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const report = received.find((event) => event.eventType === wanted[0]);
    assert.equal(report.data.messageId, results.smsSend[0].messageId);
    assert.equal(report.data.tag, 'drop-in');
  });
}
