/**
 * A streamed answer (the bill CSV) has sent its status before a later query fails: the global error
 * handler can no longer answer. Issue 14: such an error is logged with the request id like any other,
 * and the client's download is aborted with a generic error, never the database's message.
 */
export function loggedStream(
  body: ReadableStream<Uint8Array>,
  where: { requestId: string; method: string; path: string },
): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await reader.read();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      } catch (err) {
        console.error(`[${where.requestId}] ${where.method} ${where.path} (while streaming)`, err);
        controller.error(new Error(`The answer could not be completed (request ${where.requestId}).`));
      }
    },
    async cancel(reason) {
      await reader.cancel(reason);
    },
  });
}
