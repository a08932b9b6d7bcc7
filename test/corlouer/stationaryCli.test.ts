/** `saddlecheck stationary` and the sample tests behind it: exact answers, samples files, refusals. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalQuantile } from '../../src/analysis/normalQuantile.js';
import { stationaryDensity } from '../../src/analysis/stationaryDensity.js';
import { stationaryDensityTest } from '../../src/analysis/stationaryDensityTest.js';
import { parseSamples } from '../../src/cli/stationarySamples.js';
import { randomStream } from '../../src/random/stream.js';
import { runSaddlecheck } from '../helpers/runSaddlecheck.js';

const run = async (...argv: string[]) => {
  const { code, io } = await runSaddlecheck(['stationary', ...argv]);
  return { code, out: io.out.join('\n'), err: io.err.join('\n') };
};

/** An Ornstein–Uhlenbeck chain sampled exactly: x_{k+1} = ρ x_k + √(1 − ρ²) σ z, stationary N(0, σ²). */
function ouChain(n: number, rho: number, sigma: number, seed: number): Float64Array {
  const stream = randomStream(seed);
  const out = new Float64Array(n);
  let x = sigma * stream.nextNormal();
  for (let k = 0; k < n; k++) {
    out[k] = x;
    x = rho * x + Math.sqrt(1 - rho * rho) * sigma * stream.nextNormal();
  }
  return out;
}

describe('stationaryDensityTest', () => {
  const density = stationaryDensity(
    (x) => -2 * x,
    () => 1,
  );
  if (!density.normalizable) throw new Error(density.message);

  it('should accept an exactly sampled chain once its autocorrelation is divided out, unlike the iid test', () => {
    const chain = ouChain(20_000, 0.95, 0.5, 3);
    const corrected = stationaryDensityTest(chain, density);
    // τ = (1 + ρ)/(1 − ρ) = 39 for this AR(1) chain; Geyer's estimate is within ~20% at 500τ points.
    expect(Math.abs(corrected.tau / 39 - 1)).toBeLessThan(0.25);
    // An exact chain of the law: p < 0.01 for at most 1% of seeds (the test is conservative); the seed is fixed.
    expect(corrected.kolmogorovSmirnov.pValue).toBeGreaterThan(0.01);
    // Treated as independent, 20000 correlated points overstate the evidence and reject a true law.
    const naive = stationaryDensityTest(chain, density, { samples: 'independent' });
    expect(naive.kolmogorovSmirnov.pValue).toBeLessThan(1e-3);
  });

  it('should reject independent draws from a law 10% wider', () => {
    const stream = randomStream(5);
    const wide = Float64Array.from({ length: 4000 }, () => 0.55 * stream.nextNormal());
    const result = stationaryDensityTest(wide, density, { samples: 'independent' });
    expect(result.andersonDarling.pValue).toBeLessThan(1e-4);
  });
});

describe('saddlecheck stationary', () => {
  it('should print the Ornstein–Uhlenbeck law as text and exit 0', async () => {
    const { code, out } = await run(
      '--drift',
      '-k*(x - m)',
      '--diffusion',
      '0.5',
      '--domain=-inf,inf',
      '--param',
      'k=2',
      '--param',
      'm=1',
    );
    expect(code).toBe(0);
    expect(out).toContain('normalizable: true');
    const value = (name: string) => Number(out.match(new RegExp(`${name}:? ([^\\s,]+)`))?.[1]);
    // Quadrature at 1e-12: the printed moments are the closed forms to 1e-11.
    expect(Math.abs(value('mean') - 1)).toBeLessThan(1e-11);
    expect(Math.abs(value('variance') - 1 / 16)).toBeLessThan(1e-11);
    expect(Math.abs(value('q95') - (1 + 0.25 * normalQuantile(0.95)))).toBeLessThan(1e-9);
  });

  it('should test a samples file given as lines or as a JSON array and print JSON', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stationary-'));
    const stream = randomStream(8);
    const draws = Array.from({ length: 500 }, () => 0.25 * stream.nextNormal());
    const lines = join(dir, 'samples.txt');
    writeFileSync(lines, `# exact N(0, 1/16) draws\n${draws.join('\n')}\n\n`);
    const array = join(dir, 'samples.json');
    writeFileSync(array, JSON.stringify(draws));
    const common = [
      '--drift',
      '-2*y',
      '--diffusion',
      '0.5',
      '--var',
      'y',
      '--domain=-inf,inf',
      '--independent',
      '--json',
    ];
    const fromLines = JSON.parse((await run(...common, '--samples', lines)).out);
    const fromArray = JSON.parse((await run(...common, '--samples', array)).out);
    expect(fromLines.test.n).toBe(500);
    expect(fromLines.test).toEqual(fromArray.test);
    // Exact draws from the law: a p-value below 0.01 would happen for 1% of seeds; this seed is fixed.
    expect(fromLines.test.kolmogorovSmirnov.pValue).toBeGreaterThan(0.01);
    expect(fromLines.domain).toEqual([null, null]);
  });

  it('should report a law that is not normalizable with its failing end and exit 1', async () => {
    const { code, out } = await run('--drift', '1', '--diffusion', '1', '--domain', '0,inf');
    expect(code).toBe(1);
    expect(out).toContain('normalizable: false');
    expect(out).toMatch(/upper end Infinity: not-integrable/);
    const strat = await run(
      '--drift',
      '-x',
      '--diffusion',
      'x',
      '--domain',
      '0,inf',
      '--interpretation',
      'stratonovich',
      '--json',
    );
    // Stratonovich dX = −X dt + X∘dW: p ∝ x^{−1} exp(−∫2/x) is not integrable at 0.
    expect(JSON.parse(strat.out).ends[0].verdict).not.toBe('integrable');
  });

  it('should write every number that is not finite as null in JSON, never as a string', async () => {
    const { out } = await run('--drift=-x', '--diffusion', 'x', '--domain', '0,inf', '--json');
    const json = JSON.parse(out);
    // Itô dX = −X dt + X dW on (0, ∞): p ∝ x^(−2) exp(∫ −2/x) = x^(−4), not integrable at 0 (no cut),
    // integrable at ∞ (a finite cut).
    expect(json.domain).toEqual([0, null]);
    expect(json.ends.map((e: { bound: unknown }) => e.bound)).toEqual([0, null]);
    expect(json.ends[0].cut).toBeNull();
    expect(typeof json.ends[1].cut).toBe('number');
    const strings: string[] = [];
    JSON.parse(out, (key, value) => {
      if (typeof value === 'string' && /^(-?Infinity|NaN)$/.test(value)) strings.push(key);
      return value;
    });
    expect(strings).toEqual([]);
  });

  it('should say undecided, exit 3 and write normalizable null when no end could be decided', async () => {
    const argv = ['--drift=-x', '--diffusion', '1', '--domain=-inf,inf', '--center', '1e300'];
    const text = await run(...argv);
    expect(text.code).toBe(3);
    expect(text.out).toMatch(/^normalizable: undecided\n/);
    const json = await run(...argv, '--json');
    expect(json.code).toBe(3);
    const out = JSON.parse(json.out);
    expect(out.normalizable).toBeNull();
    expect(out.message).toMatch(/undecided/);
    expect(out.ends.map((e: { verdict: string }) => e.verdict)).toEqual(['undecided', 'undecided']);
  });

  it('should refuse bad options with one line and exit 2', async () => {
    for (const argv of [
      ['--diffusion', '1', '--domain', '0,1'],
      ['--drift', '-x', '--diffusion', '1', '--domain', '1'],
      ['--drift', '-x', '--diffusion', '1', '--domain', '2,1'],
      ['--drift', '-x', '--diffusion', '1', '--domain', '0,1', '--interpretation', 'ito-ish'],
      ['--drift', '-x + t', '--diffusion', '1', '--domain', '0,1'],
      ['--drift', '-x', '--diffusion', '1', '--domain', '0,1', '--param', 'k'],
      ['--drift', '-x', '--diffusion', '1', '--domain', '0,1', '--samples', '/nonexistent/file'],
    ]) {
      const { code, err } = await run(...argv);
      expect(code).toBe(2);
      expect(err.split('\n')).toHaveLength(1);
    }
  });

  it('should refuse samples files that are not lists of finite numbers', () => {
    expect(() => parseSamples('1\n2\nthree\n4\n', 'f')).toThrow(/line 3 of f/);
    expect(() => parseSamples('[1, 2, null, 4]', 'f')).toThrow(/entry 2 of f/);
    expect(() => parseSamples('[1, 2', 'f')).toThrow(/not valid JSON/);
    expect(() => parseSamples('1\n2\n', 'f')).toThrow(/at least 4/);
    expect(Array.from(parseSamples('# c\n1\n\n2\n3\n4', 'f'))).toEqual([1, 2, 3, 4]);
  });
});
