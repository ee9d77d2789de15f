// The one bundle's entry: both front doors over the one engine.
export { runAction } from './front/action.ts';
export { runCli } from './front/cli.ts';
export { forestWorkerMain } from './engine/forest/pool.ts';
export { splitWorkerMain } from './engine/data/split-threads.ts';
export { predictWorkerMain } from './serve/predict-thread.ts';
