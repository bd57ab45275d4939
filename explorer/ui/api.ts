/** The page's side of the API: JSON over POST, errors as exceptions with the server's message. */
import type { ApiError, CheckEvent } from '../api-types.ts';

export class ApiFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export async function post<T>(route: string, body: unknown): Promise<T> {
  const response = await fetch(route, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as T | ApiError;
  if (!response.ok) {
    const { error } = json as ApiError;
    throw new ApiFailure(error.code, error.message);
  }
  return json as T;
}

/** Follows a check's server-sent events until it is done; returns a function that stops listening. */
export function followCheck(id: string, onEvent: (event: CheckEvent) => void): () => void {
  const source = new EventSource(`/api/checks/${id}/events`);
  const read = (message: MessageEvent<string>) => {
    const event = JSON.parse(message.data) as CheckEvent;
    onEvent(event);
    if (event.type === 'done') source.close();
  };
  source.addEventListener('progress', read);
  source.addEventListener('done', read);
  return () => source.close();
}
