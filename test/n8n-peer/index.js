// n8n's own nodes (n8n-nodes-base 2.11.2, matching the pinned n8n-core 2.11.1)
// for tests and the benchmark, from this folder's separate install.
//
// n8n-nodes-base declares ~75 dependencies (~900 packages, ~800 MB, among them
// isolated-vm for its Code node, which needs Node >= 22) for its ~500 nodes.
// The tests use a handful of nodes, so the install is small: `npm ci` of this
// folder's lockfile brings only the modules those nodes require, and
// n8n-nodes-base itself is unpacked from its registry tarball (integrity
// checked against package.json's `n8nNodesBase`) without its dependency tree.
const { execFileSync } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');

const MANIFEST = require('./package.json');
const NODE_MODULES = path.join(__dirname, 'node_modules');
const NODES_BASE = path.join(NODE_MODULES, 'n8n-nodes-base');
const NODES_DIR = path.join(NODES_BASE, 'dist', 'nodes');
const { version: NODES_BASE_VERSION, integrity: NODES_BASE_INTEGRITY } = MANIFEST.n8nNodesBase;

const dependenciesInstalled = () =>
	Object.keys(MANIFEST.dependencies).every((name) => fs.existsSync(path.join(NODE_MODULES, name, 'package.json')));

function nodesBaseInstalled() {
	const pkgFile = path.join(NODES_BASE, 'package.json');
	return fs.existsSync(pkgFile) && JSON.parse(fs.readFileSync(pkgFile, 'utf8')).version === NODES_BASE_VERSION;
}

function isInstalled() {
	return dependenciesInstalled() && nodesBaseInstalled();
}

/** n8n-nodes-base's tarball (from the npm cache or registry), checked, unpacked into node_modules/n8n-nodes-base. */
function unpackNodesBase() {
	const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-nodes-base-'));
	try {
		const spec = `n8n-nodes-base@${NODES_BASE_VERSION}`;
		execFileSync('npm', ['pack', spec, '--pack-destination', temp, '--loglevel=error'], { cwd: temp, stdio: 'ignore' });
		const tarball = path.join(temp, `n8n-nodes-base-${NODES_BASE_VERSION}.tgz`);
		const [algorithm, expected] = NODES_BASE_INTEGRITY.split(/-(.*)/s);
		const actual = crypto.createHash(algorithm).update(fs.readFileSync(tarball)).digest('base64');
		if (actual !== expected) throw new Error(`${spec}: tarball integrity ${algorithm}-${actual} does not match package.json's ${NODES_BASE_INTEGRITY}`);
		// Unpack beside the target and rename, so a half-unpacked folder never counts as installed.
		const staging = path.join(NODE_MODULES, '.n8n-nodes-base-staging');
		fs.rmSync(staging, { recursive: true, force: true });
		fs.mkdirSync(staging, { recursive: true });
		// The compiled nodes, credentials and catalogs; not the TypeScript declarations, source maps
		// or the AI builder's node definitions (half the files, none of them loaded).
		const skip = ['package/dist/node-definitions', '*.d.ts', '*.js.map'].map((pattern) => `--exclude=${pattern}`);
		execFileSync('tar', ['-xzf', tarball, '-C', staging, '--strip-components=1', ...skip, 'package/package.json', 'package/dist']);
		fs.rmSync(NODES_BASE, { recursive: true, force: true });
		fs.renameSync(staging, NODES_BASE);
	} finally {
		fs.rmSync(temp, { recursive: true, force: true });
	}
}

/** Installs what is missing: this folder's lockfile (28 small packages), then n8n-nodes-base (9 MB download). 10–40 s, ~90 MB. */
function ensureInstalled({ quiet = false } = {}) {
	if (isInstalled()) return;
	const started = Date.now();
	if (!quiet) {
		console.log(
			`test/n8n-peer: installing n8n's own nodes (n8n-nodes-base ${NODES_BASE_VERSION} and the ${Object.keys(MANIFEST.dependencies).length} modules its tested nodes need) for the example-workflow tests — first run only, 10–40 s, ~90 MB.`,
		);
	}
	if (!dependenciesInstalled()) {
		execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: __dirname, stdio: quiet ? 'ignore' : ['ignore', 'ignore', 'inherit'] });
	}
	unpackNodesBase();
	if (!quiet) console.log(`test/n8n-peer: installed in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

/**
 * An instance of one of n8n's nodes, e.g. peerNode('GraphQL/GraphQL.node.js'),
 * to register with the engine harness as `n8n-nodes-base.<name>`.
 */
function peerNode(relativePath) {
	ensureInstalled();
	let exported;
	try {
		exported = require(path.join(NODES_DIR, relativePath));
	} catch (error) {
		if (error.code !== 'MODULE_NOT_FOUND' || !/Cannot find module '(?![./])/.test(error.message)) throw error;
		const [, missing] = /Cannot find module '([^']+)'/.exec(error.message);
		throw new Error(
			`n8n-nodes-base's ${relativePath} requires "${missing}", which test/n8n-peer does not install: add it to test/n8n-peer/package.json's dependencies at n8n-nodes-base ${NODES_BASE_VERSION}'s version (npm view n8n-nodes-base@${NODES_BASE_VERSION} dependencies) and run \`npm install --package-lock-only\` there.`,
			{ cause: error },
		);
	}
	const NodeClass = Object.values(exported).find((value) => typeof value === 'function');
	return new NodeClass();
}

/** `{ 'n8n-nodes-base.<name>': instance }` for the harness's `extraNodeTypes`. */
function peerNodeTypes(relativePaths) {
	const types = {};
	for (const relativePath of relativePaths) {
		const node = peerNode(relativePath);
		const name = node.description?.name ?? node.nodeVersions?.[node.currentVersion]?.description?.name;
		types[`n8n-nodes-base.${name}`] = node;
	}
	return types;
}

module.exports = { NODES_DIR, isInstalled, ensureInstalled, peerNode, peerNodeTypes };
