'use strict';
// package.json rules n8n applies to a community package besides ESLint, checked
// by the offline scan (scan.mjs) on the source and on the packed package.json.
// CommonJS so the jest tests can require it directly.

/**
 * npm lifecycle scripts that run by themselves: on the user's machine when the
 * package is installed (n8n installs community packages with npm), or around
 * pack and publish. A verified package is built and published by CI's explicit
 * steps, so none of them has a reason to exist.
 */
const LIFECYCLE_SCRIPTS = [
	'preinstall',
	'install',
	'postinstall',
	'preuninstall',
	'uninstall',
	'postuninstall',
	'preprepare',
	'prepare',
	'postprepare',
	'prepublish',
	'prepublishOnly',
	'publish',
	'postpublish',
	'prepack',
	'pack',
	'postpack',
	'dependencies',
];

const RUNTIME_DEPENDENCY_FIELDS = ['dependencies', 'optionalDependencies', 'bundleDependencies', 'bundledDependencies'];

/** Problems with a parsed package.json, as sentences (empty = fine). */
function checkManifest(pkg) {
	const problems = [];
	for (const field of RUNTIME_DEPENDENCY_FIELDS) {
		const value = pkg[field];
		if (value === undefined) continue;
		const names = Array.isArray(value) ? value : Object.keys(value ?? {});
		problems.push(
			names.length
				? `package.json has ${field} (${names.join(', ')}): community packages may not have runtime dependencies`
				: `package.json has an empty ${field} field: remove it`,
		);
	}
	if (pkg.overrides !== undefined) problems.push('package.json has an overrides field: n8n rejects it');
	const scripts = pkg.scripts ?? {};
	const lifecycle = LIFECYCLE_SCRIPTS.filter((name) => Object.prototype.hasOwnProperty.call(scripts, name));
	if (lifecycle.length) {
		problems.push(`package.json has lifecycle scripts (${lifecycle.join(', ')}): build and publish from CI instead`);
	}
	const peers = pkg.peerDependencies;
	if (!peers || typeof peers !== 'object' || Object.keys(peers).length !== 1 || peers['n8n-workflow'] !== '*') {
		problems.push(`package.json peerDependencies must be exactly {"n8n-workflow":"*"}, found ${JSON.stringify(peers ?? null)}`);
	}
	return problems;
}

module.exports = { checkManifest, LIFECYCLE_SCRIPTS, RUNTIME_DEPENDENCY_FIELDS };
