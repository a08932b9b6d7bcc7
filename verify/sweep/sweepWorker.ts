/** Worker thread of a sweep: verifies one point of a registered theorem per message. */
import { parentPort } from 'node:worker_threads';
import { findTheorem } from '../../theorems/index.js';
import type { Budget } from '../../theorems/theorem.js';
import { verify } from '../verify.js';

interface Task {
  readonly id: string;
  readonly setting: unknown;
  readonly seed: number;
  readonly budget: Budget;
}

parentPort?.on('message', async (task: Task) => {
  try {
    const report = await verify(findTheorem(task.id), {
      setting: task.setting,
      seed: task.seed,
      budget: task.budget,
    });
    parentPort?.postMessage({ report });
  } catch (error) {
    parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
});
