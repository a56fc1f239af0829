/**
 * Calls `run(n)` so that about `rate` units per second are produced, on a timer no faster than
 * every 10 ms (high rates come in small batches). Returns the function that stops it.
 */
export function startPacer(rate: number, run: (count: number) => void): () => void {
  const period = Math.max(10, 1000 / rate);
  let last = performance.now();
  let carry = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    carry += ((now - last) * rate) / 1000;
    last = now;
    // After a stalled event loop, catch up by at most one second's worth rather than flooding.
    const n = Math.min(Math.floor(carry), Math.max(1, Math.ceil(rate)));
    carry = Math.min(carry - n, rate);
    if (n > 0) run(n);
  }, period);
  return () => clearInterval(timer);
}
