import { MentorshipError } from './errors.js';

/** What to say when loading fails, in the caller's words (and language). */
export interface FetchJsonMessages {
  /** The request failed: `status` is the HTTP status, or 0 when no answer came at all. */
  failed: (status: number) => string;
  notJson: string;
}

/**
 * GETs `url` and reads its JSON: no answer or a status outside 2xx is a `network` error, a body
 * that is not JSON a `bad-response` one. Used for a site owner's catalog and model files.
 */
export async function fetchJson(url: string, say: FetchJsonMessages): Promise<unknown> {
  const response = await fetch(url).catch(() => undefined);
  if (!response?.ok) throw new MentorshipError('network', say.failed(response?.status ?? 0));
  return response.json().catch(() => {
    throw new MentorshipError('bad-response', say.notJson);
  });
}
