// The engine and package tests load the package the way n8n does: from the
// compiled dist/ named by package.json's `n8n` attribute. Build it once per run
// (what `npm run build` does) so `npm test` on a fresh checkout needs no
// separate build step.
const { execFileSync } = require('child_process');
const path = require('path');

module.exports = async function globalSetup() {
	const root = path.resolve(__dirname, '..');
	const bin = (...parts) => path.join(root, 'node_modules', ...parts);
	execFileSync(process.execPath, [bin('typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
	execFileSync(process.execPath, [bin('gulp', 'bin', 'gulp.js'), 'build:icons'], { cwd: root, stdio: 'ignore' });
	// n8n's own nodes for the example-workflow tests: a separate install (see test/n8n-peer).
	require('./n8n-peer').ensureInstalled();
	// n8n's scanner for the scan tests: a separate install too (see test/n8n-tools).
	require('./n8n-tools').ensureInstalled();
};
