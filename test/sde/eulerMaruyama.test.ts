import { describe } from 'vitest';
import { testStrongOrders } from './convergenceCases.js';

describe('eulerMaruyama', () => {
  testStrongOrders('eulerMaruyama');
});
