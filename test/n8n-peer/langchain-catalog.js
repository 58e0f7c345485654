// The node catalog (dist/types/nodes.json: names, versions, inputs, outputs,
// properties) of n8n's AI nodes, @n8n/n8n-nodes-langchain 2.11.2 (the release
// of the pinned n8n-nodes-base). Only the package's own tarball is fetched,
// with `npm pack`, not its dependencies: the AI nodes cannot run offline
// anyway (they need a language model), but their catalog tells whether an
// example workflow names real node types, versions and parameters.
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const PACKAGE = '@n8n/n8n-nodes-langchain@2.11.2';
const DIR = path.join(__dirname, 'node_modules', '.n8n-nodes-langchain-catalog');
const CATALOG = path.join(DIR, 'package', 'dist', 'types', 'nodes.json');

function langchainCatalog() {
	if (!fs.existsSync(CATALOG)) {
		fs.mkdirSync(DIR, { recursive: true });
		const out = execFileSync('npm', ['pack', PACKAGE, '--json', '--pack-destination', DIR], { cwd: DIR, encoding: 'utf8' });
		const [{ filename }] = JSON.parse(out);
		execFileSync('tar', ['xzf', path.join(DIR, filename), '-C', DIR, 'package/dist/types/nodes.json']);
	}
	return JSON.parse(fs.readFileSync(CATALOG, 'utf8'));
}

module.exports = { LANGCHAIN_PACKAGE: PACKAGE, langchainCatalog };
