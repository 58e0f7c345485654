#!/usr/bin/env node
// `npm run lint`, second half: `n8n-node lint` (@n8n/node-cli, n8n's official
// node tooling) with n8n's own ESLint config, exactly as in a package made with
// `n8n-node new`.
//
// `n8n-node lint` runs `eslint .` in the package folder with that folder's
// eslint.config.mjs. This repository's eslint.config.mjs is the scanner's rule
// set (the first half of `npm run lint`, and the configuration `npm run scan`
// is compared with), and the repository also holds tests, a simulator and
// tooling that are not part of the node. So n8n-node lints a staged copy of
// what the package is made of — package.json, index.js, tsconfig.json, nodes/,
// credentials/ — next to n8n's starter eslint.config.mjs, taken verbatim from
// the installed @n8n/node-cli. Reported paths are mapped back to the repository.
// Exit code: n8n-node's (ESLint's: 1 on any error; warnings pass).
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const tools = require('.');

const ROOT = path.resolve(__dirname, '..', '..');
const STAGE = path.join(__dirname, '.lint-tree');
const PACKAGE_FILES = ['package.json', 'index.js', 'tsconfig.json', 'nodes', 'credentials'];

/** A fresh copy of the package's sources beside n8n's starter ESLint config and the tools' node_modules. */
function stage() {
	fs.rmSync(STAGE, { recursive: true, force: true });
	fs.mkdirSync(STAGE, { recursive: true });
	for (const entry of PACKAGE_FILES) fs.cpSync(path.join(ROOT, entry), path.join(STAGE, entry), { recursive: true });
	fs.copyFileSync(tools.STARTER_ESLINT_CONFIG, path.join(STAGE, 'eslint.config.mjs'));
	fs.symlinkSync(path.relative(STAGE, tools.NODE_MODULES), path.join(STAGE, 'node_modules'), 'dir');
	return STAGE;
}

function main() {
	tools.ensureInstalled();
	const cwd = stage();
	const n8nNode = path.join(tools.NODE_MODULES, '@n8n', 'node-cli', 'bin', 'n8n-node.mjs');
	const result = spawnSync(process.execPath, [n8nNode, 'lint'], {
		cwd,
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024,
		// n8n-node runs ESLint through the package manager it detects (npm here).
		env: { ...process.env, npm_config_user_agent: process.env.npm_config_user_agent || 'npm' },
	});
	if (result.error) throw result.error;
	const toRepo = (text) => (text || '').split(`${STAGE}${path.sep}`).join(`${ROOT}${path.sep}`);
	process.stdout.write(toRepo(result.stdout));
	process.stderr.write(toRepo(result.stderr));
	if (result.status === 0) {
		fs.rmSync(STAGE, { recursive: true, force: true });
		process.stdout.write('✔ n8n-node lint passed: no errors (warnings, if any, fail neither it nor n8n\'s scanner)\n');
	} else process.stdout.write(`(n8n-node lint ran in ${path.relative(ROOT, STAGE)}, a copy of ${PACKAGE_FILES.join(', ')} with n8n's starter eslint.config.mjs; kept for a look)\n`);
	process.exitCode = result.status ?? 1;
}

if (require.main === module) main();

module.exports = { stage, STAGE, PACKAGE_FILES };
