import { setFlagsFromString } from 'node:v8';

/*
 * V8 runs a regular expression through its bytecode interpreter the first time and compiles it to
 * machine code only when it runs again. The claim rules' patterns are large, and one first run on a
 * long paragraph costs more than compiling them: a cold process spent about a second and a half so
 * on one lesson that a warm one checks in 50 ms. Compiled from the first run, a lint of
 * ../shared/corpus-large takes a fifth less CPU. Imported first, before any pattern runs; the
 * worker threads share the process's flags.
 */
setFlagsFromString('--no-regexp-tier-up');
