#!/usr/bin/env node
// `npm run scan`: n8n's community-package verification, offline.
//
// n8n's scanner (@n8n/scan-community-package, packages/@n8n/scan-community-package
// in n8n-io/n8n) downloads the published tarball and the GitHub source its npm
// provenance points at, and runs its `analyzePackage` on both: ESLint with
// `allowInlineConfig: false` and its own rule set (`buildScanConfig`) over
//   - the tarball: `**/*.js` and `package.json`
//   - the source:  `package.json` and `{nodes,credentials}/**/*.{js,ts,json}` (SOURCE_FILE_PATTERNS)
// A package fails on any ESLint error (warnings pass). This script runs that
// very analysis — the scanner's own module, pinned in test/n8n-tools and
// installed on first use — on the tarball `npm pack` would publish and on the
// working tree as the source, so "would pass verification" is checked on every
// change instead of after publishing. Its verdict is the result object's
// `passed` (the scanner's CLI exits 0 even when a scan fails).
//
// On top of it, checks the scanner lacks:
//   - the same two legs linted with this project's eslint.config.mjs (what
//     `npm run lint` applies: a newer @n8n/eslint-plugin-community-nodes, a
//     superset of the scanner's rules), with the per-file results the tests read;
//   - what n8n refuses outright, independently of any rule set: runtime
//     dependencies, `overrides`, lifecycle scripts, peerDependencies other than
//     exactly {"n8n-workflow": "*"} (manifest.js), entry points missing from the tarball;
//   - no shipped code file (.js, .cjs, .mjs, .ts) that uses both `atob` and
//     `eval` (the pairing the coming malware stage of n8n's scanner flags).
//
// Usage: node test/scan/scan.mjs [packageDir]   (default: this repository)
// Exit code 0 when the package passes, 1 when it does not, 2 on a crash.
// `scanPackage(dir)` is exported for the tests.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

import manifest from './manifest.js';

// eslint-plugin-n8n-nodes-base reads NODE_ENV once, when it is loaded: under
// NODE_ENV=test (what jest sets) its filename rules expect fixture paths and
// report false errors on real files. n8n's scanner never runs with it, so
// neither does this scan: clear it before ESLint and the plugins load.
if (process.env.NODE_ENV === 'test') delete process.env.NODE_ENV;

const { ESLint } = await import('eslint');

// The rule set lives in one place: the project's eslint.config.mjs mirrors
// `buildScanConfig` entry for entry. Its global `ignores` entry only keeps
// `npm run lint` off dist/ and test/; the scanner has no ignores (it lints the
// tarball's dist/ on purpose), so it is dropped here.
const { default: projectConfig } = await import('../../eslint.config.mjs');

export const { checkManifest, LIFECYCLE_SCRIPTS } = manifest;

const tools = createRequire(import.meta.url)('../n8n-tools');

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export const SCAN_CONFIG = projectConfig.filter(
	(entry) => !(Object.keys(entry).length === 1 && Array.isArray(entry.ignores)),
);

/** Scanner's two legs: which files of which tree get linted. */
export const TARBALL_PATTERNS = ['**/*.js', 'package.json'];
export const SOURCE_PATTERNS = ['package.json', '{nodes,credentials}/**/*.{js,ts,json}'];

// ---- files -------------------------------------------------------------------------

/** Expand `{a,b}` alternatives (not nested) into plain patterns. */
function expandBraces(pattern) {
	const match = /\{([^{}]*)\}/.exec(pattern);
	if (!match) return [pattern];
	return match[1]
		.split(',')
		.flatMap((alt) => expandBraces(pattern.slice(0, match.index) + alt + pattern.slice(match.index + match[0].length)));
}

/** A glob (`**`, `*`, `{a,b}`) as a RegExp over '/'-separated relative paths. */
function globToRegExp(pattern) {
	const alternatives = expandBraces(pattern).map((p) => {
		let re = '';
		for (let i = 0; i < p.length; i++) {
			const c = p[i];
			if (c === '*' && p[i + 1] === '*') {
				// `**/` = zero or more directories; a trailing `**` = anything.
				if (p[i + 2] === '/') {
					re += '(?:[^/]+/)*';
					i += 2;
				} else {
					re += '.*';
					i += 1;
				}
			} else if (c === '*') re += '[^/]*';
			else if (c === '?') re += '[^/]';
			else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
		}
		return re;
	});
	return new RegExp(`^(?:${alternatives.join('|')})$`);
}

/** Files under `dir` matching any pattern, as absolute paths; node_modules and lockfiles skipped, as the scanner does. */
export function findFiles(dir, patterns) {
	const regexps = patterns.map(globToRegExp);
	const found = [];
	const walk = (relative) => {
		for (const entry of fs.readdirSync(path.join(dir, relative), { withFileTypes: true })) {
			const rel = relative ? `${relative}/${entry.name}` : entry.name;
			if (entry.isDirectory()) {
				if (entry.name !== 'node_modules' && entry.name !== '.git') walk(rel);
			} else if (entry.isFile() && !rel.endsWith('package-lock.json') && regexps.some((re) => re.test(rel))) {
				found.push(path.join(dir, rel));
			}
		}
	};
	walk('');
	return found.sort();
}

// ---- lint -----------------------------------------------------------------------------

/** One scanner leg: lint the matching files of `cwd` with the scan config, inline config off. */
export async function lintTree(cwd, patterns) {
	const eslint = new ESLint({ cwd, allowInlineConfig: false, overrideConfigFile: true, overrideConfig: SCAN_CONFIG });
	const files = findFiles(cwd, patterns);
	if (files.length === 0) return { files, results: [], errorCount: 0, warningCount: 0, report: '' };
	const results = await eslint.lintFiles(files);
	const formatter = await eslint.loadFormatter('stylish');
	return {
		files,
		results,
		errorCount: results.reduce((n, r) => n + r.errorCount, 0),
		warningCount: results.reduce((n, r) => n + r.warningCount, 0),
		report: await formatter.format(results),
	};
}

// ---- pack -----------------------------------------------------------------------------

function run(command, args, options) {
	const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
	if (result.error) throw result.error;
	if (result.status !== 0) {
		throw new Error(`${command} ${args.join(' ')} exited ${result.status}\n${result.stderr || result.stdout}`);
	}
	return result.stdout;
}

/** The files package.json's `n8n` attribute names: what has to exist before packing. */
function builtEntryPoints(dir, pkg) {
	const n8n = pkg.n8n ?? {};
	return [...(n8n.nodes ?? []), ...(n8n.credentials ?? [])].map((file) => path.join(dir, file));
}

/**
 * `npm pack` `dir` into a fresh temp dir and extract it, as the scanner does with
 * the published tarball. Lifecycle scripts are not run (the scan rejects them anyway).
 */
export function packAndExtract(dir) {
	const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-scan-'));
	const out = run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', temp], { cwd: dir });
	const [info] = JSON.parse(out.slice(out.indexOf('[')));
	const tarball = path.join(temp, info.filename);
	const extracted = path.join(temp, 'package');
	fs.mkdirSync(extracted);
	run('tar', ['-xzf', tarball, '-C', extracted, '--strip-components=1']);
	return {
		temp,
		tarball,
		extracted,
		size: info.size,
		unpackedSize: info.unpackedSize,
		files: info.files.map((f) => f.path).sort(),
	};
}

// ---- n8n's scanner ---------------------------------------------------------------------

let scannerModule;

/**
 * The real scanner's module (installed on first use). Importing it creates a
 * temp dir it never removes: that lands in a dir of ours, removed at exit.
 */
export async function loadScanner() {
	if (scannerModule) return scannerModule;
	tools.ensureInstalled();
	const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-scanner-'));
	process.on('exit', () => fs.rmSync(tmpRoot, { recursive: true, force: true }));
	const saved = process.env.TMPDIR;
	process.env.TMPDIR = tmpRoot;
	try {
		const module = await import(pathToFileURL(tools.SCANNER).href);
		scannerModule = { ...module, version: tools.installedVersion('@n8n/scan-community-package') };
	} finally {
		if (saved === undefined) delete process.env.TMPDIR;
		else process.env.TMPDIR = saved;
	}
	return scannerModule;
}

/** One leg through the scanner's own `analyzePackage`: its result object ({ passed, message?, details? }) and the patterns. */
async function analyze(scanner, cwd, patterns) {
	const result = await scanner.analyzePackage(cwd, patterns);
	// It passes a tree with nothing to lint ("No files found to analyze"): not a pass here.
	const passed = result.passed === true && result.message === undefined;
	return { patterns, passed, message: result.message, details: result.details ?? '' };
}

// ---- atob + eval ----------------------------------------------------------------------

const ATOB = /\batob\b/;
const EVAL = /\beval\b/;

/** Code that can run when the package is loaded; README and the like may name the functions. */
const CODE_FILE = /\.(?:[cm]?js|ts)$/;

/** Code files of `dir` (relative paths given) whose text uses both `atob` and `eval`. */
export function atobEvalFiles(dir, files) {
	return files.filter((file) => {
		if (!CODE_FILE.test(file)) return false;
		const text = fs.readFileSync(path.join(dir, file), 'utf8');
		return ATOB.test(text) && EVAL.test(text);
	});
}

// ---- the scan -----------------------------------------------------------------------

/**
 * Scan the package in `dir`. Builds first (`npm run build`) when the files
 * package.json's `n8n` attribute names are missing and a build script exists.
 * Resolves to { passed, problems, source, tarball, pack, ms }; nothing is printed.
 */
export async function scanPackage(dir = ROOT, { build = true } = {}) {
	const started = Date.now();
	dir = path.resolve(dir);
	const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
	if (build && pkg.scripts?.build && builtEntryPoints(dir, pkg).some((file) => !fs.existsSync(file))) {
		run('npm', ['run', 'build'], { cwd: dir });
	}

	const problems = checkManifest(pkg).map((p) => `source ${p}`);
	const pack = packAndExtract(dir);
	try {
		const packedPkg = JSON.parse(fs.readFileSync(path.join(pack.extracted, 'package.json'), 'utf8'));
		problems.push(...checkManifest(packedPkg).map((p) => `tarball ${p}`));
		for (const file of builtEntryPoints(pack.extracted, packedPkg)) {
			if (!fs.existsSync(file)) problems.push(`tarball lacks ${path.relative(pack.extracted, file)}, named in package.json's n8n attribute`);
		}

		for (const file of atobEvalFiles(pack.extracted, pack.files)) {
			problems.push(`tarball ${file} uses both atob and eval: n8n's malware check flags the pair`);
		}

		// n8n's scanner, as it runs on a published package (tarball leg, then source leg).
		const scanner = await loadScanner();
		const scannerTarball = await analyze(scanner, pack.extracted, TARBALL_PATTERNS);
		const scannerSource = await analyze(scanner, dir, scanner.SOURCE_FILE_PATTERNS);
		if (!scannerTarball.passed) problems.push(`n8n scanner ${scanner.version}, tarball: ${scannerTarball.message}`);
		if (!scannerSource.passed) problems.push(`n8n scanner ${scanner.version}, source: ${scannerSource.message}`);

		const tarball = await lintTree(pack.extracted, TARBALL_PATTERNS);
		const source = await lintTree(dir, SOURCE_PATTERNS);
		if (tarball.errorCount) problems.push(`tarball: ${tarball.errorCount} ESLint error(s)`);
		if (source.errorCount) problems.push(`source: ${source.errorCount} ESLint error(s)`);
		// Report paths relative to the tree they came from, not the temp dir.
		tarball.report = tarball.report.split(pack.extracted).join('<tarball>');
		scannerTarball.details = scannerTarball.details.split(pack.extracted).join('<tarball>');
		return {
			passed: problems.length === 0,
			problems,
			scanner: { version: scanner.version, tarball: scannerTarball, source: scannerSource },
			source,
			tarball,
			pack: { filename: path.basename(pack.tarball), size: pack.size, unpackedSize: pack.unpackedSize, files: pack.files },
			ms: Date.now() - started,
		};
	} finally {
		fs.rmSync(pack.temp, { recursive: true, force: true });
	}
}

async function main() {
	const dir = path.resolve(process.argv[2] ?? ROOT);
	const result = await scanPackage(dir);
	const out = process.stdout;
	out.write(`n8n community-package scan of ${dir}\n`);
	out.write(`  tarball  ${result.pack.filename}: ${result.pack.files.length} files, ${result.pack.size} bytes packed, ${result.pack.unpackedSize} unpacked\n`);
	const verdict = (leg) => (leg.passed ? 'passed' : `FAILED (${leg.message})`);
	out.write(`  n8n scanner ${result.scanner.version} (@n8n/scan-community-package analyzePackage):\n`);
	out.write(`           tarball (${result.scanner.tarball.patterns.join(', ')}): ${verdict(result.scanner.tarball)}\n`);
	out.write(`           source  (${result.scanner.source.patterns.join(', ')}): ${verdict(result.scanner.source)}\n`);
	out.write(`  lint     project rule set (eslint.config.mjs), tarball ${result.tarball.files.length} files (${TARBALL_PATTERNS.join(', ')}): ${result.tarball.errorCount} errors, ${result.tarball.warningCount} warnings\n`);
	out.write(`           source  ${result.source.files.length} files (${SOURCE_PATTERNS.join(', ')}): ${result.source.errorCount} errors, ${result.source.warningCount} warnings\n`);
	if (result.scanner.tarball.details) out.write(`\n== n8n scanner, tarball\n${result.scanner.tarball.details}`);
	if (result.scanner.source.details) out.write(`\n== n8n scanner, source\n${result.scanner.source.details}`);
	if (result.tarball.report) out.write(`\n== tarball\n${result.tarball.report}`);
	if (result.source.report) out.write(`\n== source\n${result.source.report}`);
	for (const problem of result.problems) out.write(`✖ ${problem}\n`);
	out.write(result.passed ? `✔ scan passed in ${result.ms} ms\n` : `✖ scan failed in ${result.ms} ms\n`);
	process.exitCode = result.passed ? 0 : 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	main().catch((error) => {
		process.stderr.write(`scan crashed: ${error.stack || error}\n`);
		process.exitCode = 2;
	});
}
