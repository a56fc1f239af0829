/**
 * Reports `error` as uncaught, a microtask later (the page's console and its error handlers see
 * it), without stopping the caller: a host callback's bug must not take the widget down.
 */
export function reportLater(error: unknown): void {
  queueMicrotask(() => {
    throw error;
  });
}

/** Runs a host callback; one that throws is reported ({@link reportLater}) and `onThrow` returned. */
export function callHost<T>(call: () => T, onThrow: T): T {
  try {
    return call();
  } catch (error) {
    reportLater(error);
    return onThrow;
  }
}
