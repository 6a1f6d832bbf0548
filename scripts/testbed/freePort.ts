/** A port that was free on 127.0.0.1 a moment ago: the product's own choice, shared with the test bed. */
export { freeLoopbackPort as freePort } from '../../src/localServer/launcher';
