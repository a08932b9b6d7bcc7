import { fromRows } from '../../src/linalg/index.js';
import {
  type DeepLinearNetwork,
  deepLinearNetwork,
  type Teacher,
  teacherFromFactors,
} from '../../src/networks/index.js';

/**
 * A depth-2 network with W_2 W_1 = W* exactly: the teacher has singular values 3 and 0.5 on coordinate axes and
 * every entry involved is exactly representable, so products and residuals carry no rounding.
 */
export function exactlySolved(): { teacher: Teacher; net: DeepLinearNetwork } {
  const u = fromRows([
    [1, 0],
    [0, 1],
    [0, 0],
  ]);
  const v = fromRows([
    [0, 1],
    [1, 0],
  ]);
  const teacher = teacherFromFactors(u, new Float64Array([3, 0.5]), v);
  const net = deepLinearNetwork({ dIn: 2, dOut: 3, depth: 2, width: 2, init: { kind: 'zeros' } });
  net.layers[0].data.set([0, 1, 1, 0]);
  net.layers[1].data.set([3, 0, 0, 0.5, 0, 0]);
  return { teacher, net };
}
