// n8n's own community-node tools from this folder's separate install (see
// package.json): installed on first use with `npm ci`, scripts off, into the
// git-ignored node_modules here.
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const NODE_MODULES = path.join(__dirname, 'node_modules');
const MANIFEST = require('./package.json');

const installedVersion = (name) => {
	const file = path.join(NODE_MODULES, name, 'package.json');
	return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')).version : undefined;
};

function isInstalled() {
	return Object.entries(MANIFEST.dependencies).every(([name, version]) => installedVersion(name) === version);
}

/** `npm ci` here when a pinned tool is missing or at another version (15–50 s, ~190 MB). */
function ensureInstalled({ quiet = false } = {}) {
	if (isInstalled()) return;
	const started = Date.now();
	if (!quiet) {
		const tools = Object.entries(MANIFEST.dependencies).filter(([name]) => name.startsWith('@n8n/')).map(([name, version]) => `${name} ${version}`);
		// stderr: the scan's callers read its stdout.
		process.stderr.write(`test/n8n-tools: installing n8n's community-node tools (${tools.join(', ')}) for npm run lint / scan — first run only, 15–50 s, ~190 MB.\n`);
	}
	execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: __dirname, stdio: quiet ? 'ignore' : ['ignore', 'ignore', 'inherit'] });
	if (!isInstalled()) throw new Error(`npm ci in ${__dirname} did not install ${JSON.stringify(MANIFEST.dependencies)}`);
	if (!quiet) process.stderr.write(`test/n8n-tools: installed in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);
}

const bin = (name) => path.join(NODE_MODULES, '.bin', name);
/** The real scanner's analysis module (ESM; no exports map, so by path). */
const SCANNER = path.join(NODE_MODULES, '@n8n', 'scan-community-package', 'scanner', 'scanner.mjs');
/** n8n's starter eslint.config.mjs, as `n8n-node new` writes it. */
const STARTER_ESLINT_CONFIG = path.join(NODE_MODULES, '@n8n', 'node-cli', 'dist', 'template', 'templates', 'shared', 'default', 'eslint.config.mjs');

module.exports = { NODE_MODULES, MANIFEST, isInstalled, ensureInstalled, bin, SCANNER, STARTER_ESLINT_CONFIG, installedVersion };
