import { mediaType, type Seen } from './checks.js';
import type { GeneratedClient, RoundTripOptions } from './round-trip.js';

/** The last response, as the wire carried it: what the client made of it is checked apart. */
export interface Wire {
  last?: Seen | undefined;
}

/** A `fetch` that records each request it sends and the response it gets in `wire.last`. */
function recordingFetch(
  wire: Wire,
): (input: RequestInfo | URL, init?: RequestInit) => Promise<Response> {
  return async (input, init) => {
    const request = new Request(input, init);
    const sent = {
      url: new URL(request.url),
      headers: request.headers,
      contentType: mediaType(request.headers),
      hasBody: request.body !== null && (await request.clone().arrayBuffer()).byteLength > 0,
    };
    const response = await fetch(request);
    const text = await response.clone().text();
    wire.last = {
      status: response.status,
      contentType: mediaType(response.headers),
      text,
      request: sent,
    };
    return response;
  };
}

/** The generated client, pointed at the server under test, recording what it sends in `wire`. */
export function recordingClient(options: RoundTripOptions, wire: Wire): GeneratedClient {
  return new options.Client({
    apiKey: options.apiKey,
    baseUrl: options.baseUrl,
    rateLimit: false,
    maxRetries: options.maxRetries ?? 0,
    logLevel: 'off',
    fetch: recordingFetch(wire),
  }) as GeneratedClient;
}
