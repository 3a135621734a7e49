// Compiles the message catalogue (messages/*.json) to src/lib/paraglide, as the Vite plugin does
// during builds; `npm run check` runs it first so type checks see every message.
import { compile } from '@inlang/paraglide-js';
import { paraglideOptions } from '../paraglide.config.js';

await compile({ ...paraglideOptions, strategy: [...paraglideOptions.strategy] });
