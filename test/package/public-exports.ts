// The walker of the entries' exports lives with the docs generator, which renders docs/api.md from the same walk.
export { publicExports, type PublicExport } from '../../scripts/docs/public-exports.js';
