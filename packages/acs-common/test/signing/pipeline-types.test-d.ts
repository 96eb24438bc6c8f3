import type { KeyCredential as CoreKeyCredential } from '@azure/core-auth';
import {
  type PipelinePolicy as CorePipelinePolicy,
  type PipelineRequest as CorePipelineRequest,
  type PipelineResponse as CorePipelineResponse,
  createEmptyPipeline,
} from '@azure/core-rest-pipeline';
import { describe, expectTypeOf, it } from 'vitest';
import {
  AzureKeyCredential,
  createCommunicationAccessKeyCredentialPolicy,
  type EndpointCredential,
  type PipelinePolicy,
  type PipelineRequest,
  type PipelineResponse,
  parseConnectionString,
  type RestError,
} from '../../src/signing/index.js';

describe('structural pipeline types', () => {
  it('our policies are core-rest-pipeline PipelinePolicy objects (pipeline.addPolicy accepts them)', () => {
    const policy = createCommunicationAccessKeyCredentialPolicy(new AzureKeyCredential('pw=='));
    expectTypeOf(policy).toExtend<CorePipelinePolicy>();
    createEmptyPipeline().addPolicy(policy);
  });

  it("core-rest-pipeline's requests and responses satisfy ours", () => {
    expectTypeOf<CorePipelineRequest>().toExtend<PipelineRequest>();
    expectTypeOf<CorePipelineResponse>().toExtend<PipelineResponse>();
    expectTypeOf<CorePipelinePolicy>().toHaveProperty('sendRequest');
    expectTypeOf<PipelinePolicy['name']>().toEqualTypeOf<string>();
  });

  it("AzureKeyCredential is a core-auth KeyCredential; parseConnectionString keeps 2.5.0's EndpointCredential type", () => {
    expectTypeOf<AzureKeyCredential>().toExtend<CoreKeyCredential>();
    expectTypeOf(parseConnectionString).returns.toExtend<EndpointCredential>();
    expectTypeOf<ReturnType<typeof parseConnectionString>['credential']>().toExtend<AzureKeyCredential>();
  });

  it("RestError has core-rest-pipeline's fields", () => {
    expectTypeOf<RestError['code']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<RestError['statusCode']>().toEqualTypeOf<number | undefined>();
  });
});
