// What gets published and how: the tarball `npm pack` builds (jest's
// globalSetup has just built dist/), the release files, and the GitHub
// workflows that run CI and publish with npm provenance.
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const yaml = require('js-yaml');

const root = path.resolve(__dirname, '..');
const pkg = require('../package.json');

/** Icon paths (`file:...`) a built node or credential refers to. */
const iconRefs = (source) => [...source.matchAll(/['"`]file:([^'"`]+)['"`]/g)].map((m) => m[1]);

describe('npm pack', () => {
	let pack;
	let files;

	beforeAll(() => {
		const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' });
		[pack] = JSON.parse(out.slice(out.indexOf('[')));
		files = pack.files.map((f) => f.path).sort();
	}, 60000);

	it('ships only dist/, README.md, LICENSE, package.json and the main file', () => {
		expect(pkg.main).toBe('index.js');
		const allowed = (file) => file.startsWith('dist/') || ['README.md', 'LICENSE', 'package.json', pkg.main].includes(file);
		expect(files.filter((file) => !allowed(file))).toEqual([]);
		for (const file of ['README.md', 'LICENSE', 'package.json', pkg.main]) expect(files).toContain(file);
	});

	it('holds no tests, fixtures, simulator, sources, source maps or build info', () => {
		const forbidden = files.filter(
			(file) =>
				/(^|\/)(test|tests|__tests__|fixtures?|simulator|bench|coverage|examples)(\/|$)/i.test(file) ||
				/\.(test|spec)\.[jt]s$/.test(file) ||
				(file.endsWith('.ts') && !file.endsWith('.d.ts')) ||
				/\.(map|tsbuildinfo|tgz|log)$/.test(file) ||
				/(^|\/)\.(env|npmrc|git)/.test(file),
		);
		expect(forbidden).toEqual([]);
	});

	it('holds the node and credential package.json names, and the icons they refer to', () => {
		for (const file of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) {
			expect(files).toContain(file);
			for (const icon of iconRefs(fs.readFileSync(path.join(root, file), 'utf8'))) {
				expect({ file, icon, shipped: files.includes(path.posix.join(path.posix.dirname(file), icon)) }).toEqual({ file, icon, shipped: true });
			}
		}
	});

	it('ships no stale build output: every dist file has its source', () => {
		const orphans = files
			.filter((file) => file.startsWith('dist/'))
			.filter((file) => {
				const source = file.slice('dist/'.length).replace(/\.d\.ts$|\.js$/, '.ts');
				return !fs.existsSync(path.join(root, source));
			});
		// A source renamed or deleted leaves its old output in dist/, and npm pack would ship it.
		expect({ orphans, fix: orphans.length ? 'rm -rf dist && npm run build' : undefined }).toEqual({ orphans: [], fix: undefined });
	});

	it('contains no absolute path of the build machine', () => {
		const leaks = files.filter((file) => /\.(js|json|ts|md)$/.test(file) && fs.readFileSync(path.join(root, file), 'utf8').includes(root));
		expect(leaks).toEqual([]);
	});

	it('stays small', () => {
		// Reported for the release notes; 0.1.0 packs to roughly 10–30 kB.
		process.stdout.write(`npm pack: ${files.length} files, ${pack.size} bytes packed, ${pack.unpackedSize} unpacked\n`);
		expect(pack.size).toBeLessThan(256 * 1024);
		expect(pack.entryCount).toBe(files.length);
	});
});

describe('release files', () => {
	it('LICENSE is MIT, for the maintainers, as package.json says', () => {
		const license = fs.readFileSync(path.join(root, 'LICENSE'), 'utf8');
		expect(pkg.license).toBe('MIT');
		expect(license).toMatch(/^MIT License\n\nCopyright \(c\) 2026 n8n-nodes-boomi-spaces maintainers\n/);
		expect(license).toMatch(/THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND/);
	});

	it('CHANGELOG.md follows Keep a Changelog and has an entry for the package version', () => {
		const changelog = fs.readFileSync(path.join(root, 'CHANGELOG.md'), 'utf8');
		expect(changelog).toMatch(/keepachangelog\.com/);
		expect(changelog).toMatch(/^## \[Unreleased\]$/m);
		const entry = new RegExp(`^## \\[${pkg.version.replace(/\./g, '\\.')}\\] - \\d{4}-\\d{2}-\\d{2}$`, 'm');
		expect(changelog).toMatch(entry);
		expect(changelog).toMatch(new RegExp(`^\\[${pkg.version.replace(/\./g, '\\.')}\\]: https://github\\.com/`, 'm'));
		// Every version heading uses one of Keep a Changelog's section names.
		for (const [, section] of changelog.matchAll(/^### (.+)$/gm)) {
			expect(['Added', 'Changed', 'Deprecated', 'Removed', 'Fixed', 'Security']).toContain(section);
		}
	});

	it('engines.node names the oldest Node the tests run on, and the README says which were tested', () => {
		expect(pkg.engines).toEqual({ node: '>=20.19' });
		const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
		expect(readme).toMatch(/^## Verification$/m);
		expect(readme).toMatch(/^## End-to-end$/m);
		const e2eN8n = require('./e2e/package.json').dependencies.n8n;
		expect(readme).toContain(`n8n ${e2eN8n}`);
		const e2eN8nNode20 = require('./e2e/n8n-2.8/package.json').dependencies.n8n;
		expect(readme).toContain(`n8n ${e2eN8nNode20}`);
	});
});

describe('README', () => {
	const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');

	it('links only to files that exist, and its pictures are small PNGs in docs/images', () => {
		const targets = [...readme.matchAll(/\]\(((?!https?:|#)[^)\s]+)\)/g)].map((m) => m[1].split('#')[0]);
		expect(targets.length).toBeGreaterThan(0);
		for (const target of targets) expect([target, fs.existsSync(path.join(root, target))]).toEqual([target, true]);
		const images = [...readme.matchAll(/!\[[^\]]+\]\((?!https?:)([^)]+)\)/g)].map((m) => m[1]);
		expect(images).toEqual(['docs/images/node-actions.png', 'docs/images/credential-form.png', 'docs/images/node-panel.png']);
		for (const image of images) {
			const bytes = fs.readFileSync(path.join(root, image));
			expect(bytes.subarray(1, 4).toString()).toBe('PNG');
			expect(bytes.length).toBeLessThan(200 * 1024);
		}
	});

	it('names the set-up commands, the e2e and the install routes users need', () => {
		for (const text of ['npm ci && npm run demo', 'npm test', 'npm run demo:n8n', 'npm run e2e', '## Install in n8n', 'N8N_COMMUNITY_PACKAGES', 'Queue mode', '~/.n8n/nodes']) {
			expect([text, readme.includes(text)]).toEqual([text, true]);
		}
		expect(pkg.scripts['demo:n8n']).toBe('node test/e2e/demo-n8n.js');
	});
});

describe('GitHub workflows', () => {
	const load = (name) => yaml.load(fs.readFileSync(path.join(root, '.github', 'workflows', name), 'utf8'));
	const setupNode = (job) => job.steps.find((step) => String(step.uses).startsWith('actions/setup-node@'));
	const runs = (job) => job.steps.filter((step) => step.run).map((step) => step.run.trim());

	describe('ci.yml', () => {
		const ci = load('ci.yml');

		it('runs on pushes to main and on pull requests, read-only', () => {
			expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push', 'workflow_dispatch']);
			expect(ci.on.push.branches).toEqual(['main']);
			expect(ci.permissions).toEqual({ contents: 'read' });
		});

		it('runs .ci/run on Node 20 and 22 — the README test command and then both e2e runs — within 90 minutes', () => {
			const job = ci.jobs.ci;
			expect(Object.keys(ci.jobs)).toEqual(['ci']);
			expect(job['timeout-minutes']).toBe(90);
			// n8n 2.x runs on both; one failing Node must not cancel the other's run.
			expect(job.strategy).toEqual({ 'fail-fast': false, matrix: { node: [20, 22] } });
			expect(job.name).toContain('${{ matrix.node }}');
			expect(job.steps[0].uses).toMatch(/^actions\/checkout@v\d+$/);
			expect(setupNode(job).with['node-version']).toBe('${{ matrix.node }}');
			// Each matrix job uploads its own screenshots (artifact names must differ).
			const upload = job.steps.find((step) => String(step.uses).startsWith('actions/upload-artifact@'));
			expect(upload.with.name).toContain('${{ matrix.node }}');
			expect(runs(job).filter((run) => !run.startsWith('echo '))).toEqual(['bash .ci/run']);
			const script = fs.readFileSync(path.join(root, '.ci', 'run'), 'utf8');
			const at = (text) => script.indexOf(text);
			expect(at('npm test')).toBeGreaterThan(at('npm ci'));
			expect(at('npm run e2e')).toBeGreaterThan(at('npm test'));
			expect(pkg.scripts.e2e).toBe('node test/e2e/run.js');
		});

		it('caches both pinned n8n installs and the fetched Node 24', () => {
			const cache = ci.jobs.ci.steps.find((step) => String(step.uses).startsWith('actions/cache@'));
			expect(cache.with.path.trim().split('\n')).toEqual(['test/e2e/node_modules', 'test/e2e/.node', 'test/e2e/n8n-2.8/node_modules']);
			expect(cache.with.key).toContain("'test/e2e/package-lock.json'");
			expect(cache.with.key).toContain("'test/e2e/n8n-2.8/package-lock.json'");
			// Per Node version: sqlite3 is built for the Node n8n 2.8.4 runs on.
			expect(cache.with.key).toContain('steps.node.outputs.version');
			expect(require('./e2e/package.json').dependencies).toEqual({ n8n: '2.41.1' });
			const pinned = require('./e2e/n8n-2.8/package.json');
			expect(pinned.dependencies).toEqual({ n8n: '2.8.4' });
			// n8n-nodes-base 2.8 names xlsx by a cdn.sheetjs.com tarball URL.
			expect(pinned.overrides).toEqual({ xlsx: '0.18.5' });
			for (const dir of ['test/e2e', 'test/e2e/n8n-2.8']) expect(fs.existsSync(path.join(root, dir, 'package-lock.json'))).toBe(true);
		});
	});

	describe('publish.yml', () => {
		const publish = load('publish.yml');
		const job = Object.values(publish.jobs)[0];

		it('runs on version tags only', () => {
			expect(publish.on).toEqual({ push: { tags: ['v*'] } });
			expect(Object.keys(publish.jobs)).toHaveLength(1);
		});

		it('may mint an OIDC token for provenance and nothing else', () => {
			expect(publish.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
			expect(job.permissions).toBeUndefined();
		});

		it('sets up Node 20 with the npm registry for the auth token', () => {
			const { with: options } = setupNode(job);
			expect(String(options['node-version'])).toBe('20');
			expect(options['registry-url']).toBe('https://registry.npmjs.org');
		});

		it('installs, lints, builds, tests and scans before npm publish --provenance --access public', () => {
			const commands = runs(job);
			const order = ['npm ci', 'npm run lint', 'npm run build', 'npm test', 'npm run scan', 'npm publish --provenance --access public'];
			expect(commands.filter((c) => order.includes(c))).toEqual(order);
			expect(commands[commands.length - 1]).toBe('npm publish --provenance --access public');
			const step = job.steps.find((s) => s.run && s.run.startsWith('npm publish'));
			expect(step.env).toEqual({ NODE_AUTH_TOKEN: '${{ secrets.NPM_TOKEN }}' });
		});

		it('refuses a tag that does not match package.json', () => {
			expect(runs(job).some((c) => c.includes('GITHUB_REF_NAME') && c.includes("require('./package.json').version"))).toBe(true);
		});
	});
});

describe('examples/', () => {
	// n8n keeps node ids in varchar(36) columns (e.g. workflow_publication_trigger_status.nodeId):
	// SQLite ignores the length, Postgres — queue mode's database — refuses a longer id.
	it('gives every node a UUID id (36 characters)', () => {
		const dir = path.join(root, 'examples');
		for (const file of fs.readdirSync(dir).filter((name) => name.endsWith('.json'))) {
			const { nodes } = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
			for (const node of nodes) expect([file, node.id]).toEqual([file, expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)]);
		}
	});
});
