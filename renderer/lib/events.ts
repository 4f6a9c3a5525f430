/**
 * Turns an async function into an event handler. Use it only where the async work reports its own failures
 * (sets an error text or shows a notification), so nothing is lost by not awaiting it.
 */
export function fireAndForget<A extends unknown[]>(fn: (...args: A) => Promise<unknown>): (...args: A) => void {
  return (...args: A) => {
    void fn(...args);
  };
}
