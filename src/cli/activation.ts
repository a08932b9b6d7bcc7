/** `saddlecheck activation EXPR [--json]`: the universality class of an activation and its φ_σ. */
import { activationClass } from '../analysis/activationClass.js';
import { parseOptions, UsageError } from './args.js';
import type { Command } from './command.js';

const HELP = `saddlecheck activation EXPR [--json]

The universality class of an activation sigma (RAWAL), from phi(z) = z*sigma'(z) - sigma(z) expanded at 0:
  A  phi = 0 everywhere: imbalance conserved (linear; ReLU, which is positively homogeneous)
  B  sigma(0) = 0, first nonzero term of phi of odd order q (tanh, erf, sin: q = 3)
  C  sigma(0) = 0, first nonzero term of even order q (gelu, silu: q = 2)
  D  sigma(0) != 0: order 0, leading coefficient -sigma(0) (sigmoid, softplus)
An expression with a kink or a singular derivative at 0 (abs(z), max(z, 0), sqrt(z), z^1.5) is reported
as not-smooth. A sum of powers of z (z + z^1000) is classified exactly from its coefficients. When the
class cannot be decided (phi overflows or underflows at the points where it is checked, its first term
lies beyond order 8, or a derivative of sigma is an indeterminate 0/0 at 0, as for exp(-1/z^2) or sin(z)/z)
the class is undecided, with the reason, and the exit code is 3.

EXPR is a built-in name (linear relu tanh erf sin gelu silu sigmoid softplus) or an expression in z,
e.g. 'z + z^2/2' or 'tanh(z) + 0.1*z'.

Options:
  --json   print {class, order, leadingCoefficient, phi, coefficients, reason}
`;

export const activationCommand: Command = {
  name: 'activation',
  help: HELP,
  async run(argv, io) {
    const args = parseOptions('activation', argv, { json: { type: 'boolean' } }, true);
    if (args.positionals.length !== 1) {
      throw new UsageError(
        `give exactly one activation (a built-in name or an expression in z); received ` +
          `${args.positionals.length}. See 'saddlecheck activation --help'.`,
      );
    }
    const result = activationClass(args.positionals[0]);
    const code = result.class === 'undecided' ? 3 : 0;
    if (args.values.json === true) {
      io.stdout(JSON.stringify(result, null, 2));
      return code;
    }
    const order =
      result.order === null
        ? ''
        : `, order ${result.order}, leading coefficient ${result.leadingCoefficient}`;
    io.stdout([`class ${result.class}${order}`, `phi(z) = ${result.phi}`, result.reason].join('\n'));
    return code;
  },
};
