/**
 * How npm start's processes run TypeScript: `node --require scripts/platform/typescript-hook.cjs
 * <entry.ts>`. Each .ts file is turned into CommonJS by esbuild (tsx's own copy) once, and the result
 * is kept in .data/typescript/ under a hash of its path and source, so a warm start compiles nothing.
 * Why not `--import tsx`: tsx also hooks the resolution and loading of every file of node_modules
 * (tens of thousands of calls in a subgraph's boot), which doubled the CPU spent loading them; eight
 * processes booting at once on two cores felt it. Node's own resolver finds .ts files once `.ts` is
 * a known extension, and the kit's package exports name its .ts files. Tests and one-off scripts
 * keep using tsx and @swc/jest.
 */
/* global require, __dirname, process -- CommonJS in Node, loaded by `node --require` before any TypeScript */
/* eslint-disable @typescript-eslint/no-require-imports -- the same */
'use strict';
const crypto = require('node:crypto');
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');

const root = path.resolve(__dirname, '../..');
const cacheDir = process.env.PEACEGRAPH_TYPESCRIPT_CACHE || path.join(root, '.data', 'typescript');
let esbuild;

/** tsx's esbuild: the version tsx was tested with, and no dependency of our own to keep in step. */
function loadEsbuild() {
  esbuild ??= require(require.resolve('esbuild', { paths: [path.dirname(require.resolve('tsx/package.json'))] }));
  return esbuild;
}

/** The esbuild version is part of the key, read without loading esbuild (its package.json). */
const compilerVersion = (() => {
  try {
    const tsxDir = path.dirname(require.resolve('tsx/package.json'));
    return require(require.resolve('esbuild/package.json', { paths: [tsxDir] })).version;
  } catch {
    return 'unknown';
  }
})();

function compile(source, filename) {
  const { code } = loadEsbuild().transformSync(source, {
    loader: 'ts',
    format: 'cjs',
    target: 'node20',
    sourcefile: filename,
    // Stack traces in the logs name the .ts line (Node reads the map only when an error is printed).
    sourcemap: 'inline',
    // `await import(file)` of a .ts file must go through this hook, which only require() takes.
    supported: { 'dynamic-import': false },
  });
  return code;
}

function cached(source, filename) {
  const key = crypto.createHash('sha256').update(compilerVersion).update('\0').update(filename).update('\0').update(source).digest('hex');
  const file = path.join(cacheDir, key.slice(0, 2), `${key}.js`);
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    // not compiled yet
  }
  const code = compile(source, filename);
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // Several processes compile the same kit files at once: each writes its own file, then renames.
    const partial = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(partial, code);
    fs.renameSync(partial, file);
  } catch {
    // A cache that cannot be written costs time, not correctness.
  }
  return code;
}

Module._extensions['.ts'] = function loadTypeScript(module, filename) {
  module._compile(cached(fs.readFileSync(filename, 'utf8'), filename), filename);
};
if (process.env.PEACEGRAPH_TYPESCRIPT_MAPS !== 'off') process.setSourceMapsEnabled(true);
