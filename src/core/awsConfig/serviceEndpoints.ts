/**
 * Which endpoint each AWS service's client is given, the way the AWS SDKs rank them ("Service-specific endpoints",
 * AWS SDKs and Tools reference guide): an endpoint configured for one service (`AWS_ENDPOINT_URL_<SERVICE>`) before a
 * global one. The extension's `endpointUrl` setting (CLI `--endpoint-url`) is a global endpoint given explicitly:
 * it comes after the service's own variable and before everything the SDK resolves by itself.
 *
 *   1. `AWS_ENDPOINT_URL_<SERVICE>` (e.g. AWS_ENDPOINT_URL_ATHENA), unless configured endpoints are ignored;
 *   2. the setting;
 *   3. nothing explicit: the SDK's own chain (AWS_ENDPOINT_URL, the profile's `services` section, its `endpoint_url`,
 *      and `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS` / `ignore_configured_endpoint_urls`) — not repeated here.
 *
 * Pure: the environment and the profile's settings are passed in.
 */

/** AWS's service identifiers (the `<SERVICE>` of AWS_ENDPOINT_URL_<SERVICE>, upper-cased) of the clients we create. */
export type AwsServiceId = 'S3' | 'KMS' | 'CloudTrail' | 'Athena' | 'STS' | 'Organizations' | 'IAM';

export interface EndpointInputs {
  /** The `endpointUrl` setting or `--endpoint-url` (a global endpoint). */
  setting?: string;
  env: Readonly<Record<string, string | undefined>>;
  /** The profile's top-level settings in the shared config file (`endpoint_url`, `ignore_configured_endpoint_urls`). */
  profileConfig: Readonly<Record<string, string | undefined>>;
}

/** `AWS_ENDPOINT_URL_ATHENA` for `Athena`: the identifier upper-cased, spaces as underscores (as the SDKs build it). */
export function serviceEndpointVariable(service: AwsServiceId): string {
  return `AWS_ENDPOINT_URL_${service.toUpperCase().split(' ').join('_')}`;
}

export const IGNORE_ENDPOINTS = 'AWS_IGNORE_CONFIGURED_ENDPOINT_URLS';

/** AWS_IGNORE_CONFIGURED_ENDPOINT_URLS (or the profile's ignore_configured_endpoint_urls) is `true`. */
export function ignoresConfiguredEndpoints(inputs: EndpointInputs): boolean {
  const value = inputs.env[IGNORE_ENDPOINTS] ?? inputs.profileConfig.ignore_configured_endpoint_urls;
  return value?.trim().toLowerCase() === 'true';
}

/** The endpoint to give the service's client explicitly, or undefined to let the SDK resolve it (AWS, or its own chain). */
export function explicitEndpoint(service: AwsServiceId, inputs: EndpointInputs): string | undefined {
  const setting = inputs.setting?.trim() || undefined;
  if (ignoresConfiguredEndpoints(inputs)) return setting;
  return inputs.env[serviceEndpointVariable(service)]?.trim() || setting;
}

/** Whether the service's requests go to a custom endpoint (an emulator: S3 then needs path-style bucket addressing). */
export function usesCustomEndpoint(service: AwsServiceId, inputs: EndpointInputs): boolean {
  if (explicitEndpoint(service, inputs)) return true;
  if (ignoresConfiguredEndpoints(inputs)) return false;
  return !!(inputs.env.AWS_ENDPOINT_URL?.trim() || inputs.profileConfig.endpoint_url?.trim());
}
