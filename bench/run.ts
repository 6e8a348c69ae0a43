/** `npm run bench`: the analyzer benchmark (bench/analyze.ts); pass its flags after `--`. */
await import('./analyze.js');
