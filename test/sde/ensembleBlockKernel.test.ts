import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, UnsupportedProblemError } from '../../src/errors.js';
import { runEnsemble } from '../../src/sde/ensemble.js';
import { BLOCK_PATHS } from '../../src/sde/ensembleBlockKernel.js';
import { allocateBuffers } from '../../src/sde/ensembleBuffers.js';
import { planEnsemble } from '../../src/sde/ensemblePlan.js';
import { simulatorFor } from '../../src/sde/ensembleSimulator.js';
import { methodByName } from '../../src/sde/methodByName.js';
import { validateSdeProblem } from '../../src/sde/sdeProblem.js';
import { solveSde } from '../../src/sde/solveSde.js';
import type { SdeProblem } from '../../src/sde/types.js';
import { cubicElementwise, fixturesModule, ornsteinUhlenbeck } from './ensembleFixtures.js';

const spec = (name: string, args: unknown) => ({ module: fixturesModule, export: name, args });
const ouArgs = { theta: 1.5, sigma: 0.7, x0: 2, t1: 1, seed: 5 };
/** More than two blocks, the last one partial. */
const paths = 2 * BLOCK_PATHS + 37;
const steps = 100;
const saveAt = [0, 0.25, 0.5, 1];

/** The bytes of a typed array, so that NaN payloads and signed zeros count. */
const bytes = (a: Float64Array | Uint8Array) =>
  Array.from(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));

/** The schemes with a block kernel. */
const schemes = ['eulerMaruyama', 'sra1'] as const;
type Scheme = (typeof schemes)[number];

async function ensembleOf(
  method: Scheme,
  name: string,
  args: unknown,
  options: Record<string, unknown> = {},
) {
  return runEnsemble(spec(name, args), { method, paths, steps, saveAt, ...options });
}

function expectSameEnsembles(a: Awaited<ReturnType<typeof ensembleOf>>, b: typeof a): void {
  expect(bytes(a.end)).toEqual(bytes(b.end));
  expect(bytes(a.saved)).toEqual(bytes(b.saved));
  expect(bytes(a.status)).toEqual(bytes(b.status));
  expect(bytes(a.tReached)).toEqual(bytes(b.tReached));
}

function expectPathAsSolveSde(
  method: Scheme,
  problem: SdeProblem,
  result: Awaited<ReturnType<typeof ensembleOf>>,
  path: number,
  times: readonly number[] = saveAt,
) {
  const single = solveSde(problem, methodByName(method), {
    steps,
    path,
    saveAt: [...times],
    blowUpBound: 1e3,
  });
  const saves = times.length;
  expect(result.tReached[path]).toBe(single.tReached);
  expect(result.status[path] === 0).toBe(single.status === 'success');
  const saved = result.saved.slice(path * saves, (path + 1) * saves);
  expect(bytes(saved.slice(0, single.t.length))).toEqual(bytes(single.x));
  for (let j = single.t.length; j < saves; j++) expect(saved[j]).toBeNaN();
  if (single.status === 'success')
    expect(bytes(result.end.slice(path, path + 1))).toEqual(bytes(single.xEnd));
  else expect(result.end[path]).toBeNaN();
}

describe.each(schemes)('the block %s kernel for elementwise problems', (method) => {
  it('should call an elementwise drift once per step and stage on a whole block, the last one padded', () => {
    const lengths = new Set<number>();
    let calls = 0;
    const base = ornsteinUhlenbeck(ouArgs);
    const problem: SdeProblem = {
      ...base,
      drift: (t, x, out) => {
        lengths.add(x.length);
        calls++;
        base.drift(t, x, out);
      },
    };
    const plan = planEnsemble(spec('ornsteinUhlenbeck', ouArgs), problem, {
      method,
      paths,
      steps,
    });
    simulatorFor(plan, problem, methodByName(method), allocateBuffers(plan, false)).run(0, paths);
    expect([...lengths]).toEqual([BLOCK_PATHS]);
    const stages = method === 'sra1' ? 2 : 1;
    expect(calls).toBe(Math.ceil(paths / BLOCK_PATHS) * steps * stages);
  });

  it('should give every path the floats of solveSde and of the per-path kernel, saves included', async () => {
    const block = await ensembleOf(method, 'ornsteinUhlenbeck', ouArgs);
    const perPath = await ensembleOf(method, 'ornsteinUhlenbeckScalar', ouArgs);
    expectSameEnsembles(block, perPath);
    const problem = ornsteinUhlenbeck(ouArgs);
    for (const path of [0, 1, BLOCK_PATHS - 1, BLOCK_PATHS, 2 * BLOCK_PATHS, paths - 1]) {
      expectPathAsSolveSde(method, problem, block, path);
    }
  });

  it('should fail blown-up paths at the step solveSde fails them and leave the others of the block exact', async () => {
    const times = [0, 0.5, 1, 2];
    const options = { blowUpBound: 1e3, t1: 2, saveAt: times };
    const seed = 8;
    const block = await ensembleOf(method, 'cubicElementwise', { seed, elementwise: true }, options);
    const perPath = await ensembleOf(method, 'cubicElementwise', { seed, elementwise: false }, options);
    expectSameEnsembles(block, perPath);
    const failed = [...block.status.keys()].filter((p) => block.status[p] !== 0);
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.length).toBeLessThan(paths - 3);
    const problem = { ...cubicElementwise({ seed, elementwise: true }), t1: 2 };
    const survivors = [...block.status.keys()].filter((p) => block.status[p] === 0).slice(0, 3);
    for (const path of [...failed.slice(0, 5), ...survivors])
      expectPathAsSolveSde(method, problem, block, path, times);
  });

  it('should not depend on how the paths are cut into chunks', async () => {
    const whole = await ensembleOf(method, 'ornsteinUhlenbeck', ouArgs);
    const chunked = await ensembleOf(method, 'ornsteinUhlenbeck', ouArgs, { chunkSize: 100 });
    expectSameEnsembles(whole, chunked);
  });
});

describe('the block kernel’s one block per thread', () => {
  it('should refuse with a named error a drift that starts another block in the same thread', () => {
    const base = ornsteinUhlenbeck(ouArgs);
    const plan = planEnsemble(spec('ornsteinUhlenbeck', ouArgs), base, {
      method: 'eulerMaruyama',
      paths: 2,
      steps: 2,
    });
    const simulator = () =>
      simulatorFor(plan, problem, methodByName('eulerMaruyama'), allocateBuffers(plan, false));
    const problem: SdeProblem = {
      ...base,
      drift: (t, x, out) => {
        simulator().run(0, 1);
        base.drift(t, x, out);
      },
    };
    expect(() => simulator().run(0, 2)).toThrow(UnsupportedProblemError);
    expect(() => simulator().run(0, 2)).toThrow(/one block per thread/);
  });
});

describe('the elementwise flag', () => {
  it('should refuse an elementwise flag that is not a boolean or a state of more than one component', () => {
    const problem = ornsteinUhlenbeck(ouArgs);
    expect(() => validateSdeProblem({ ...problem, elementwise: 'yes' })).toThrow(InvalidArgumentError);
    expect(() => validateSdeProblem({ ...problem, x0: Float64Array.of(1, 2) })).toThrow(/one-dimensional/);
    expect(validateSdeProblem({ ...problem, x0: Float64Array.of(1, 2), elementwise: false })).toBeDefined();
  });
});
