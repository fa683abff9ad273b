/**
 * `stream`, ended for the client as soon as `signal` aborts (the source is cancelled): a response
 * body that would otherwise stream for as long as the client stays, such as live updates after
 * the session behind them was revoked.
 */
export function closeOnAbort(stream: ReadableStream<Uint8Array>, signal: AbortSignal): ReadableStream<Uint8Array> {
  const reader = stream.getReader();
  let closed = false;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      const close = () => {
        if (closed) return;
        closed = true;
        controller.close();
        reader.cancel().catch(() => {});
      };
      if (signal.aborted) close();
      else signal.addEventListener("abort", close, { once: true });
    },
    async pull(controller) {
      const { done, value } = await reader.read();
      if (closed) return;
      if (done) {
        closed = true;
        controller.close();
      } else controller.enqueue(value);
    },
    cancel(reason) {
      closed = true;
      return reader.cancel(reason);
    },
  });
}
