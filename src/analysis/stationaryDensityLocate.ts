/**
 * Finding the mass of a stationary density before normalizing it. The spine's nodes are cells (core points with
 * the core spacing, probes with their shell widths); the bulk is the cell of largest mass width·exp(ψ). When
 * the node of highest density is a probe other than the outermost (a mode outside the core) or a core point whose neighbours are
 * more than NARROW_EFOLDS below it (a peak narrower than the spacing, which the quadrature could miss or
 * overflow on), the spine is rebuilt centred on it with the node's cell width as the new scale, at most
 * MAX_REBUILDS times: each rebuild around a narrow peak resolves it 32 times more finely.
 */
import { buildSpine, type DiffusionCoefficients, type Spine } from './stationaryDensitySpine.js';

const NARROW_EFOLDS = 20;
const MAX_REBUILDS = 12;

export interface Node {
  readonly x: number;
  readonly psi: number;
  /** Width of the cell the node stands for. */
  readonly width: number;
  /** Index in the core, or -1 for a probe. */
  readonly core: number;
  /** Whether the node is the outermost probe toward its end. */
  readonly last: boolean;
}

/** Every node of the spine: core points and the probes of both ends. */
export function nodesOf(spine: Spine): Node[] {
  const nodes: Node[] = spine.core.x.map((x, i) => ({
    x,
    psi: spine.core.psi[i],
    width: spine.core.spacing,
    core: i,
    last: false,
  }));
  for (const probes of [spine.lower, spine.upper]) {
    probes.x.forEach((x, k) => {
      nodes.push({
        x,
        psi: probes.psi[k],
        width: probes.width[k],
        core: -1,
        last: k === probes.x.length - 1,
      });
    });
  }
  return nodes;
}

/** The log of the largest cell mass, ψ + ln width (+ ln|f| when given); -Infinity when none is finite. */
export function bulkOf(nodes: readonly Node[], logFactor?: (x: number) => number): number {
  let best = Number.NEGATIVE_INFINITY;
  for (const node of nodes) {
    const m = node.psi + Math.log(node.width) + (logFactor ? logFactor(node.x) : 0);
    if (Number.isFinite(m) && m > best) best = m;
  }
  return best;
}

function highestNode(nodes: readonly Node[]): Node | undefined {
  let best: Node | undefined;
  for (const node of nodes) {
    if (Number.isFinite(node.psi) && (best === undefined || node.psi > best.psi)) best = node;
  }
  return best;
}

/** Whether the core point i stands above both neighbours by more than NARROW_EFOLDS. */
function narrowPeak(spine: Spine, i: number): boolean {
  const psi = spine.core.psi;
  const left = i > 0 ? psi[i] - psi[i - 1] : Number.POSITIVE_INFINITY;
  const right = i + 1 < psi.length ? psi[i] - psi[i + 1] : Number.POSITIVE_INFINITY;
  return Math.min(left, right) > NARROW_EFOLDS && Number.isFinite(Math.min(left, right));
}

export interface Domain {
  readonly lower: number;
  readonly upper: number;
  readonly center: number;
  readonly scale: number;
  readonly relTol: number;
}

/** Builds the spine and rebuilds it around the mode until the core resolves it. */
export function locateMass(coefficients: DiffusionCoefficients, domain: Domain): Spine {
  const { lower, upper, relTol } = domain;
  let spine = buildSpine(coefficients, lower, upper, domain.center, domain.scale, relTol);
  for (let rebuild = 0; rebuild < MAX_REBUILDS && spine.interiorFailure === undefined; rebuild++) {
    const cell = highestNode(nodesOf(spine));
    if (cell === undefined) return spine;
    // A maximum at the outermost probe is no mode: the density grows toward that end.
    if (cell.last) return spine;
    if (cell.core >= 0 && !narrowPeak(spine, cell.core)) return spine;
    const next = buildSpine(coefficients, lower, upper, cell.x, cell.width, relTol);
    if (next.interiorFailure !== undefined) return spine;
    spine = next;
  }
  return spine;
}
