/**
 * Problems and methods described by plain data, so that every worker thread can build its own copy: a closure
 * cannot cross a thread boundary, but a module URL, an export name and JSON arguments can. The main thread
 * and each worker import the module and call the named factory with the same arguments.
 */
import { InvalidArgumentError } from '../errors.js';
import { functionValue } from '../validate.js';
import { validateSdeProblem } from './sdeProblem.js';
import type { SdeMethod, SdeProblem } from './types.js';

/** A module, an exported factory and its arguments; the factory returns (or resolves to) the built value. */
export interface FactorySpec {
  /** An absolute module URL (`new URL('./problems.js', import.meta.url).href`) or a bare package name. */
  readonly module: string;
  /** The name of the exported factory function. */
  readonly export: string;
  /** JSON-serializable arguments passed to the factory (numbers must be finite). */
  readonly args?: unknown;
}

/** A factory spec whose factory returns an SdeProblem. */
export type ProblemSpec = FactorySpec;

/** Checks the shape of a spec and that its arguments are JSON data; returns a frozen copy. */
export function validateFactorySpec(argument: string, spec: unknown): FactorySpec {
  if (typeof spec !== 'object' || spec === null) {
    throw new InvalidArgumentError(argument, spec, 'an object { module, export, args }');
  }
  const { module, export: name, args } = spec as Record<string, unknown>;
  if (typeof module !== 'string' || module.length === 0 || module.startsWith('.') || module.startsWith('/')) {
    throw new InvalidArgumentError(
      `${argument}.module`,
      module,
      'an absolute module URL or a bare package name',
      "Pass new URL('./file.js', import.meta.url).href so that every thread resolves the same file.",
    );
  }
  if (typeof name !== 'string' || !/^[A-Za-z_$][\w$]*$/.test(name)) {
    throw new InvalidArgumentError(`${argument}.export`, name, 'the name of an exported function');
  }
  jsonData(`${argument}.args`, args);
  return Object.freeze({ module, export: name, args });
}

/** Throws unless `value` is JSON data (null, booleans, finite numbers, strings, arrays, plain objects). */
function jsonData(argument: string, value: unknown): void {
  if (value === undefined || value === null) return;
  const kind = typeof value;
  if (kind === 'boolean' || kind === 'string') return;
  if (kind === 'number') {
    if (!Number.isFinite(value)) {
      throw new InvalidArgumentError(
        argument,
        value,
        'JSON data: a finite number',
        'JSON has no NaN or Infinity.',
      );
    }
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      jsonData(`${argument}[${i}]`, item);
    });
    return;
  }
  if (kind === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [key, item] of Object.entries(value as object)) jsonData(`${argument}.${key}`, item);
    return;
  }
  throw new InvalidArgumentError(
    argument,
    value,
    'JSON data (null, boolean, finite number, string, array or plain object)',
    'Functions, typed arrays and class instances cannot be sent to a worker: pass plain numbers and arrays.',
  );
}

/** Imports the spec's module and calls its factory; a missing module or export is an InvalidArgumentError. */
export async function callFactory(argument: string, spec: FactorySpec): Promise<unknown> {
  let namespace: Record<string, unknown>;
  try {
    namespace = (await import(spec.module)) as Record<string, unknown>;
  } catch (error) {
    throw new InvalidArgumentError(
      `${argument}.module`,
      spec.module,
      'an importable module',
      `Importing it failed: ${(error as Error).message}`,
    );
  }
  const factory = namespace[spec.export];
  if (typeof factory !== 'function') {
    throw new InvalidArgumentError(
      `${argument}.export`,
      spec.export,
      `a function exported by ${spec.module}`,
      `The module exports: ${Object.keys(namespace).join(', ') || 'nothing'}.`,
    );
  }
  return await (factory as (args: unknown) => unknown)(spec.args);
}

/** Builds the problem of a spec and checks that the factory returned a well-formed SdeProblem. */
export async function buildProblem(spec: ProblemSpec): Promise<SdeProblem> {
  return validateSdeProblem(await callFactory('problem', spec));
}

/** Checks that a value built by a method factory is an SdeMethod. */
export function validateMethod(argument: string, value: unknown): SdeMethod {
  if (typeof value !== 'object' || value === null) {
    throw new InvalidArgumentError(argument, value, 'an SdeMethod object');
  }
  const method = value as SdeMethod;
  functionValue(`${argument}.createStepper`, method.createStepper);
  if (typeof method.name !== 'string')
    throw new InvalidArgumentError(`${argument}.name`, method.name, 'a string');
  return method;
}
