/**
 * Idle worker threads kept for the next run. Starting a worker costs tens of milliseconds (about a second from
 * TypeScript sources), and a fresh worker runs its first chunk in unoptimized code: its hot loops are compiled
 * on a background thread that competes for the cores with the busy workers (a first chunk of an Euler–Maruyama
 * ensemble on two workers took 2 to 4 times as long as the later ones). A reused worker has its modules loaded
 * and its loops compiled.
 *
 * Idle workers are unref'd, so they never keep the process alive; the cache holds at most `capacity` of them and
 * terminates one that has waited `idleMs` (a sweep's next run comes within milliseconds; a finished one should
 * not leave threads behind).
 * A worker is given back only when it finished its work cleanly and dropped every reference to it; one that
 * failed is terminated instead. A worker that exits or fails while idle leaves the cache.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';

export class WorkerCache {
  /** The idle workers, oldest first (a Map keeps insertion order), each with the timer that retires it. */
  private readonly idle = new Map<Worker, NodeJS.Timeout>();

  constructor(
    private readonly start: () => Worker,
    private readonly capacity = availableParallelism(),
    private readonly idleMs = 5000,
  ) {}

  /** `count` workers for the caller's use, idle ones first. */
  take(count: number): Worker[] {
    const taken = [...this.idle.keys()].slice(0, count);
    for (const worker of taken) {
      this.leave(worker);
      worker.ref();
    }
    while (taken.length < count) taken.push(this.started());
    return taken;
  }

  /** Returns a worker that finished cleanly to the cache, or terminates it when the cache is full. */
  give(worker: Worker): void {
    if (this.idle.size >= this.capacity) {
      void worker.terminate();
      return;
    }
    worker.unref();
    const timer = setTimeout(() => this.retire(worker), this.idleMs);
    timer.unref();
    this.idle.set(worker, timer);
  }

  /** Terminates every idle worker now. */
  clear(): void {
    for (const worker of [...this.idle.keys()]) this.retire(worker);
  }

  /** How many workers wait in the cache. */
  get size(): number {
    return this.idle.size;
  }

  private retire(worker: Worker): void {
    this.leave(worker);
    void worker.terminate();
  }

  private leave(worker: Worker): void {
    clearTimeout(this.idle.get(worker));
    this.idle.delete(worker);
  }

  private started(): Worker {
    const worker = this.start();
    worker.on('exit', () => this.leave(worker));
    // While a run holds the worker its own listener reports the error; an idle worker that fails is retired.
    worker.on('error', () => {
      if (this.idle.has(worker)) this.retire(worker);
    });
    return worker;
  }
}
