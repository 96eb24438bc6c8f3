// An ES-module consumer of every entry point, type-checked against the BUILT declarations
// (dist/*.d.ts) under moduleResolution node16, nodenext and bundler, with skipLibCheck off.
import {
  AzureCommunicationTokenCredential,
  type CommunicationIdentifier,
  type CommunicationIdentifierKind,
  createIdentifierFromRawId,
  getIdentifierRawId,
  isKeyCredential,
  parseClientArguments,
  type SerializedCommunicationIdentifier,
  serializeCommunicationIdentifier,
} from 'acs-common';
import {
  AbortError,
  type AccessToken,
  AcsError,
  type CommunicationTokenCredential,
  type CommunicationTokenRefreshOptions,
  AzureCommunicationTokenCredential as StaticOrRefreshingCredential,
} from 'acs-common/credential';
import type { EntraCommunicationTokenCredentialOptions, ExchangeRouteOverrides } from 'acs-common/entra';
import { CommunicationCloudEnvironment, isIdentifierEqual } from 'acs-common/identifiers';
import {
  AzureKeyCredential,
  createCommunicationAccessKeyCredentialPolicy,
  createHmacHeaders,
  type HmacHeaders,
  type PipelinePolicy,
  parseConnectionString,
} from 'acs-common/signing';
import { createTestToken, FakeTokenCredential, ManualClock } from 'acs-common/testing';

const clock = new ManualClock(Date.parse('2026-01-01T00:00:00Z'));
const refreshOptions: CommunicationTokenRefreshOptions = {
  tokenRefresher: async () => createTestToken({ nowInMs: clock.now() }),
  refreshProactively: true,
  clock,
};
const refreshing: CommunicationTokenCredential = new StaticOrRefreshingCredential(refreshOptions);
const entraOptions: EntraCommunicationTokenCredentialOptions = {
  resourceEndpoint: 'https://contoso.communication.azure.com',
  tokenCredential: new FakeTokenCredential(),
  scopes: ['https://communication.azure.com/clients/.default'],
  routes: { communicationClients: { apiVersion: '2025-03-02-preview' } } satisfies ExchangeRouteOverrides,
};
const entra = new AzureCommunicationTokenCredential(entraOptions);
export const token: Promise<AccessToken> = refreshing.getToken({ abortSignal: new AbortController().signal });
refreshing.dispose();
entra[Symbol.dispose]();

const identifier: CommunicationIdentifier = createIdentifierFromRawId('8:acs:resource_user');
const kind: CommunicationIdentifierKind = createIdentifierFromRawId('4:+14255550123');
export const rawId: string | undefined = getIdentifierRawId(identifier);
export const wire: SerializedCommunicationIdentifier = serializeCommunicationIdentifier(kind);
export const same: boolean = isIdentifierEqual(identifier, kind);
export const cloud: string = CommunicationCloudEnvironment.Public;

const { endpoint, credential } = parseConnectionString(
  'endpoint=https://contoso.communication.azure.com/;accesskey=pw==',
);
export const policy: PipelinePolicy = createCommunicationAccessKeyCredentialPolicy(new AzureKeyCredential('pw=='));
export const headers: Promise<HmacHeaders> = createHmacHeaders({ method: 'GET', url: endpoint, key: credential.key });
export const args = parseClientArguments(endpoint, credential);
export const keyLike: boolean = isKeyCredential(credential);
export const errors: Error[] = [new AbortError(), new AcsError('x', 'ERR_DISPOSED')];
