// The official ChatClient on acs-common (through npm overrides) against a running emulator, in a
// child process started with NODE_EXTRA_CA_CERTS. Two phases, one JSON object on stdout each:
//   node chat.mjs write            a conversation: thread, participants, messages, receipts
//   node chat.mjs read '<json>'    after a restart: read it all back (new tokens, same users)
import { ChatClient } from '@azure/communication-chat';
import { AzureCommunicationTokenCredential } from '@azure/communication-common';
import { CommunicationIdentityClient } from '@azure/communication-identity';

const endpoint = process.env.EMULATOR_ENDPOINT;
const identity = new CommunicationIdentityClient(process.env.EMULATOR_CONNECTION_STRING);
const [phase, input] = process.argv.slice(2);

async function clientFor(user) {
  const { token } = await identity.getToken(user, ['chat']);
  return new ChatClient(endpoint, new AzureCommunicationTokenCredential(token));
}

async function all(iterable) {
  const items = [];
  for await (const item of iterable) items.push(item);
  return items;
}

async function pageSizes(iterable) {
  const sizes = [];
  for await (const page of iterable.byPage()) sizes.push(page.length);
  return sizes;
}

async function outcome(promise) {
  try {
    await promise;
    return { ok: true };
  } catch (error) {
    return { ok: false, statusCode: error?.statusCode, code: error?.code };
  }
}

function summary(messages) {
  return messages.map((m) => ({
    id: m.id,
    type: m.type,
    sequenceId: m.sequenceId,
    message: m.content?.message,
    topic: m.content?.topic,
    deleted: m.deletedOn !== undefined,
    edited: m.editedOn !== undefined,
  }));
}

if (phase === 'write') {
  const ann = await identity.createUser();
  const bob = await identity.createUser();
  const eve = await identity.createUser();
  const annChat = await clientFor(ann);
  const request = { topic: 'Drop-in chat' };
  const options = {
    participants: [
      { id: ann, displayName: 'Ann' },
      { id: bob, displayName: 'Bob' },
    ],
    idempotencyToken: 'drop-in-1',
  };
  const created = await annChat.createChatThread(request, options);
  const repeated = await annChat.createChatThread(request, options);
  const threadId = created.chatThread.id;
  const annThread = annChat.getChatThreadClient(threadId);
  const bobThread = (await clientFor(bob)).getChatThreadClient(threadId);
  const first = await annThread.sendMessage({ content: 'Hello Bob' }, { senderDisplayName: 'Ann' });
  const second = await bobThread.sendMessage({ content: '<p>Hi Ann</p>' }, { type: 'html', senderDisplayName: 'Bob' });
  const third = await annThread.sendMessage({ content: 'Tpyo' });
  await annThread.updateMessage(third.id, { content: 'Typo' });
  const fourth = await annThread.sendMessage({ content: 'Never mind' });
  await annThread.deleteMessage(fourth.id);
  await bobThread.sendReadReceipt({ chatMessageId: first.id });
  const typing = await bobThread.sendTypingNotification({ senderDisplayName: 'Bob' });
  await annThread.updateTopic('Drop-in chat, renamed');
  const eveThread = (await clientFor(eve)).getChatThreadClient(threadId);
  const outsider = await outcome(eveThread.sendMessage({ content: 'let me in' }));
  console.log(
    JSON.stringify({
      users: { ann: ann.communicationUserId, bob: bob.communicationUserId },
      threadId,
      repeatedSameThread: repeated.chatThread.id === threadId,
      messageIds: [first.id, second.id],
      typing,
      outsider,
      messagePages: await pageSizes(annThread.listMessages({ maxPageSize: 3 })),
      messages: summary(await all(annThread.listMessages())),
      participants: (await all(annThread.listParticipants())).map((p) => p.displayName),
      receipts: (await all(annThread.listReadReceipts())).map((r) => r.chatMessageId),
      properties: { topic: (await bobThread.getProperties()).topic },
    }),
  );
} else if (phase === 'read') {
  const before = JSON.parse(input);
  const annChat = await clientFor({ communicationUserId: before.users.ann });
  const annThread = annChat.getChatThreadClient(before.threadId);
  const bobThread = (await clientFor({ communicationUserId: before.users.bob })).getChatThreadClient(before.threadId);
  const survived = {
    messages: summary(await all(annThread.listMessages())),
    participants: (await all(annThread.listParticipants())).map((p) => p.displayName),
    receipts: (await all(annThread.listReadReceipts())).map((r) => r.chatMessageId),
    properties: { topic: (await bobThread.getProperties()).topic },
  };
  await annThread.removeParticipant({ communicationUserId: before.users.bob });
  const removedBob = await outcome(bobThread.getProperties());
  await annChat.deleteChatThread(before.threadId);
  const afterDelete = await outcome(annThread.getProperties());
  const listed = (await all(annChat.listChatThreads())).find((t) => t.id === before.threadId);
  console.log(JSON.stringify({ survived, removedBob, afterDelete, listedAsDeleted: listed?.deletedOn !== undefined }));
} else {
  throw new Error(`usage: chat.mjs write | read '<json from write>' (got '${phase}')`);
}
