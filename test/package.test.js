// The package as n8n and the community-package scanner see it: package.json
// rules, and a dist/ that loads with nothing but n8n-workflow (jest's
// globalSetup has just built it).
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const root = path.resolve(__dirname, '..');
const pkg = require('../package.json');

describe('package.json', () => {
	it('is a community node package with no runtime dependencies', () => {
		expect(pkg.name).toBe('n8n-nodes-boomi-spaces');
		expect(pkg.license).toBe('MIT');
		expect(pkg.keywords).toContain('n8n-community-node-package');
		expect(pkg.files).toEqual(['dist']);
		expect(pkg.dependencies).toBeUndefined();
		expect(pkg.peerDependencies).toEqual({ 'n8n-workflow': '*' });
		expect(pkg.overrides).toBeUndefined();
		for (const script of ['prepare', 'preinstall', 'install', 'postinstall', 'prepublish']) {
			expect(pkg.scripts[script]).toBeUndefined();
		}
	});

	it('names the built node and credential', () => {
		expect(pkg.n8n).toEqual({
			n8nNodesApiVersion: 1,
			credentials: ['dist/credentials/BoomiSpacesApi.credentials.js'],
			nodes: ['dist/nodes/BoomiSpaces/BoomiSpaces.node.js', 'dist/nodes/BoomiSpacesTrigger/BoomiSpacesTrigger.node.js'],
		});
		for (const file of [...pkg.n8n.credentials, ...pkg.n8n.nodes]) {
			expect(fs.existsSync(path.join(root, file))).toBe(true);
		}
	});

	it('has real metadata, not template placeholders', () => {
		const text = JSON.stringify([pkg.description, pkg.homepage, pkg.author, pkg.repository]);
		expect(text).not.toMatch(/starter|placeholder|your[-_ ]?name|example\.com|TODO/i);
		expect(pkg.repository.url).toMatch(/^git\+https:\/\/github\.com\/.+\.git$/);
		expect(pkg.homepage).toMatch(/^https:\/\//);
		expect(pkg.author.name).toBeTruthy();
	});

	it('pins n8n-core and n8n-workflow to the same exact version', () => {
		const { 'n8n-core': core, 'n8n-workflow': workflow } = pkg.devDependencies;
		expect(core).toMatch(/^\d+\.\d+\.\d+$/);
		expect(workflow).toBe(core);
	});
});

/** Files below `dir` (absolute paths) whose name passes `keep`. */
function filesUnder(dir, keep) {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) return filesUnder(full, keep);
		return keep(entry.name) ? [full] : [];
	});
}

describe('dist/', () => {
	const distFiles = filesUnder(path.join(root, 'dist'), (name) => name.endsWith('.js'));

	it('holds the compiled sources: a .js for every .ts of credentials/ and nodes/', () => {
		const isSource = (name) => name.endsWith('.ts') && !name.endsWith('.d.ts');
		const sources = ['credentials', 'nodes'].flatMap((dir) => filesUnder(path.join(root, dir), isSource)).map((file) => path.relative(root, file));
		const compiled = distFiles.map((file) => path.relative(path.join(root, 'dist'), file));
		// Stale files of an earlier local build may remain in dist/ (tsc never deletes): every source compiled is what counts.
		expect(compiled).toEqual(expect.arrayContaining(sources.map((file) => file.replace(/\.ts$/, '.js'))));
		expect(sources).toContain(path.join('nodes', 'BoomiSpaces', 'BoomiSpaces.node.ts'));
		expect(sources).toContain(path.join('nodes', 'BoomiSpacesTrigger', 'BoomiSpacesTrigger.node.ts'));
	});

	it('requires nothing but n8n-workflow and relative files', () => {
		const required = new Set();
		for (const file of distFiles) {
			const source = fs.readFileSync(file, 'utf8');
			for (const match of source.matchAll(/\brequire\(\s*(['"`])([^'"`]+)\1\s*\)/g)) {
				required.add(match[2]);
			}
			expect(source).not.toMatch(/\bimport\s*\(/);
		}
		const external = [...required].filter((name) => !name.startsWith('.'));
		expect(external).toEqual(['n8n-workflow']);
	});

	it('loads in a plain Node process where only n8n-workflow may be resolved', () => {
		// A child process, because jest's module registry bypasses Node's resolver.
		const script = `
			const Module = require('module');
			const path = require('path');
			const dist = path.join(${JSON.stringify(root)}, 'dist');
			const seen = new Set();
			const resolve = Module._resolveFilename;
			Module._resolveFilename = function (request, parent, ...rest) {
				if (parent && parent.filename && parent.filename.startsWith(dist) && !request.startsWith('.')) {
					seen.add(request);
					if (request !== 'n8n-workflow') throw new Error('dist requires ' + request);
				}
				return resolve.call(this, request, parent, ...rest);
			};
			for (const file of ${JSON.stringify([...pkg.n8n.credentials, ...pkg.n8n.nodes])}) {
				const exported = require(path.join(${JSON.stringify(root)}, file));
				for (const Type of Object.values(exported)) if (typeof Type === 'function') new Type();
			}
			console.log(JSON.stringify([...seen]));
		`;
		const out = execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' });
		expect(JSON.parse(out.trim())).toEqual(['n8n-workflow']);
	});

	it('uses no Node globals n8n Cloud forbids, nor timers', () => {
		for (const file of distFiles) {
			const source = fs.readFileSync(file, 'utf8');
			expect({ file, hits: source.match(/\b(process\.|setTimeout|setInterval|setImmediate|__dirname|__filename|globalThis)\b/g) }).toEqual({ file, hits: null });
		}
	});
});
