// n8n's own nodes (n8n-nodes-base 2.11.2, matching the pinned n8n-core 2.11.1)
// for tests and the benchmark, from this folder's separate install.
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const NODES_DIR = path.join(__dirname, 'node_modules', 'n8n-nodes-base', 'dist', 'nodes');

function isInstalled() {
	return fs.existsSync(NODES_DIR);
}

/** `npm ci` in this folder when its node_modules is missing (about 50 s, ~800 MB). */
function ensureInstalled({ quiet = false } = {}) {
	if (isInstalled()) return;
	if (!quiet) console.log('Installing n8n-nodes-base for the example and baseline tests (test/n8n-peer)…');
	execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: __dirname, stdio: quiet ? 'ignore' : 'inherit' });
}

/**
 * An instance of one of n8n's nodes, e.g. peerNode('GraphQL/GraphQL.node.js'),
 * to register with the engine harness as `n8n-nodes-base.<name>`.
 */
function peerNode(relativePath) {
	ensureInstalled();
	const exported = require(path.join(NODES_DIR, relativePath));
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
