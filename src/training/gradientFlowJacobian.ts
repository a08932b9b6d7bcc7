/**
 * The Jacobian of gradient flow dθ/dt = −∇ℒ(θ) on a deep linear network: J = −∇²ℒ, symmetric, applied through
 * exact Hessian-vector products. Passed to ros34pw2, it makes the stiff solver for long plateaus after a mode is
 * learned (see gradientFlowStiff).
 */
import type { DeepLinearShape } from '../networks/deepLinearShape.js';
import { PopulationHessian } from '../networks/populationHessian.js';
import type { Teacher } from '../networks/teacher.js';
import type { SymmetricJacobian } from './ros34pw2.js';

export function gradientFlowJacobian(shape: DeepLinearShape, teacher: Teacher): SymmetricJacobian {
  const hessian = new PopulationHessian(shape, teacher);
  return {
    setPoint: (theta) => {
      hessian.at(theta);
    },
    apply: (v, out) => {
      hessian.apply(v, out);
      for (let i = 0; i < out.length; i++) out[i] = -out[i];
    },
  };
}
