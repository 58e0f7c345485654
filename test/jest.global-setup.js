// The engine and package tests load the package the way n8n does: from the
// compiled dist/ named by package.json's `n8n` attribute. Build it once per run
// so `npm test` on a fresh checkout needs no separate build step.
const { execFileSync } = require('child_process');
const path = require('path');

module.exports = async function globalSetup() {
	const root = path.resolve(__dirname, '..');
	execFileSync(process.execPath, [require.resolve('typescript/bin/tsc', { paths: [root] }), '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
	execFileSync(process.execPath, [require.resolve('gulp/bin/gulp.js', { paths: [root] }), 'build:icons'], { cwd: root, stdio: 'ignore' });
};
