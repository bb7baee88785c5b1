/** A fake `fetch` and what it was sent. */
export interface RecordingFetch {
  fetch: typeof fetch;
  /** A clone of every request, in order, so a test can read each body. */
  requests: Request[];
}

/** A `fetch` that records every request and answers it with `answer`; `n` counts them from 1. */
export function recordingFetch(
  answer: (request: Request, n: number) => Response | Promise<Response>,
): RecordingFetch {
  const requests: Request[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    requests.push(request.clone());
    return answer(request, requests.length);
  };
  return { fetch, requests };
}

/**
 * What a recorded request sent: its method, its URL less `origin` (the whole URL when it is
 * elsewhere), and its JSON body, `null` when it has none.
 */
export async function sentOf(request: Request, origin: string): Promise<[string, string, unknown]> {
  const { url } = request;
  const where = url.startsWith(origin) ? url.slice(origin.length) : url;
  return [request.method, where, request.body ? await request.json() : null];
}
