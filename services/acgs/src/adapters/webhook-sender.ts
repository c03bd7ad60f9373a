/** The outcome of one webhook delivery. */
export interface DeliveryResult {
  readonly delivered: boolean;
  readonly status?: number | undefined;
  readonly error?: string | undefined;
}

/**
 * POSTs a JSON payload to an alert webhook. Never throws: a receiver that is down, slow or answers 500 is
 * reported as not delivered, and the monitor carries on.
 */
export async function sendWebhook(url: string, payload: unknown, timeoutMs: number): Promise<DeliveryResult> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payload),
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.arrayBuffer();
    return response.ok
      ? { delivered: true, status: response.status }
      : { delivered: false, status: response.status, error: `webhook answered HTTP ${response.status}` };
  } catch (error) {
    return { delivered: false, error: error instanceof Error ? error.message : String(error) };
  }
}
