// `npm run scan` must reject what n8n's verification rejects and pass this
// package. The scan is ESM (it imports eslint.config.mjs) and jest's CommonJS
// runtime cannot import ESM, so the scans run in one child Node process that
// prints their results as JSON; one more child runs the CLI for its exit code.
// The children inherit jest's NODE_ENV=test on purpose: eslint-plugin-n8n-nodes-base
// changes its filename rules under it, and the scan must clear it itself.
const { execFileSync, spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { pathToFileURL } = require('url');

const { checkManifest, LIFECYCLE_SCRIPTS } = require('./manifest');

const root = path.resolve(__dirname, '..', '..');
const scanModule = path.join(__dirname, 'scan.mjs');
const fixture = path.join(__dirname, 'fixtures', 'broken-package');

/** A copy of the fixture in a temp dir (as n8n would see a downloaded package), optionally repaired. */
function fixtureCopy(temp, name, repair) {
	const dir = path.join(temp, name);
	fs.cpSync(fixture, dir, { recursive: true });
	if (repair) {
		const pkgFile = path.join(dir, 'package.json');
		const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8'));
		delete pkg.dependencies;
		fs.writeFileSync(pkgFile, `${JSON.stringify(pkg, null, 2)}\n`);
		for (const file of ['dist/nodes/Broken/Broken.node.js', 'nodes/Broken/Broken.node.js']) {
			const full = path.join(dir, file);
			const source = fs.readFileSync(full, 'utf8');
			const repaired = source.replace(/^.*setTimeout.*\n/m, '');
			expect(repaired).not.toBe(source);
			fs.writeFileSync(full, repaired);
		}
	}
	return dir;
}

/** Rule ids of the ESLint errors in one leg, with the file they were found in. */
const errorsOf = (leg) =>
	leg.results.flatMap((r) => r.messages.filter((m) => m.severity === 2).map((m) => `${path.basename(r.filePath)} ${m.ruleId}`)).sort();

describe('npm run scan (offline n8n community-package scanner)', () => {
	let temp;
	let scans;

	beforeAll(() => {
		temp = fs.mkdtempSync(path.join(os.tmpdir(), 'scan-test-'));
		const dirs = {
			project: root,
			broken: fixtureCopy(temp, 'broken'),
			repaired: fixtureCopy(temp, 'repaired', true),
			atobEval: fixtureCopy(temp, 'atob-eval', true),
		};
		// A shipped file that decodes and evaluates: nothing else wrong with the package.
		fs.writeFileSync(path.join(dirs.atobEval, 'dist', 'nodes', 'Broken', 'payload.js'), "'use strict';\nmodule.exports = (s) => eval(atob(s));\n");
		const decoys = path.join(temp, 'decoys');
		fs.mkdirSync(decoys);
		const decoyFiles = {
			'both.js': 'const run = (s) => eval(atob(s));',
			'atob-only.js': 'const decode = (s) => atob(s);',
			'eval-words.js': 'const decode = (s) => atob(s); // evaluate, evaluation, retrieval',
			'eval-only.js': 'eval("1");',
			'notes.md': 'Never ship code that calls eval(atob(s)).',
			'both.mjs': 'export const run = (s) => eval(atob(s));',
		};
		for (const [file, text] of Object.entries(decoyFiles)) fs.writeFileSync(path.join(decoys, file), text);
		const script = `
			const { scanPackage, SCAN_CONFIG, loadScanner, atobEvalFiles } = await import(${JSON.stringify(pathToFileURL(scanModule).href)});
			const dirs = ${JSON.stringify(dirs)};
			const describe = (config) => config.map((entry) => ({ files: entry.files, rules: entry.rules, plugins: Object.keys(entry.plugins ?? {}), parser: Boolean(entry.languageOptions?.parser) }));
			const scanner = await loadScanner();
			const out = {
				config: describe(SCAN_CONFIG),
				scannerConfig: describe(await scanner.buildScanConfig()),
				scannerVersion: scanner.version,
				atobEvalFiles: atobEvalFiles(${JSON.stringify(decoys)}, ${JSON.stringify(Object.keys(decoyFiles))}),
			};
			for (const [name, dir] of Object.entries(dirs)) {
				const r = await scanPackage(dir, { build: false });
				const strip = (leg) => ({ files: leg.files, errorCount: leg.errorCount, report: leg.report, results: leg.results.map(({ filePath, messages }) => ({ filePath, messages })) });
				out[name] = { passed: r.passed, problems: r.problems, pack: r.pack, scanner: r.scanner, tarball: strip(r.tarball), source: strip(r.source) };
			}
			process.stdout.write(JSON.stringify(out));
		`;
		scans = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));
	}, 120000);

	afterAll(() => {
		if (temp) fs.rmSync(temp, { recursive: true, force: true });
	});

	it('uses the scanner rule set from eslint.config.mjs, without its ignores', () => {
		const { config } = scans;
		expect(config.some((entry) => entry.files === undefined && entry.rules?.['no-console'] === 'error')).toBe(true);
		expect(config.some((entry) => entry.plugins.includes('@n8n/community-nodes'))).toBe(true);
		expect(config.some((entry) => entry.plugins.includes('n8n-nodes-base'))).toBe(true);
		const recommended = config.find((entry) => entry.plugins.includes('@n8n/community-nodes'));
		expect(recommended.rules['@n8n/community-nodes/no-restricted-globals']).toBe('error');
		expect(recommended.rules['@n8n/community-nodes/no-runtime-dependencies']).toBe('error');
		// Only the rules n8n's own buildScanConfig turns off may be off.
		const off = config.flatMap((entry) => Object.entries(entry.rules ?? {}).filter(([, level]) => level === 'off' || level === 0).map(([rule]) => rule));
		expect(off.sort()).toEqual(
			[
				'n8n-nodes-base/cred-class-field-documentation-url-miscased',
				'n8n-nodes-base/cred-class-field-type-options-password-missing',
				'n8n-nodes-base/node-class-description-inputs-wrong-regular-node',
				'n8n-nodes-base/node-class-description-outputs-wrong',
				'n8n-nodes-base/node-param-type-options-max-value-present',
			].sort(),
		);
		for (const glob of ['package.json', '**/credentials/**/*.ts', '**/nodes/**/*.ts', '**/*.json', '**/*.ts']) {
			expect(config.some((entry) => entry.files?.includes(glob))).toBe(true);
		}
	});

	it("applies every rule n8n's own scanner applies, at the same files and severity (npm run lint is a superset)", () => {
		const severity = (level) => (Array.isArray(level) ? level[0] : level);
		const byFiles = (config) => {
			const map = {};
			for (const entry of config) {
				const key = JSON.stringify(entry.files ?? null);
				map[key] = { ...map[key], ...entry.rules };
			}
			return map;
		};
		const ours = byFiles(scans.config);
		const theirs = byFiles(scans.scannerConfig);
		const missing = [];
		for (const [files, rules] of Object.entries(theirs)) {
			for (const [rule, level] of Object.entries(rules)) {
				if (String(severity(level)) !== String(severity(ours[files]?.[rule]))) missing.push(`${files} ${rule}: scanner ${severity(level)}, ours ${severity(ours[files]?.[rule])}`);
			}
		}
		expect(missing).toEqual([]);
		expect(Object.keys(theirs).length).toBeGreaterThan(3);
	});

	it("runs n8n's scanner (@n8n/scan-community-package) on the tarball and the source, and it fails the broken fixture", () => {
		const { broken, repaired, project, scannerVersion } = scans;
		expect(scannerVersion).toBe(require('../n8n-tools/package.json').dependencies['@n8n/scan-community-package']);
		for (const leg of ['tarball', 'source']) {
			expect(broken.scanner[leg]).toMatchObject({ passed: false, message: 'ESLint violations found' });
			expect(broken.scanner[leg].details).toMatch(/Broken\.node\.js[\s\S]*@n8n\/community-nodes\/no-restricted-globals/);
			expect(broken.scanner[leg].details).toMatch(/package\.json[\s\S]*@n8n\/community-nodes\/no-runtime-dependencies/);
			expect(repaired.scanner[leg]).toMatchObject({ passed: true, details: '' });
			expect(project.scanner[leg]).toMatchObject({ passed: true, details: '' });
		}
		expect(broken.scanner.tarball.patterns).toEqual(['**/*.js', 'package.json']);
		expect(broken.scanner.source.patterns).toEqual(['package.json', '{nodes,credentials}/**/*.{js,ts,json}']);
		expect(broken.problems).toEqual(
			expect.arrayContaining([`n8n scanner ${scannerVersion}, tarball: ESLint violations found`, `n8n scanner ${scannerVersion}, source: ESLint violations found`]),
		);
	});

	it('rejects a shipped code file that uses both atob and eval, and only that pairing', () => {
		expect(scans.atobEvalFiles).toEqual(['both.js', 'both.mjs']);
		const { atobEval } = scans;
		expect(atobEval.passed).toBe(false);
		expect(atobEval.problems).toContain("tarball dist/nodes/Broken/payload.js uses both atob and eval: n8n's malware check flags the pair");
		expect(atobEval.problems.filter((p) => p.includes('atob'))).toHaveLength(1);
	});

	it('rejects a package with a runtime dependency and a timer hidden behind eslint-disable', () => {
		const { broken } = scans;
		expect(broken.passed).toBe(false);
		// Inline config is off: the disabled setTimeout is reported in the shipped .js and in the source.
		expect(errorsOf(broken.tarball)).toEqual([
			'Broken.node.js @n8n/community-nodes/no-restricted-globals',
			'package.json @n8n/community-nodes/no-runtime-dependencies',
		]);
		expect(errorsOf(broken.source)).toEqual(errorsOf(broken.tarball));
		expect(broken.problems).toEqual(
			expect.arrayContaining([
				expect.stringMatching(/^source package\.json has dependencies \(lodash\)/),
				expect.stringMatching(/^tarball package\.json has dependencies \(lodash\)/),
				'tarball: 2 ESLint error(s)',
				'source: 2 ESLint error(s)',
			]),
		);
	});

	it('passes the same fixture once both defects are removed (so they are what failed it)', () => {
		expect(scans.repaired).toMatchObject({ passed: true, problems: [] });
		expect(scans.repaired.tarball.files.map((f) => path.basename(f)).sort()).toEqual(['Broken.node.js', 'index.js', 'package.json']);
	});

	it('passes this package: tarball and source lint clean of errors, manifest accepted', () => {
		const { project } = scans;
		expect({ problems: project.problems, report: project.source.errorCount ? project.source.report : '' }).toEqual({ problems: [], report: '' });
		expect(project.passed).toBe(true);
		expect(project.tarball.errorCount).toBe(0);
		expect(project.source.errorCount).toBe(0);
		const rel = (leg, base) => leg.files.map((f) => path.relative(base, f).split(path.sep).join('/'));
		// Both legs actually linted the node and the credential.
		expect(rel(project.source, root)).toEqual(
			expect.arrayContaining(['package.json', 'credentials/BoomiSpacesApi.credentials.ts', 'nodes/BoomiSpaces/BoomiSpaces.node.ts']),
		);
		const shipped = project.tarball.files.map((f) => f.split(`${path.sep}package${path.sep}`).pop().split(path.sep).join('/'));
		expect(shipped).toEqual(
			expect.arrayContaining(['package.json', 'index.js', 'dist/credentials/BoomiSpacesApi.credentials.js', 'dist/nodes/BoomiSpaces/BoomiSpaces.node.js']),
		);
	});

	it('exits 1 from the command line on the broken fixture and prints the stylish report', () => {
		const dir = fixtureCopy(temp, 'cli');
		const result = spawnSync(process.execPath, [scanModule, dir], { cwd: root, encoding: 'utf8' });
		expect(result.stderr).toBe('');
		expect(result.status).toBe(1);
		expect(result.stdout).toMatch(/no-restricted-globals/);
		expect(result.stdout).toMatch(/n8n scanner .*tarball .*FAILED \(ESLint violations found\)/s);
		expect(result.stdout).toMatch(/✖ scan failed/);
	}, 60000);
});

describe('scan package.json rules', () => {
	const good = { name: 'n8n-nodes-x', peerDependencies: { 'n8n-workflow': '*' }, scripts: { build: 'tsc', test: 'jest' } };

	it('accepts a package with only the n8n-workflow peer and no lifecycle scripts', () => {
		expect(checkManifest(good)).toEqual([]);
		expect(checkManifest(require('../../package.json'))).toEqual([]);
	});

	it.each([
		['dependencies', { dependencies: { axios: '1.0.0' } }, /dependencies \(axios\)/],
		['an empty dependencies object', { dependencies: {} }, /empty dependencies/],
		['optionalDependencies', { optionalDependencies: { x: '1' } }, /optionalDependencies \(x\)/],
		['bundleDependencies', { bundleDependencies: ['x'] }, /bundleDependencies \(x\)/],
		['overrides', { overrides: { x: '1' } }, /overrides/],
		['a postinstall script', { scripts: { ...good.scripts, postinstall: 'node x' } }, /lifecycle scripts \(postinstall\)/],
		['a prepare script', { scripts: { prepare: 'npm run build' } }, /lifecycle scripts \(prepare\)/],
		['another peer', { peerDependencies: { 'n8n-workflow': '*', 'n8n-core': '*' } }, /peerDependencies must be exactly/],
		['a pinned n8n-workflow peer', { peerDependencies: { 'n8n-workflow': '^1.0.0' } }, /peerDependencies must be exactly/],
		['no peer', { peerDependencies: undefined }, /peerDependencies must be exactly/],
	])('rejects %s', (_, change, message) => {
		const problems = checkManifest({ ...good, ...change });
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatch(message);
	});

	it('knows the install-time lifecycle scripts', () => {
		expect(LIFECYCLE_SCRIPTS).toEqual(expect.arrayContaining(['preinstall', 'install', 'postinstall', 'prepare']));
	});
});
