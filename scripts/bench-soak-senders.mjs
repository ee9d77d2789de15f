// The soak's 16 senders, on a thread of their own at a lower priority (nice 10): in production the
// clients are on other machines, and here they share the server's 2 cores. Without this, the prober's
// worst /ping counted the load generator's own waits for a core (measured: 193 ms from the prober while
// the server's event loop was never more than 51 ms late). The prober stays at normal priority.
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';

const { url, b, flag, deadline } = workerData;
const maximalInFlight = new Int32Array(flag);
try {
  setPriority(0, 10); // on Linux: this thread only
} catch {
  // Elsewhere: the senders keep their priority.
}
const counts = { served: 0, client: 0, server: 0, failed: 0 };
const send = async (path, body) => {
  try {
    const r = await fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    await r.arrayBuffer();
    if (r.status >= 500) counts.server++;
    else if (r.status >= 400) counts.client++;
    else counts.served++;
  } catch {
    counts.failed++;
  }
};
const sender = async (w) => {
  for (let i = 0; Date.now() < deadline; i++) {
    const pick = (i * 7 + w * 13) % 100;
    if (pick < 75) await send('/invocations', b.one);
    else if (pick < 85) await send('/invocations', b.batch);
    else if (pick < 97) await send(pick % 2 ? '/v2/models/spam-detector/infer' : '/invocations', b.hostile[i % b.hostile.length]);
    else {
      Atomics.add(maximalInFlight, 0, 1);
      await send('/invocations', b.maximal);
      Atomics.sub(maximalInFlight, 0, 1);
    }
  }
};
await Promise.all(Array.from({ length: 16 }, (_, w) => sender(w)));
parentPort.postMessage(counts);
