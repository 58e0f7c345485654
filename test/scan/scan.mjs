#!/usr/bin/env node
// `npm run scan`: n8n's community-package verification, offline.
//
// n8n's scanner (packages/@n8n/scan-community-package/scanner/scanner.mjs in
// n8n-io/n8n) downloads the published tarball and the GitHub source its npm
// provenance points at, and lints both with ESLint({ allowInlineConfig: false,
// overrideConfigFile: true, overrideConfig: buildScanConfig() }):
//   - the tarball: `**/*.js` and `package.json`
//   - the source:  `package.json` and `{nodes,credentials}/**/*.{js,ts,json}`
// A package fails on any ESLint error (warnings pass). This script does the
// same with the tarball `npm pack` would publish and the working tree as the
// source, so "would pass verification" is checked on every change instead of
// after publishing. On top of the lint it rejects, independently of the rule
// set, what n8n refuses outright: runtime dependencies, `overrides`, lifecycle
// scripts, and peerDependencies other than exactly {"n8n-workflow": "*"}.
//
// Usage: node test/scan/scan.mjs [packageDir]   (default: this repository)
// Exit code 0 when the package passes, 1 when it does not, 2 on a crash.
// `scanPackage(dir)` is exported for the tests.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

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

		const tarball = await lintTree(pack.extracted, TARBALL_PATTERNS);
		const source = await lintTree(dir, SOURCE_PATTERNS);
		if (tarball.errorCount) problems.push(`tarball: ${tarball.errorCount} ESLint error(s)`);
		if (source.errorCount) problems.push(`source: ${source.errorCount} ESLint error(s)`);
		// Report paths relative to the tree they came from, not the temp dir.
		tarball.report = tarball.report.split(pack.extracted).join('<tarball>');
		return {
			passed: problems.length === 0,
			problems,
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
	out.write(`  lint     tarball ${result.tarball.files.length} files (${TARBALL_PATTERNS.join(', ')}): ${result.tarball.errorCount} errors, ${result.tarball.warningCount} warnings\n`);
	out.write(`           source  ${result.source.files.length} files (${SOURCE_PATTERNS.join(', ')}): ${result.source.errorCount} errors, ${result.source.warningCount} warnings\n`);
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
