// A real yield to the event loop: `await Promise.resolve()` only queues a microtask, so a
// loop awaiting it still blocks every message until it ends. A MessageChannel post runs as
// a task without the 4 ms clamp nested timers get.
const channel = typeof MessageChannel === 'function' ? new MessageChannel() : null;
const waiting: (() => void)[] = [];
if (channel) {
  channel.port1.onmessage = () => waiting.shift()?.();
  // Node's ports keep the process alive while referenced; the page's do not matter.
  (channel.port1 as unknown as { unref?(): void }).unref?.();
}

export function nextTask(): Promise<void> {
  if (!channel) return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(0);
  });
}
