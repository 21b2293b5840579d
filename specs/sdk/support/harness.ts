import type { Moov } from '@moovio/sdk';
import type { MoovTarget } from '../../../lib/moov/settings';
import type { LoadedSdk } from '../../../lib/sdk/moovSdk';
import type { LoggedRequest } from '../../../lib/http/loggedRequest';
import { sdkChecks } from '../../../checks/sdk';
import { verify } from '../../../checks/verify';
import { moovContract, type MoovOperationId } from '../../../lib/contract/moov';
import type { JsonSchema } from '../../../lib/contract/openapi';

/** A response as the SDK's fetcher received it, before the SDK parsed it. */
export interface RawResponse {
  method: string;
  url: string;
  status: number;
  body: string;
}

/**
 * The SDK pointed at the target, with a fetcher that keeps each raw response so what the SDK
 * returns can be compared with what the target sent.
 */
export class SdkHarness {
  readonly raw: RawResponse[] = [];
  readonly moov: Moov;
  private readonly since = new Date();

  constructor(readonly loaded: LoadedSdk, readonly target: MoovTarget) {
    const httpClient = new loaded.http.HTTPClient({
      fetcher: async (input, init) => {
        const response = await fetch(input, init);
        const request = input instanceof Request ? input : undefined;
        this.raw.push({ method: request?.method ?? init?.method ?? 'GET', url: request?.url ?? String(input), status: response.status, body: await response.clone().text() });
        return response;
      },
    });
    this.moov = new loaded.sdk.Moov({ serverURL: target.baseURL, security: { username: target.publicKey, password: target.secretKey }, httpClient });
  }

  get last(): RawResponse | undefined {
    return this.raw[this.raw.length - 1];
  }

  /**
   * Runs one SDK call: it must not throw (SDK-CALL-001), and its result must equal the JSON the
   * target sent for every documented field (SDK-RT-001). Returns the result and the raw body.
   */
  async call<T extends { result: unknown }>(operation: MoovOperationId, label: string, run: (moov: Moov) => Promise<T>): Promise<{ result: T['result']; raw: unknown }> {
    let value: T | undefined;
    let error: unknown;
    try {
      value = await run(this.moov);
    } catch (thrown) {
      error = thrown;
    }
    verify(sdkChecks.sdkCallSucceeds, { call: label, error: error === undefined ? undefined : describeError(error) }, { operation, status: this.last?.status });
    const raw = JSON.parse(this.last?.body || 'null') as unknown;
    verify(sdkChecks.sdkResultMatchesRaw, { call: label, schema: successSchema(operation), raw, returned: value?.result }, { operation, status: 200 });
    return { result: value?.result, raw };
  }

  /** Runs an SDK call expected to fail; returns what was thrown and the raw response. */
  async failing(run: (moov: Moov) => Promise<unknown>): Promise<{ thrown: unknown; raw: RawResponse | undefined }> {
    const before = this.raw.length;
    try {
      await run(this.moov);
      return { thrown: undefined, raw: this.raw[before] };
    } catch (thrown) {
      return { thrown, raw: this.raw[before] };
    }
  }

  /** The SDK's requests since this harness was made, as the embedded mock logged and validated them. */
  async loggedRequests(): Promise<LoggedRequest[]> {
    const response = await fetch(`${this.target.baseURL}/_mock/requests`);
    const all = (await response.json()) as LoggedRequest[];
    return all.filter((r) => (r.headers['user-agent'] ?? '').includes('speakeasy-sdk') && Date.parse(r.at) >= this.since.getTime() - 1000);
  }
}

function successSchema(operation: MoovOperationId): JsonSchema {
  const schema = moovContract().operation(operation).responses.get(200)?.bodySchema;
  if (!schema) throw new Error(`${operation} documents no 200 body`);
  return moovContract().inline(schema) as JsonSchema;
}

function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message.slice(0, 400)}`;
  return String(error);
}
