// What zod's `z.locales` holds in our bundles: English, the only locale we use (see build.mjs).
export { default as en } from 'zod/v4/locales/en.js';
