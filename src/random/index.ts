export { mix32, RandomStream, randomStream } from './stream.js';
